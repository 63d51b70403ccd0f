/* rule.c: rewrite rules of tables (not a view's _RETURN); CREATE OR REPLACE RULE for a new definition. */
#include <stdlib.h>
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

static char *rule_what(const struct object *o)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_adds(&sb, "rule ");
	quote_qualified(&sb, o->parent->schema, o->parent->name);
	strbuf_addch(&sb, '.');
	quote_ident(&sb, o->name);
	return strbuf_detach(&sb);
}

static struct stmt *add(struct plan *plan, enum action action,
			enum change ch, const struct object *o,
			struct strbuf *sql)
{
	char *what = rule_what(o);
	struct stmt *st = plan_add(plan, action, ch, o, what, sql);

	free(what);
	return st;
}

/*
 * pg_get_ruledef's text, "CREATE RULE name AS ...;", without the final
 * semicolon, as CREATE OR REPLACE when replace is set.
 */
static void definition(struct strbuf *sql, const struct object *o,
		       int replace)
{
	const char *def = obj_get(o, "definition");
	static const char create[] = "CREATE RULE ";

	if (replace && !strncmp(def, create, strlen(create))) {
		strbuf_adds(sql, "CREATE OR REPLACE RULE ");
		def += strlen(create);
	}
	strbuf_adds(sql, def);
	strbuf_strip_suffix(sql, ";");
}

static void rule_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;

	definition(&sql, o, 0);
	st = add(plan, ACT_CREATE, CH_CREATE_TRIGGER, o, &sql);
	firing_state_alter(plan, o, 'O', 0, st);
	strbuf_release(&sql);
}

static void rule_drop(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, "DROP RULE ");
	quote_ident(&sql, o->name);
	strbuf_adds(&sql, " ON ");
	quote_qualified(&sql, o->parent->schema, o->parent->name);
	add(plan, ACT_DROP, CH_DROP_TRIGGER, o, &sql);
	strbuf_release(&sql);
}

/* CREATE OR REPLACE RULE keeps the rule's firing state. */
static void rule_alter(struct plan *plan, const struct object *from,
		       const struct object *to)
{
	struct stmt *st = NULL;

	if (obj_attr_differs(from, to, "definition")) {
		struct strbuf sql = STRBUF_INIT;

		definition(&sql, to, 1);
		st = add(plan, ACT_ALTER, CH_REDEFINE_TRIGGER, to, &sql);
		strbuf_release(&sql);
	}
	firing_state_alter(plan, to, firing_state(from), firing_state(from),
			   st);
}

const struct kind_ops rule_ops = { rule_create, rule_drop, rule_alter };
