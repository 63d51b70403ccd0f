/*
 * ts_parser.c: text search parsers.  Only a superuser can create one (its
 * functions are written in C); nothing but names and schemas can be
 * altered, so any change drops the parser and creates it again.
 */
#include <stdlib.h>

#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

static void ts_parser_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	const char *headline = obj_get(o, "headline");

	strbuf_adds(&sql, "CREATE TEXT SEARCH PARSER ");
	quote_qualified(&sql, o->schema, o->name);
	/* regproc text: names quoted and qualified as needed */
	strbuf_addf(&sql, " (START = %s, GETTOKEN = %s, END = %s, LEXTYPES = %s",
		    obj_get(o, "start"), obj_get(o, "gettoken"),
		    obj_get(o, "end"), obj_get(o, "lextypes"));
	if (headline)
		strbuf_addf(&sql, ", HEADLINE = %s", headline);
	strbuf_addch(&sql, ')');
	plan_add(plan, ACT_CREATE, CH_CREATE_TS_PARSER, o, NULL, &sql);
	strbuf_release(&sql);
}

static void drop_parser(struct plan *plan, const struct object *o,
			enum change ch)
{
	struct strbuf sql = STRBUF_INIT;
	const char *what = NULL;
	struct stmt *st;

	strbuf_adds(&sql, "DROP TEXT SEARCH PARSER ");
	quote_qualified(&sql, o->schema, o->name);
	/* the generic re-create rule does not say what kind it drops */
	if (ch == CH_RECREATE_DROP) {
		char *name = obj_display_name(o);
		what = arena_printf(&plan->arena, "text search parser %s", name);
		free(name);
	}
	st = plan_add(plan, ACT_DROP, ch, o, what, &sql);
	st->lock = LOCK_NONE;
	strbuf_release(&sql);
}

static void ts_parser_drop(struct plan *plan, const struct object *o)
{
	drop_parser(plan, o, CH_DROP_TS_PARSER);
}

static void ts_parser_alter(struct plan *plan, const struct object *from,
			    const struct object *to)
{
	if (obj_same_attrs(from, to))
		return;
	drop_parser(plan, from, CH_RECREATE_DROP);
	ts_parser_create(plan, to);
}

const struct kind_ops ts_parser_ops = {
	ts_parser_create, ts_parser_drop, ts_parser_alter
};
