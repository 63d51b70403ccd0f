/* enum.c: enum types; new values by ADD VALUE, removed or moved ones by a rebuild. */
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/pgarray.h"
#include "pgdiff/quote.h"
#include "pgdiff/typekinds.h"
#include "pgdiff/util.h"

static void labels_of(struct pgarray *arr, const struct object *o)
{
	if (pgarray_parse(arr, obj_get(o, "labels")) < 0)
		BUG("malformed enum labels of %s", o->key);
}

static void enum_create_named(struct plan *plan, const struct object *o,
			      enum change ch)
{
	struct strbuf sql = STRBUF_INIT;
	struct pgarray labels;

	labels_of(&labels, o);
	strbuf_adds(&sql, "CREATE TYPE ");
	quote_qualified(&sql, o->schema, o->name);
	strbuf_adds(&sql, " AS ENUM (");
	for (size_t i = 0; i < labels.n; i++) {
		if (i)
			strbuf_adds(&sql, ", ");
		quote_literal(&sql, labels.items[i]);
	}
	strbuf_addch(&sql, ')');
	plan_add(plan, ACT_CREATE, ch, o, NULL, &sql);
	pgarray_release(&labels);
	strbuf_release(&sql);
}

static void enum_create(struct plan *plan, const struct object *o)
{
	enum_create_named(plan, o, CH_CREATE_ENUM);
}

static void enum_drop(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, "DROP TYPE ");
	quote_qualified(&sql, o->schema, o->name);
	plan_add(plan, ACT_DROP, CH_DROP_ENUM, o, NULL, &sql);
	strbuf_release(&sql);
}

/* Whether old's labels appear in new in the same order (only additions). */
static int only_additions(const struct pgarray *old, const struct pgarray *new)
{
	size_t j = 0;

	for (size_t i = 0; i < new->n && j < old->n; i++)
		if (!strcmp(new->items[i], old->items[j]))
			j++;
	return j == old->n;
}

static void add_values(struct plan *plan, const struct object *to,
		       const struct pgarray *old, const struct pgarray *new)
{
	struct strbuf sql = STRBUF_INIT;

	for (size_t i = 0; i < new->n; i++) {
		if (pgarray_find(old, new->items[i]) >= 0)
			continue;
		strbuf_adds(&sql, "ALTER TYPE ");
		quote_qualified(&sql, to->schema, to->name);
		strbuf_adds(&sql, " ADD VALUE ");
		quote_literal(&sql, new->items[i]);
		if (i > 0) {
			strbuf_adds(&sql, " AFTER ");
			quote_literal(&sql, new->items[i - 1]);
		} else if (new->n > 1) {
			/* the first label that already exists */
			for (size_t k = 1; k < new->n; k++)
				if (pgarray_find(old, new->items[k]) >= 0) {
					strbuf_adds(&sql, " BEFORE ");
					quote_literal(&sql, new->items[k]);
					break;
				}
		}
		plan_add(plan, ACT_ALTER, CH_ADD_ENUM_VALUE, to, NULL, &sql);
	}
	strbuf_release(&sql);
}

/* Enum values convert only through their labels. */
static enum change retype_sql(struct strbuf *sql, const struct object *col)
{
	retype_column_sql(sql, col, "text");
	return CH_RETYPE_ENUM_COLUMN;
}

/*
 * PostgreSQL cannot remove or move enum values: rename the type away,
 * create it anew, convert the columns through text, drop the old copy.
 */
static void rebuild(struct plan *plan, const struct object *from,
		    const struct object *to)
{
	struct stmt *rename = rename_away(plan, from, "TYPE", CH_REBUILD_ENUM);
	struct stmt *drop_old;

	enum_create_named(plan, to, CH_CREATE_ENUM);
	stmt_after(plan->stmts[plan->nstmts - 1], rename);
	drop_old = drop_renamed(plan, from, "TYPE", CH_DROP_OLD_ENUM, rename);
	retype_columns(plan, from, to, drop_old, retype_sql);
}

static void enum_alter(struct plan *plan, const struct object *from,
		       const struct object *to)
{
	struct pgarray old, new;

	if (!obj_attr_differs(from, to, "labels"))
		return;
	labels_of(&old, from);
	labels_of(&new, to);
	if (only_additions(&old, &new))
		add_values(plan, to, &old, &new);
	else
		rebuild(plan, from, to);
	pgarray_release(&old);
	pgarray_release(&new);
}

const struct kind_ops enum_ops = { enum_create, enum_drop, enum_alter };
