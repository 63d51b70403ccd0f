/* plan.c: statement bookkeeping and the diff driver that asks each kind for changes. */
#include <stdlib.h>
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/plan.h"
#include "pgdiff/quote.h"
#include "pgdiff/renames.h"
#include "pgdiff/util.h"

/* Defined in cascade.c and order.c: the two passes after the diff. */
void plan_cascade(struct plan *plan);
void plan_derive_keys(struct plan *plan);
void plan_order(struct plan *plan);

char *obj_display_name(const struct object *o)
{
	struct strbuf sb = STRBUF_INIT;
	const char *args = o->args ? o->args : "";

	switch (o->kind) {
	case OBJ_CAST:
		/* its two types */
		strbuf_addf(&sb, "(%s)", o->name);
		return strbuf_detach(&sb);
	case OBJ_TRANSFORM:
		/* "FOR integer LANGUAGE plfoo", quoted by the query */
		strbuf_adds(&sb, o->name);
		return strbuf_detach(&sb);
	case OBJ_USER_MAPPING:
		strbuf_adds(&sb, "for ");
		quote_ident(&sb, o->name);
		strbuf_adds(&sb, " on server ");
		quote_ident(&sb, args);
		return strbuf_detach(&sb);
	case OBJ_PUBLICATION_TABLE:
		quote_qualified(&sb, o->parent->schema, o->parent->name);
		strbuf_adds(&sb, " in publication ");
		quote_ident(&sb, o->name);
		return strbuf_detach(&sb);
	default:
		break;
	}
	/*
	 * A child is named through its parent, which carries the schema;
	 * indexes and statistics objects have schemas of their own.
	 */
	if (o->parent && o->kind != OBJ_INDEX && o->kind != OBJ_STATISTICS) {
		quote_qualified(&sb, o->parent->schema, o->parent->name);
		strbuf_addch(&sb, '.');
	} else if (o->schema) {
		quote_ident(&sb, o->schema);
		strbuf_addch(&sb, '.');
	}
	/* an operator's name is a symbol, never quoted; operands tell overloads apart */
	if (o->kind == OBJ_OPERATOR) {
		strbuf_addf(&sb, "%s(%s)", o->name, args);
		return strbuf_detach(&sb);
	}
	quote_ident(&sb, o->name);
	/* classes and families are named per index method */
	if (o->kind == OBJ_OPCLASS || o->kind == OBJ_OPFAMILY) {
		strbuf_adds(&sb, " USING ");
		quote_ident(&sb, args);
	}
	return strbuf_detach(&sb);
}

char *obj_kind_and_name(const struct object *o)
{
	struct strbuf sb = STRBUF_INIT;
	char *name = obj_display_name(o);
	const char *kind = obj_kind_name(o->kind);

	/* kinds with two flavours, told apart by a fact */
	if (o->kind == OBJ_VIEW && obj_flag(o, "materialized"))
		kind = "materialized view";
	else if (o->kind == OBJ_TABLE && obj_get(o, "foreign_server"))
		kind = "foreign table";
	strbuf_addf(&sb, "%s %s", kind, name);
	free(name);
	return strbuf_detach(&sb);
}

void keylist_remove(struct keylist *l, const char *key)
{
	size_t kept = 0;

	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->keys[i], key))
			l->keys[kept++] = l->keys[i];
	l->n = kept;
}

void keylist_add(struct plan *plan, struct keylist *l, const char *key)
{
	(void)plan;
	ALLOC_GROW(l->keys, l->n + 1, l->alloc);
	l->keys[l->n++] = key;
}

