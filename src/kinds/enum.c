/* enum.c: enum types; new values by ADD VALUE, removed or moved ones by a rebuild. */
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/pgarray.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

#define OLD_SUFFIX "__pgdiff_old"

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

/* Converts one column that keeps using the type to the new copy. */
static struct stmt *retype_column(struct plan *plan, const struct object *col,
				  const struct object *type)
{
	struct strbuf sql = STRBUF_INIT;
	const char *coltype = obj_get(col, "type");
	const char *def = obj_get(col, "default");
	size_t len = strlen(coltype);
	int array = len > 2 && !strcmp(coltype + len - 2, "[]");
	struct stmt *st;

	strbuf_adds(&sql, "ALTER TABLE ");
	quote_qualified(&sql, col->parent->schema, col->parent->name);
	if (def) {
		strbuf_adds(&sql, " ALTER COLUMN ");
		quote_ident(&sql, col->name);
		strbuf_adds(&sql, " DROP DEFAULT,");
	}
	strbuf_adds(&sql, " ALTER COLUMN ");
	quote_ident(&sql, col->name);
	strbuf_addf(&sql, " TYPE %s USING ", coltype);
	quote_ident(&sql, col->name);
	strbuf_addf(&sql, "::text%s::%s", array ? "[]" : "", coltype);
	if (def) {
		strbuf_adds(&sql, ", ALTER COLUMN ");
		quote_ident(&sql, col->name);
		strbuf_addf(&sql, " SET DEFAULT %s", def);
	}
	st = plan_add(plan, ACT_ALTER, CH_RETYPE_ENUM_COLUMN, col, NULL, &sql);
	st->custom_keys = 1;
	keylist_add(plan, &st->creates, col->key);
	keylist_add(plan, &st->needs, type->key);
	keylist_add(plan, &st->rewrites, col->key);
	strbuf_release(&sql);
	return st;
}

/*
 * PostgreSQL cannot remove or move enum values: rename the type away,
 * create it anew, convert the columns through text, drop the old copy.
 */
static void rebuild(struct plan *plan, const struct object *from,
		    const struct object *to)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *rename, *drop_old;
	const char *old_name = arena_printf(&plan->arena, "%s%s", to->name,
					    OLD_SUFFIX);
	size_t first_retype;

	strbuf_adds(&sql, "ALTER TYPE ");
	quote_qualified(&sql, from->schema, from->name);
	strbuf_adds(&sql, " RENAME TO ");
	quote_ident(&sql, old_name);
	rename = plan_add(plan, ACT_ALTER, CH_REBUILD_ENUM, from, NULL, &sql);
	rename->custom_keys = 1;
	keylist_add(plan, &rename->drops, from->key);

	enum_create_named(plan, to, CH_CREATE_ENUM);
	stmt_after(plan->stmts[plan->nstmts - 1], rename);

	strbuf_adds(&sql, "DROP TYPE ");
	quote_qualified(&sql, from->schema, old_name);
	drop_old = plan_add(plan, ACT_DROP, CH_DROP_OLD_ENUM, from, NULL, &sql);
	drop_old->custom_keys = 1;
	stmt_after(drop_old, rename);

	first_retype = plan->nstmts;
	for (size_t i = 0; i < from->nusers; i++) {
		const struct object *user = from->users[i];
		const struct object *col = plan_target_of(plan, user);
		struct stmt *st;

		if (user->kind != OBJ_COLUMN || !col ||
		    !obj_depends_on(col, to->key))
			continue;
		st = retype_column(plan, col, to);
		stmt_after(drop_old, st);
		/* whatever else changes on the column waits for the new type */
		for (size_t k = 0; k < first_retype; k++)
			if (plan->stmts[k]->obj == col &&
			    plan->stmts[k]->action == ACT_ALTER)
				stmt_after(plan->stmts[k], st);
	}
	strbuf_release(&sql);
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
