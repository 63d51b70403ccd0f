/*
 * ts_template.c: text search templates.  Only a superuser can create one
 * (its functions are written in C); nothing but names and schemas can be
 * altered, so any change drops the template and creates it again.
 */
#include <stdlib.h>

#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

static void ts_template_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	const char *init = obj_get(o, "init");

	strbuf_adds(&sql, "CREATE TEXT SEARCH TEMPLATE ");
	quote_qualified(&sql, o->schema, o->name);
	strbuf_adds(&sql, " (");
	/* regproc text: names quoted and qualified as needed */
	if (init)
		strbuf_addf(&sql, "INIT = %s, ", init);
	strbuf_addf(&sql, "LEXIZE = %s)", obj_get(o, "lexize"));
	plan_add(plan, ACT_CREATE, CH_CREATE_TS_TEMPLATE, o, NULL, &sql);
	strbuf_release(&sql);
}

static void drop_template(struct plan *plan, const struct object *o,
			  enum change ch)
{
	struct strbuf sql = STRBUF_INIT;
	const char *what = NULL;
	struct stmt *st;

	strbuf_adds(&sql, "DROP TEXT SEARCH TEMPLATE ");
	quote_qualified(&sql, o->schema, o->name);
	/* the generic re-create rule does not say what kind it drops */
	if (ch == CH_RECREATE_DROP) {
		char *name = obj_display_name(o);
		what = arena_printf(&plan->arena, "text search template %s", name);
		free(name);
	}
	st = plan_add(plan, ACT_DROP, ch, o, what, &sql);
	st->lock = LOCK_NONE;
	strbuf_release(&sql);
}

static void ts_template_drop(struct plan *plan, const struct object *o)
{
	drop_template(plan, o, CH_DROP_TS_TEMPLATE);
}

static void ts_template_alter(struct plan *plan, const struct object *from,
			      const struct object *to)
{
	if (obj_same_attrs(from, to))
		return;
	drop_template(plan, from, CH_RECREATE_DROP);
	ts_template_create(plan, to);
}

const struct kind_ops ts_template_ops = {
	ts_template_create, ts_template_drop, ts_template_alter
};