/* "1.2 million rows", "840 MB": estimates read as such. */
static void add_size(struct strbuf *sb, double rows, double bytes)
{
	static const char *const scales[] = { "thousand", "million", "billion" };
	static const char *const units[] = { "kB", "MB", "GB", "TB" };
	int i;

	if (rows < 1000) {
		strbuf_addf(sb, "%.0f row%s", rows, rows == 1 ? "" : "s");
	} else {
		for (i = 0, rows /= 1000; rows >= 1000 && i < 2; i++)
			rows /= 1000;
		strbuf_addf(sb, "%.1f %s rows", rows, scales[i]);
	}
	if (bytes >= 1024) {
		for (i = 0, bytes /= 1024; bytes >= 1024 && i < 3; i++)
			bytes /= 1024;
		strbuf_addf(sb, ", %.0f %s", bytes, units[i]);
	}
}

/*
 * Reasons that scale with the table say how big it is, from the planner's
 * statistics (pg_class), never from scanning it.
 */
static void add_table_size(struct plan *plan, struct stmt *st)
{
	const unsigned int scaled = HZ_DATA_LOSS | HZ_TABLE_REWRITE |
				    HZ_MAY_FAIL | HZ_EXCLUSIVE_LOCK;
	const struct object *t = st->obj;
	struct strbuf sb = STRBUF_INIT;

	if (t && t->kind != OBJ_TABLE)
		t = t->parent;
	if (!t || !(st->hazards & scaled))
		return;
	/* the source side knows what is at stake */
	t = plan_source_of(plan, t);
	if (!t || t->rows < 0)
		return;
	strbuf_adds(&sb, st->reason);
	strbuf_adds(&sb, " (table of about ");
	add_size(&sb, t->rows, t->bytes);
	strbuf_addch(&sb, ')');
	st->reason = arena_strdup(&plan->arena, sb.buf);
	strbuf_release(&sb);
}

struct stmt *plan_add(struct plan *plan, enum action action, enum change ch,
		      const struct object *obj, const char *what,
		      struct strbuf *sql)
{
	const struct rule *rule = rule_for(ch);
	struct stmt *st = arena_alloc(&plan->arena, sizeof(*st));
	char *name = what ? NULL : obj_display_name(obj);

	st->action = action;
	st->change = ch;
	st->hazards = rule->hazards;
	st->severity = severity_of_hazards(st->hazards);
	st->lock = rule->lock;
	st->transactional = !(st->hazards & HZ_NOT_TRANSACTIONAL);
	st->sql = arena_strdup(&plan->arena, sql->buf);
	strbuf_reset(sql);
	st->reason = arena_printf(&plan->arena, rule->reason,
				  what ? what : name);
	free(name);
	st->obj = obj;
	add_table_size(plan, st);
	st->seq = plan->nstmts;
	ALLOC_GROW(plan->stmts, plan->nstmts + 1, plan->stmts_alloc);
	plan->stmts[plan->nstmts++] = st;
	return st;
}

void stmt_after(struct stmt *st, struct stmt *first)
{
	if (!first)
		return;
	ALLOC_GROW(st->after, st->nafter + 1, st->after_alloc);
	st->after[st->nafter++] = first;
}

const struct object *plan_source_of(const struct plan *plan,
				    const struct object *o)
{
	return snapshot_find(plan->from, o->key);
}

const struct object *plan_target_of(const struct plan *plan,
				    const struct object *o)
{
	return snapshot_find(plan->to, o->key);
}

/* Columns are diffed by their table, in column order. */
static int diffed_alone(const struct object *o)
{
	return o->kind != OBJ_COLUMN;
}

static void diff_objects(struct plan *plan)
{
	const struct snapshot *a = plan->from, *b = plan->to;
	size_t i = 0, j = 0;

	while (i < a->nobjects || j < b->nobjects) {
		const struct object *x = i < a->nobjects ? a->objects[i] : NULL;
		const struct object *y = j < b->nobjects ? b->objects[j] : NULL;
		int c = !x ? 1 : !y ? -1 : strcmp(x->key, y->key);

		if (c < 0) {
			if (diffed_alone(x))
				kind_ops(x->kind)->drop(plan, x);
			i++;
		} else if (c > 0) {
			if (diffed_alone(y))
				kind_ops(y->kind)->create(plan, y);
			j++;
		} else {
			if (diffed_alone(x))
				kind_ops(x->kind)->alter(plan, x, y);
			i++;
			j++;
		}
	}
}

