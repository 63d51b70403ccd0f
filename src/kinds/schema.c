/* schema.c: CREATE and DROP SCHEMA. */
#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"

static void schema_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, "CREATE SCHEMA ");
	quote_ident(&sql, o->name);
	plan_add(plan, ACT_CREATE, CH_CREATE_SCHEMA, o, NULL, &sql);
	strbuf_release(&sql);
}

static void schema_drop(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, "DROP SCHEMA ");
	quote_ident(&sql, o->name);
	plan_add(plan, ACT_DROP, CH_DROP_SCHEMA, o, NULL, &sql);
	strbuf_release(&sql);
}

static void schema_alter(struct plan *plan, const struct object *from,
			 const struct object *to)
{
	(void)plan;
	(void)from;
	(void)to;	/* a schema has nothing but its name, yet */
}

const struct kind_ops schema_ops = { schema_create, schema_drop, schema_alter };
