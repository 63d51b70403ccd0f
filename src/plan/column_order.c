/* column_order.c: tables whose columns the script leaves in another order than the target's */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pgdiff/plan.h"
#include "pgdiff/quote.h"
#include "pgdiff/strmap.h"
#include "pgdiff/util.h"

/* Names listed in a note before "...": a wide table's list says little more. */
#define NOTE_NAMES 12

/*
 * What the script does to columns and tables, indexed once: keys it
 * creates, columns it drops, and, per table, the statements adding
 * columns in script order (a statement's index + 1 in `adds`).
 */
struct script_index {
	struct strmap created;	/* key -> (void *)1 */
	struct strmap dropped;	/* column key -> (void *)1 */
	struct strmap first_add;	/* table key -> index + 1 of its first add */
	size_t *next_add;	/* per statement: index + 1 of the next add */
};

static void index_script(struct script_index *ix, const struct plan *plan)
{
	struct strmap last_add = STRMAP_INIT;

	memset(ix, 0, sizeof(*ix));
	ix->next_add = xcalloc(plan->nstmts + 1, sizeof(*ix->next_add));
	for (size_t i = 0; i < plan->nstmts; i++) {
		const struct stmt *st = plan->stmts[i];
		const struct object *o = st->obj;

		for (size_t k = 0; k < st->creates.n; k++)
			strmap_put(&ix->created, st->creates.keys[k], (void *)1);
		if (!o || o->kind != OBJ_COLUMN || !o->parent)
			continue;
		if (st->action == ACT_DROP) {
			strmap_put(&ix->dropped, o->key, (void *)1);
		} else if (st->action == ACT_CREATE) {
			size_t prev = (size_t)(uintptr_t)strmap_get(&last_add,
							o->parent->key);
			if (prev)
				ix->next_add[prev - 1] = i + 1;
			else
				strmap_put(&ix->first_add, o->parent->key,
					   (void *)(uintptr_t)(i + 1));
			strmap_put(&last_add, o->parent->key,
				   (void *)(uintptr_t)(i + 1));
		}
	}
	strmap_release(&last_add);
}

static void release_script_index(struct script_index *ix)
{
	strmap_release(&ix->created);
	strmap_release(&ix->dropped);
	strmap_release(&ix->first_add);
	free(ix->next_add);
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
static size_t predict(const struct plan *plan, const struct script_index *ix,
		      const struct object *x, const struct object *y,
		      const char **order)
{
	struct strmap placed = STRMAP_INIT;
	size_t n = 0;

	for (size_t i = 0; i < x->nchildren; i++) {
		const struct object *col = x->children[i];
		if (col->kind == OBJ_COLUMN && !strmap_get(&ix->dropped, col->key) &&
		    plan_target_of(plan, col))
			place(order, &n, &placed, col);
	}
	for (size_t at = (size_t)(uintptr_t)strmap_get(&ix->first_add, y->key);
	     at; at = ix->next_add[at - 1])
		place(order, &n, &placed, plan->stmts[at - 1]->obj);
	for (size_t i = 0; i < y->nchildren; i++)
		if (y->children[i]->kind == OBJ_COLUMN)
			place(order, &n, &placed, y->children[i]);
	strmap_release(&placed);
	return n;
}

static void check_table(struct plan *plan, const struct script_index *ix,
			const struct object *y)
{
	const struct object *x = plan_source_of(plan, y);
	const char **order;
	size_t n, k = 0;
	int differs = 0;

	if (!x || strmap_get(&ix->created, y->key))
		return;
	order = arena_alloc(&plan->arena, (y->nchildren + 1) * sizeof(*order));
	n = predict(plan, ix, x, y, order);
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
	struct script_index ix;

	if (!plan->nstmts)
		return;
	index_script(&ix, plan);
	for (size_t i = 0; i < plan->to->nobjects; i++)
		if (plan->to->objects[i]->kind == OBJ_TABLE)
			check_table(plan, &ix, plan->to->objects[i]);
	release_script_index(&ix);
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