/*
 * Privileges, comments and owners are facts any kind may carry: planned
 * for every target object once the kinds and the cascade have, so that an
 * object (re-)created by then gets them anew, from nothing.
 */
static void diff_attached(struct plan *plan)
{
	const struct snapshot *b = plan->to;
	struct strmap created = STRMAP_INIT;

	for (size_t i = 0; i < plan->nstmts; i++) {
		const struct stmt *st = plan->stmts[i];
		if (st->action == ACT_CREATE && st->obj && !st->omitted)
			strmap_put(&created, st->obj->key, (void *)st);
	}
	for (size_t i = 0; i < b->nobjects; i++) {
		const struct object *y = b->objects[i];
		const struct object *x = plan_source_of(plan, y);
		size_t first = plan->nstmts;

		if (strmap_get(&created, y->key) ||
		    (y->parent && y->kind == OBJ_COLUMN &&
		     strmap_get(&created, y->parent->key)))
			x = NULL;
		owner_plan(plan, x, y);
		/* the owner's privileges follow ALTER ... OWNER TO */
		acl_plan(plan, x, y);
		comment_plan(plan, x, y);
		for (size_t k = first + 1; k < plan->nstmts; k++)
			stmt_after(plan->stmts[k], plan->stmts[k - 1]);
	}
	strmap_release(&created);
	default_acl_order(plan);
}

static int stmt_needs(const struct stmt *st, const char *key)
{
	for (size_t i = 0; i < st->needs.n; i++)
		if (!strcmp(st->needs.keys[i], key))
			return 1;
	return 0;
}

/*
 * A new enum value cannot be used in the transaction that added it: end
 * the transaction after the last ADD VALUE of a type that a later
 * statement needs.
 */
static void mark_commits(struct plan *plan)
{
	for (size_t i = 0; i < plan->nstmts; i++) {
		struct stmt *st = plan->stmts[i];

		if (!st->transactional)
			plan->nnontransactional++;
		if (st->change != CH_ADD_ENUM_VALUE)
			continue;
		if (i + 1 < plan->nstmts &&
		    plan->stmts[i + 1]->change == CH_ADD_ENUM_VALUE)
			continue;
		for (size_t k = i + 1; k < plan->nstmts; k++) {
			if (stmt_needs(plan->stmts[k], st->obj->key)) {
				st->commit_after = 1;
				plan->ncommits++;
				break;
			}
		}
	}
}

static void count_severities(struct plan *plan)
{
	for (size_t i = 0; i < plan->nstmts; i++) {
		enum severity sev = plan->stmts[i]->severity;
		plan->counts[sev]++;
		if (sev > plan->worst)
			plan->worst = sev;
	}
}

void plan_build(struct plan *plan, const struct snapshot *from,
		const struct snapshot *to)
{
	memset(plan, 0, sizeof(*plan));
	plan->from = from;
	plan->to = to;
	plan_add_renames(plan);
	diff_objects(plan);
	plan_find_renames(plan);
	plan_cascade(plan);
	diff_attached(plan);
	plan_order(plan);
	mark_commits(plan);
	count_severities(plan);
	plan_column_orders(plan);
}

static void keylist_release(struct keylist *l)
{
	free(l->keys);
}

void plan_release(struct plan *plan)
{
	for (size_t i = 0; i < plan->nstmts + plan->nomitted; i++) {
		struct stmt *st = plan->stmts[i];
		keylist_release(&st->creates);
		keylist_release(&st->drops);
		keylist_release(&st->needs);
		keylist_release(&st->unneeds);
		keylist_release(&st->rewrites);
		keylist_release(&st->takes);
		free(st->after);
	}
	free(plan->stmts);
	free(plan->hints);
	free(plan->column_orders);
	free(plan->missing_roles);
	free(plan->missing_tablespaces);
	arena_release(&plan->arena);
	memset(plan, 0, sizeof(*plan));
}
