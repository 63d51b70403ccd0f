/*
 * statistics.c: extended statistics objects (CREATE STATISTICS).  Only the
 * statistics target has an ALTER; any other change re-creates the object.
 * They belong to their table, but are named in their own schema, like
 * indexes.  PostgreSQL rebuilds one whose column changes type, resetting
 * its target and owner: the kind is fragile, re-created around the ALTER.
 */
#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"

static void set_target(struct plan *plan, const struct object *o,
		       struct stmt *after)
{
	struct strbuf sql = STRBUF_INIT;
	const char *target = obj_get(o, "statistics_target");
	struct stmt *st;

	strbuf_adds(&sql, "ALTER STATISTICS ");
	quote_qualified(&sql, o->schema, o->name);
	strbuf_addf(&sql, " SET STATISTICS %s", target ? target : "-1");
	st = plan_add(plan, ACT_ALTER, CH_STATISTICS_TARGET, o, NULL, &sql);
	if (after)
		stmt_after(st, after);
	strbuf_release(&sql);
}

static void statistics_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;

	strbuf_adds(&sql, obj_get(o, "definition"));
	st = plan_add(plan, ACT_CREATE, CH_CREATE_STATISTICS, o, NULL, &sql);
	if (obj_get(o, "statistics_target"))
		set_target(plan, o, st);
	strbuf_release(&sql);
}

static void drop_as(struct plan *plan, const struct object *o, enum change ch)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, "DROP STATISTICS ");
	quote_qualified(&sql, o->schema, o->name);
	plan_add(plan, ACT_DROP, ch, o, NULL, &sql);
	strbuf_release(&sql);
}

static void statistics_drop(struct plan *plan, const struct object *o)
{
	drop_as(plan, o, CH_DROP_STATISTICS);
}

static void statistics_alter(struct plan *plan, const struct object *from,
			     const struct object *to)
{
	if (obj_attr_differs(from, to, "definition")) {
		drop_as(plan, from, CH_RECREATE_DROP);
		statistics_create(plan, to);
		return;
	}
	if (obj_attr_differs(from, to, "statistics_target"))
		set_target(plan, to, NULL);
}

const struct kind_ops statistics_ops = { statistics_create, statistics_drop,
					 statistics_alter };
