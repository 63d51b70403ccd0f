/* column_order.c: tables whose columns the script leaves in another order than the target's */
#include <stdlib.h>
#include <string.h>

#include "pgdiff/plan.h"
#include "pgdiff/quote.h"
#include "pgdiff/strmap.h"
#include "pgdiff/util.h"

/* Names listed in a note before "...": a wide table's list says little more. */
#define NOTE_NAMES 12

static int touches(const struct stmt *st, enum action action,
		   const struct object *col)
{
	return st->action == action && st->obj == col;
}

/* Whether a statement of the script creates (or re-creates) key. */
static int creates_key(const struct plan *plan, const char *key)
{
	for (size_t i = 0; i < plan->nstmts; i++) {
		const struct keylist *l = &plan->stmts[i]->creates;
		for (size_t k = 0; k < l->n; k++)
			if (!strcmp(l->keys[k], key))
				return 1;
	}
	return 0;
}

static int dropped(const struct plan *plan, const struct object *col)
{
	for (size_t i = 0; i < plan->nstmts; i++)
		if (touches(plan->stmts[i], ACT_DROP, col))
			return 1;
	return 0;
}

static void place(const char **order, size_t *n, struct strmap *placed,
		  const struct object *col)
{
	if (strmap_get(placed, col->name))
		return;
	strmap_put(placed, col->name, (void *)col);
	order[(*n)++] = col->name;
}

/*
 * The columns of table x (source) once the script has run, with y its
 * target: PostgreSQL keeps the columns it does not drop where they are and
 * appends every column added, in the order the script adds them.  Columns
 * that come from a parent's ADD COLUMN are appended too, last.
 */
static size_t predict(const struct plan *plan, const struct object *x,
		      const struct object *y, const char **order)
{
	struct strmap placed = STRMAP_INIT;
	size_t n = 0;

	for (size_t i = 0; i < x->nchildren; i++) {
		const struct object *col = x->children[i];
		if (col->kind == OBJ_COLUMN && !dropped(plan, col) &&
		    plan_target_of(plan, col))
			place(order, &n, &placed, col);
	}
	for (size_t i = 0; i < plan->nstmts; i++) {
		const struct stmt *st = plan->stmts[i];
		if (st->action == ACT_CREATE && st->obj &&
		    st->obj->kind == OBJ_COLUMN && st->obj->parent == y)
			place(order, &n, &placed, st->obj);
	}
	for (size_t i = 0; i < y->nchildren; i++)
		if (y->children[i]->kind == OBJ_COLUMN)
			place(order, &n, &placed, y->children[i]);
	strmap_release(&placed);
	return n;
}

static void check_table(struct plan *plan, const struct object *y)
{
	const struct object *x = plan_source_of(plan, y);
	const char **order;
	size_t n, k = 0;
	int differs = 0;

	if (!x || creates_key(plan, y->key))
		return;
	order = arena_alloc(&plan->arena, (y->nchildren + 1) * sizeof(*order));
	n = predict(plan, x, y, order);
	for (size_t i = 0; i < y->nchildren; i++) {
		if (y->children[i]->kind != OBJ_COLUMN)
			continue;
		if (k >= n || strcmp(order[k], y->children[i]->name))
			differs = 1;
		k++;
	}
	if (!differs && k == n)
		return;
	ALLOC_GROW(plan->column_orders, plan->ncolumn_orders + 1,
		   plan->column_orders_alloc);
	plan->column_orders[plan->ncolumn_orders].table = y;
	plan->column_orders[plan->ncolumn_orders].columns = order;
	plan->column_orders[plan->ncolumn_orders].ncolumns = n;
	plan->ncolumn_orders++;
}

/*
 * Only for a script: column order is no difference of its own, so two
 * schemas that differ in nothing else give no script and no note.
 */
void plan_column_orders(struct plan *plan)
{
	if (!plan->nstmts)
		return;
	for (size_t i = 0; i < plan->to->nobjects; i++)
		if (plan->to->objects[i]->kind == OBJ_TABLE)
			check_table(plan, plan->to->objects[i]);
}

static void add_names(struct strbuf *sb, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n && i < NOTE_NAMES; i++) {
		strbuf_adds(sb, i ? ", " : "");
		quote_ident(sb, names[i]);
	}
	if (n > NOTE_NAMES)
		strbuf_adds(sb, ", ...");
}

void describe_column_order(struct strbuf *sb, const struct column_order *co)
{
	const struct object *y = co->table;
	const char **target = xmalloc((y->nchildren + 1) * sizeof(*target));
	char *name = obj_display_name(y);
	size_t n = 0;

	for (size_t i = 0; i < y->nchildren; i++)
		if (y->children[i]->kind == OBJ_COLUMN)
			target[n++] = y->children[i]->name;
	strbuf_addf(sb, "the columns of table %s end in the order ", name);
	add_names(sb, co->columns, co->ncolumns);
	strbuf_adds(sb, ", not the target's ");
	add_names(sb, target, n);
	strbuf_adds(sb, ": PostgreSQL adds columns at the end");
	free(target);
	free(name);
}
