/*
 * opclass.c: operator classes, keyed by name and index method (args).
 * Nothing about a class can be altered: any change drops and re-creates
 * it, and the indexes using it with it.
 */
#include <stdlib.h>

#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

/* "public.c USING btree": how every statement names a class. */
static void add_class_name(struct strbuf *sql, const struct object *o)
{
	quote_qualified(sql, o->schema, o->name);
	strbuf_adds(sql, " USING ");
	quote_ident(sql, o->args ? o->args : "");
}

static const char *class_name(struct plan *plan, const struct object *o)
{
	char *name = obj_display_name(o);
	const char *what = arena_printf(&plan->arena, "operator class %s", name);

	free(name);
	return what;
}

static void opclass_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	const char *storage = obj_get(o, "storage");
	const char *members = obj_get(o, "members");

	strbuf_adds(&sql, "CREATE OPERATOR CLASS ");
	quote_qualified(&sql, o->schema, o->name);
	if (obj_flag(o, "default"))
		strbuf_adds(&sql, " DEFAULT");
	strbuf_addf(&sql, " FOR TYPE %s USING ", obj_get(o, "type"));
	quote_ident(&sql, o->args ? o->args : "");
	/*
	 * Always the family by name: without FAMILY, CREATE OPERATOR CLASS
	 * takes (or makes) the one named like the class, which is an object
	 * of its own here.
	 */
	strbuf_addf(&sql, " FAMILY %s AS ", obj_get(o, "family"));
	strbuf_adds(&sql, members ? members : "");
	if (storage)
		strbuf_addf(&sql, "%sSTORAGE %s", members ? ", " : "", storage);
	plan_add(plan, ACT_CREATE, CH_CREATE_OPCLASS, o, class_name(plan, o),
		 &sql);
	strbuf_release(&sql);
}

static void drop_class(struct plan *plan, const struct object *o,
		       enum change ch)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, "DROP OPERATOR CLASS ");
	add_class_name(&sql, o);
	plan_add(plan, ACT_DROP, ch, o, class_name(plan, o), &sql);
	strbuf_release(&sql);
}

static void opclass_drop(struct plan *plan, const struct object *o)
{
	drop_class(plan, o, CH_DROP_OPCLASS);
}

static void opclass_alter(struct plan *plan, const struct object *from,
			  const struct object *to)
{
	if (obj_same_attrs(from, to))
		return;
	drop_class(plan, from, CH_RECREATE_DROP);
	opclass_create(plan, to);
}

const struct kind_ops opclass_ops = {
	opclass_create, opclass_drop, opclass_alter
};
