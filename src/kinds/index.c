/* index.c: indexes that no constraint owns; any change re-creates them. */
#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"

static void index_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	int new_table = !plan_source_of(plan, o->parent);

	strbuf_adds(&sql, obj_get(o, "definition"));
	plan_add(plan, ACT_CREATE,
		 new_table ? CH_CREATE_INDEX_NEW_TABLE : CH_CREATE_INDEX,
		 o, NULL, &sql);
	strbuf_release(&sql);
}

static struct stmt *index_drop_as(struct plan *plan, const struct object *o,
				  enum change ch)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;

	strbuf_adds(&sql, "DROP INDEX ");
	quote_qualified(&sql, o->schema, o->name);
	st = plan_add(plan, ACT_DROP, ch, o, NULL, &sql);
	strbuf_release(&sql);
	return st;
}

static void index_drop(struct plan *plan, const struct object *o)
{
	index_drop_as(plan, o, CH_DROP_INDEX);
}

static void index_alter(struct plan *plan, const struct object *from,
			const struct object *to)
{
	if (!obj_attr_differs(from, to, "definition"))
		return;
	index_drop_as(plan, from, CH_RECREATE_DROP);
	index_create(plan, to);
}

const struct kind_ops index_ops = { index_create, index_drop, index_alter };
