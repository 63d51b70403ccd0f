/* range.c: range types; nothing about one can be altered, so a change re-creates it. */
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"
#include "pgdiff/typekinds.h"

static void add_option(struct strbuf *sql, const char *name, const char *value)
{
	if (value)
		strbuf_addf(sql, ", %s = %s", name, value);
}

static void range_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;

	strbuf_adds(&sql, "CREATE TYPE ");
	quote_qualified(&sql, o->schema, o->name);
	strbuf_addf(&sql, " AS RANGE (subtype = %s", obj_get(o, "subtype"));
	add_option(&sql, "subtype_opclass", obj_get(o, "subtype_opclass"));
	add_option(&sql, "collation", obj_get(o, "collation"));
	add_option(&sql, "canonical", obj_get(o, "canonical"));
	add_option(&sql, "subtype_diff", obj_get(o, "subtype_diff"));
	add_option(&sql, "multirange_type_name",
		   obj_get(o, "multirange_type_name"));
	strbuf_addch(&sql, ')');
	st = plan_add(plan, ACT_CREATE, CH_CREATE_RANGE, o, NULL, &sql);
	typename_claim(plan, st, o);
	strbuf_release(&sql);
}

static void range_drop(struct plan *plan, const struct object *o)
{
	drop_type(plan, o, "TYPE", CH_DROP_RANGE);
}

static void range_alter(struct plan *plan, const struct object *from,
			const struct object *to)
{
	if (obj_same_attrs(from, to))
		return;
	drop_type(plan, from, "TYPE", CH_RECREATE_TYPE);
	range_create(plan, to);
}

const struct kind_ops range_ops = { range_create, range_drop, range_alter };
