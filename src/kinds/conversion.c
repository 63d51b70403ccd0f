/*
 * conversion.c: encoding conversions.  ALTER CONVERSION only renames, moves
 * and changes the owner: another pair of encodings, function or default
 * drops the conversion and creates it again.
 */
#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

static void conversion_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, obj_flag(o, "default") ?
		    "CREATE DEFAULT CONVERSION " : "CREATE CONVERSION ");
	quote_qualified(&sql, o->schema, o->name);
	strbuf_adds(&sql, " FOR ");
	quote_literal(&sql, obj_get(o, "source_encoding"));
	strbuf_adds(&sql, " TO ");
	quote_literal(&sql, obj_get(o, "target_encoding"));
	/* regproc text: quoted and qualified as needed */
	strbuf_addf(&sql, " FROM %s", obj_get(o, "function"));
	plan_add(plan, ACT_CREATE, CH_CREATE_CONVERSION, o, NULL, &sql);
	strbuf_release(&sql);
}

static void drop_conversion(struct plan *plan, const struct object *o,
			    enum change ch)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, "DROP CONVERSION ");
	quote_qualified(&sql, o->schema, o->name);
	plan_add(plan, ACT_DROP, ch, o, NULL, &sql);
	strbuf_release(&sql);
}

static void conversion_drop(struct plan *plan, const struct object *o)
{
	drop_conversion(plan, o, CH_DROP_CONVERSION);
}

static void conversion_alter(struct plan *plan, const struct object *from,
			     const struct object *to)
{
	if (obj_same_attrs(from, to))
		return;
	drop_conversion(plan, from, CH_REDEFINE_CONVERSION);
	conversion_create(plan, to);
}

const struct kind_ops conversion_ops = {
	conversion_create, conversion_drop, conversion_alter
};
