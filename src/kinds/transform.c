/*
 * transform.c: transforms, named by type and language ("FOR integer
 * LANGUAGE plfoo", schema-less like casts); CREATE OR REPLACE TRANSFORM
 * changes their functions in place.
 */
#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

/* "transform FOR integer LANGUAGE plfoo": what reasons call it. */
static const char *transform_name(struct plan *plan, const struct object *o)
{
	return arena_printf(&plan->arena, "transform %s", o->name);
}

/* " FOR integer LANGUAGE plfoo": the type as format_type writes it */
static void add_target(struct strbuf *sql, const struct object *o)
{
	strbuf_addf(sql, " FOR %s LANGUAGE ", obj_get(o, "type"));
	quote_ident(sql, obj_get(o, "language"));
}

static struct stmt *create_transform(struct plan *plan, const struct object *o,
				     enum action action, enum change ch)
{
	struct strbuf sql = STRBUF_INIT;
	const char *from_sql = obj_get(o, "from_sql");
	const char *to_sql = obj_get(o, "to_sql");
	struct stmt *st;

	strbuf_adds(&sql, action == ACT_CREATE ? "CREATE TRANSFORM" :
		    "CREATE OR REPLACE TRANSFORM");
	add_target(&sql, o);
	/* regprocedure text: qualified, quoted, with argument types */
	strbuf_adds(&sql, " (");
	if (from_sql)
		strbuf_addf(&sql, "FROM SQL WITH FUNCTION %s", from_sql);
	if (to_sql)
		strbuf_addf(&sql, "%sTO SQL WITH FUNCTION %s",
			    from_sql ? ", " : "", to_sql);
	strbuf_addch(&sql, ')');
	st = plan_add(plan, action, ch, o, transform_name(plan, o), &sql);
	strbuf_release(&sql);
	return st;
}

static void transform_create(struct plan *plan, const struct object *o)
{
	create_transform(plan, o, ACT_CREATE, CH_CREATE_TRANSFORM);
}

static void transform_drop(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, "DROP TRANSFORM");
	add_target(&sql, o);
	plan_add(plan, ACT_DROP, CH_DROP_TRANSFORM, o, transform_name(plan, o),
		 &sql);
	strbuf_release(&sql);
}

/* It stops needing functions it no longer names: their drops wait for it. */
static void transform_alter(struct plan *plan, const struct object *from,
			    const struct object *to)
{
	if (!obj_attr_differs(from, to, "from_sql") &&
	    !obj_attr_differs(from, to, "to_sql"))
		return;
	create_transform(plan, to, ACT_ALTER, CH_REPLACE_TRANSFORM);
}

const struct kind_ops transform_ops = {
	transform_create, transform_drop, transform_alter
};
