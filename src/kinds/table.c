/* table.c: CREATE / DROP TABLE, logging, and the walk over a table's columns. */
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"

static int unlogged(const struct object *t)
{
	const char *p = obj_get(t, "persistence");
	return p && p[0] == 'u';
}

static void table_create(struct plan *plan, const struct object *t)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, unlogged(t) ? "CREATE UNLOGGED TABLE " :
		    "CREATE TABLE ");
	quote_qualified(&sql, t->schema, t->name);
	strbuf_adds(&sql, " (");
	for (size_t i = 0; i < t->nchildren; i++) {
		strbuf_adds(&sql, i ? ",\n    " : "\n    ");
		column_definition(&sql, t->children[i]);
	}
	strbuf_adds(&sql, t->nchildren ? "\n)" : ")");
	plan_add(plan, ACT_CREATE, CH_CREATE_TABLE, t, NULL, &sql);
	strbuf_release(&sql);
}

static void table_drop(struct plan *plan, const struct object *t)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, "DROP TABLE ");
	quote_qualified(&sql, t->schema, t->name);
	plan_add(plan, ACT_DROP, CH_DROP_TABLE, t, NULL, &sql);
	strbuf_release(&sql);
}

static const struct object *find_column(const struct object *t,
					const char *name)
{
	for (size_t i = 0; i < t->nchildren; i++)
		if (!strcmp(t->children[i]->name, name))
			return t->children[i];
	return NULL;
}

/* New columns are added in the target's order, which ADD COLUMN keeps. */
static void alter_columns(struct plan *plan, const struct object *from,
			  const struct object *to)
{
	struct stmt *last_add = NULL;

	for (size_t i = 0; i < from->nchildren; i++)
		if (!find_column(to, from->children[i]->name))
			column_ops.drop(plan, from->children[i]);
	for (size_t i = 0; i < to->nchildren; i++) {
		const struct object *col = to->children[i];
		const struct object *old = find_column(from, col->name);
		size_t before = plan->nstmts;

		if (old)
			column_ops.alter(plan, old, col);
		else
			column_ops.create(plan, col);
		for (size_t k = before; k < plan->nstmts; k++) {
			struct stmt *st = plan->stmts[k];
			if (st->action != ACT_CREATE)
				continue;
			if (last_add)
				stmt_after(st, last_add);
			last_add = st;
		}
	}
}

static void table_alter(struct plan *plan, const struct object *from,
			const struct object *to)
{
	struct strbuf sql = STRBUF_INIT;

	if (unlogged(from) != unlogged(to)) {
		strbuf_adds(&sql, "ALTER TABLE ");
		quote_qualified(&sql, to->schema, to->name);
		strbuf_adds(&sql, unlogged(to) ? " SET UNLOGGED" : " SET LOGGED");
		plan_add(plan, ACT_ALTER, CH_TABLE_PERSISTENCE, to, NULL, &sql);
	}
	alter_columns(plan, from, to);
	strbuf_release(&sql);
}

const struct kind_ops table_ops = { table_create, table_drop, table_alter };
