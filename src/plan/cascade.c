/*
 * cascade.c: what each statement creates, drops and depends on, what a drop
 * takes with it implicitly, and what must be re-created because of it.
 */
#include <stdlib.h>
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/plan.h"
#include "pgdiff/quote.h"
#include "pgdiff/typekinds.h"
#include "pgdiff/util.h"

void plan_cascade(struct plan *plan);

/* Relations share one namespace: a dropped index frees its name for a key. */
static const char *relname_key(struct plan *plan, const struct object *o)
{
	struct strbuf sb = STRBUF_INIT;
	const char *key, *type;

	switch (o->kind) {
	case OBJ_TABLE:
	case OBJ_SEQUENCE:
	case OBJ_INDEX:
		break;
	case OBJ_CONSTRAINT:
		type = obj_get(o, "type");
		if (type && strchr("pux", type[0]))
			break;
		return NULL;
	default:
		return NULL;
	}
	strbuf_adds(&sb, "rel ");
	quote_qualified(&sb, o->schema, o->name);
	key = arena_strdup(&plan->arena, sb.buf);
	strbuf_release(&sb);
	return key;
}

static void add_object_keys(struct plan *plan, struct keylist *l,
			    const struct object *o)
{
	const char *rel = relname_key(plan, o);

	keylist_add(plan, l, o->key);
	for (size_t i = 0; i < o->nchildren; i++)
		keylist_add(plan, l, o->children[i]->key);
	if (rel)
		keylist_add(plan, l, rel);
}

static void add_deps(struct plan *plan, struct keylist *l,
		     const struct object *o)
{
	if (!o)
		return;
	for (size_t i = 0; i < o->ndeps; i++)
		keylist_add(plan, l, o->deps[i].on->key);
	for (size_t i = 0; i < o->nchildren; i++)
		add_deps(plan, l, o->children[i]);
	if (o->parent)
		keylist_add(plan, l, o->parent->key);
}

/*
 * What an altered object stops needing: its source dependencies that the
 * target no longer has (one it keeps is needed, not given up).
 */
static void add_lost_deps(struct plan *plan, struct keylist *l,
			  const struct object *from, const struct object *to)
{
	if (!from)
		return;
	for (size_t i = 0; i < from->ndeps; i++)
		if (!obj_depends_on(to, from->deps[i].on->key))
			keylist_add(plan, l, from->deps[i].on->key);
	for (size_t i = 0; i < from->nchildren; i++) {
		const struct object *child = from->children[i];
		const struct object *kept = snapshot_find(plan->to, child->key);
		if (kept)
			add_lost_deps(plan, l, child, kept);
		else
			add_deps(plan, l, child);
	}
}

/* The default key sets, from the statement's action and object. */
static void derive_keys(struct plan *plan, struct stmt *st)
{
	if (st->custom_keys)
		return;
	st->custom_keys = 1;
	switch (st->action) {
	case ACT_CREATE:
		add_object_keys(plan, &st->creates, st->obj);
		add_deps(plan, &st->needs, st->obj);
		break;
	case ACT_ALTER:
		keylist_add(plan, &st->creates, st->obj->key);
		add_deps(plan, &st->needs, st->obj);
		add_lost_deps(plan, &st->unneeds, plan_source_of(plan, st->obj),
			      st->obj);
		break;
	case ACT_DROP:
		add_object_keys(plan, &st->drops, st->obj);
		add_deps(plan, &st->unneeds, st->obj);
		break;
	}
}

void stmt_derive_keys(struct plan *plan, struct stmt *st)
{
	derive_keys(plan, st);
}

struct cascade {
	struct plan *plan;
	struct strmap dropped;	/* key -> the statement that drops it */
	struct strmap own_drop;	/* object key -> its own drop statement */
	struct strmap created;	/* object key -> a statement creating it */
	struct strmap rewritten; /* column key -> the statement retyping it */
	int changed;
};

static void note_statement(struct cascade *c, struct stmt *st)
{
	derive_keys(c->plan, st);
	if (st->action == ACT_CREATE && st->obj)
		strmap_put(&c->created, st->obj->key, st);
	if (st->omitted)
		return;
	for (size_t i = 0; i < st->rewrites.n; i++)
		strmap_put(&c->rewritten, st->rewrites.keys[i], st);
	if (st->action == ACT_DROP && st->obj &&
	    !strmap_get(&c->own_drop, st->obj->key))
		strmap_put(&c->own_drop, st->obj->key, st);
	for (size_t i = 0; i < st->drops.n; i++)
		if (!strmap_get(&c->dropped, st->drops.keys[i]))
			strmap_put(&c->dropped, st->drops.keys[i], st);
}

static void note_new_statements(struct cascade *c, size_t from)
{
	for (size_t i = from; i < c->plan->nstmts; i++)
		note_statement(c, c->plan->stmts[i]);
}

static int keylist_has(const struct keylist *l, const char *key)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->keys[i], key))
			return 1;
	return 0;
}

/*
 * Whether a statement moves x off what key names before that is dropped,
 * though x uses it again in the target (a table moved to heap while its
 * access method is re-created): then x need not be re-created.
 */
static int moved_off(struct cascade *c, const struct object *x,
		     const char *key)
{
	for (size_t i = 0; i < c->plan->nstmts; i++) {
		const struct stmt *st = c->plan->stmts[i];

		if (!st->omitted && st->action == ACT_ALTER && st->obj &&
		    !strcmp(st->obj->key, x->key) &&
		    keylist_has(&st->unneeds, key))
			return 1;
	}
	return 0;
}

/*
 * The statement whose drop takes x with it: its table's, an owner's, or
 * one that says it takes x along although x merely uses what it drops
 * (DROP TYPE ... CASCADE and a base type's I/O functions, which PostgreSQL
 * cannot drop apart: the type and its functions need each other).
 */
static struct stmt *owner_drop(struct cascade *c, const struct object *x)
{
	struct stmt *st;

	if (x->parent && (st = strmap_get(&c->dropped, x->parent->key)))
		return st;
	for (size_t i = 0; i < x->ndeps; i++) {
		const char *key = x->deps[i].on->key;
		const struct object *kept = plan_target_of(c->plan, x);

		st = strmap_get(&c->dropped, key);
		if (!st)
			continue;
		if (keylist_has(&st->takes, x->key))
			return st;
		/* a partition detached from, or a sequence no longer owned by,
		   what is dropped stays (a partition detached first, too) */
		if (kept && (!obj_depends_on(kept, key) || moved_off(c, x, key)))
			continue;
		if (x->deps[i].type != 'n')
			return st;
	}
	return NULL;
}

/*
 * Whether x needs an object that a statement other than these two drops:
 * then folding x into its owner's drop could tie two drops in a cycle (two
 * tables whose foreign keys point at each other), so x stays explicit.
 * Schemas and extensions are dropped last anyway and never close a cycle.
 */
static int needs_other_drop(struct cascade *c, const struct object *x,
			    const struct stmt *a, const struct stmt *b)
{
	for (size_t i = 0; i < x->ndeps; i++) {
		enum obj_kind kind = x->deps[i].on->kind;
		struct stmt *st;
		if (x->deps[i].type != 'n' || kind == OBJ_SCHEMA ||
		    kind == OBJ_EXTENSION)
			continue;
		st = strmap_get(&c->dropped, x->deps[i].on->key);
		if (st && st != a && st != b)
			return 1;
	}
	return 0;
}

static void merge_into(struct cascade *c, struct stmt *owner,
		       const struct object *x)
{
	struct keylist keys = { NULL, 0, 0 };

	add_object_keys(c->plan, &keys, x);
	for (size_t i = 0; i < keys.n; i++) {
		keylist_add(c->plan, &owner->drops, keys.keys[i]);
		strmap_put(&c->dropped, keys.keys[i], owner);
	}
	free(keys.keys);
	/*
	 * x goes with whichever of its owners goes first: only what x needs
	 * besides them orders the owner's drop.  (A UNIQUE (a, z) on two
	 * dropped columns must not tie the two drops in a cycle.)
	 */
	for (size_t i = 0; i < x->ndeps; i++)
		if (x->deps[i].type == 'n')
			keylist_add(c->plan, &owner->unneeds, x->deps[i].on->key);
}

static void recreate(struct cascade *c, const struct object *x)
{
	const struct object *target = plan_target_of(c->plan, x);
	size_t before = c->plan->nstmts;

	if (!target || strmap_get(&c->created, x->key))
		return;
	/* the create writes the target state: x's own ALTERs are moot */
	for (size_t i = 0; i < before; i++) {
		struct stmt *st = c->plan->stmts[i];
		if (st->action == ACT_ALTER && st->change != CH_RENAME &&
		    st->obj && st->obj->key == target->key)
			st->omitted = 1;
	}
	kind_ops(target->kind)->create(c->plan, target);
	note_new_statements(c, before);
}

/* x is dropped with owner's statement: fold its own drop in, or re-create it. */
static void drop_with_owner(struct cascade *c, const struct object *x,
			    struct stmt *owner)
{
	struct stmt *own = strmap_get(&c->own_drop, x->key);

	if (own) {
		if (own->omitted || own == owner ||
		    needs_other_drop(c, x, owner, own))
			return;
		own->omitted = 1;
		merge_into(c, owner, x);
		c->changed = 1;
		return;
	}
	if (strmap_get(&c->dropped, x->key))
		return;
	merge_into(c, owner, x);
	recreate(c, x);
	c->changed = 1;
}

/*
 * Drops x before, and re-creates it after, the statement that changes
 * what it uses; how names the change ("is re-created", "changes").
 */
/* Whether a table column the target keeps uses x. */
static int used_by_column(struct cascade *c, const struct object *x)
{
	for (size_t i = 0; i < x->nusers; i++)
		if (x->users[i]->kind == OBJ_COLUMN &&
		    plan_target_of(c->plan, x->users[i]))
			return 1;
	return 0;
}

static void recreate_around(struct cascade *c, const struct object *x,
			    const struct object *because, const char *how)
{
	size_t before = c->plan->nstmts;
	const struct object *target = plan_target_of(c->plan, x);
	char *name, *what;
	/* a table's rows do not come back (a foreign table's are remote) */
	int loses_data = x->kind == OBJ_TABLE && !obj_get(x, "foreign_server");

	/* a domain that columns use is rebuilt beside them, not dropped */
	if (target && x->kind == OBJ_DOMAIN && used_by_column(c, x) &&
	    !strmap_get(&c->created, x->key)) {
		domain_rebuild_around(c->plan, x, target);
		note_new_statements(c, before);
		c->changed = 1;
		return;
	}
	name = obj_kind_and_name(x);
	what = obj_kind_and_name(because);

	kind_ops(x->kind)->drop(c->plan, x);
	for (size_t k = before; k < c->plan->nstmts; k++) {
		struct stmt *st = c->plan->stmts[k];
		st->change = CH_RECREATE_DROP;
		st->hazards = rule_for(CH_RECREATE_DROP)->hazards |
			      (loses_data ? HZ_DATA_LOSS : 0);
		st->severity = severity_of_hazards(st->hazards);
		st->reason = arena_printf(&c->plan->arena,
			"drops %s to re-create it, because %s %s%s", name, what,
			how, loses_data ? ": its data is lost" : "");
	}
	free(name);
	free(what);
	note_new_statements(c, before);
	recreate(c, x);
	c->changed = 1;
}

/*
 * x (a view, a rule, a policy, a stored generated column, a routine with a
 * BEGIN ATOMIC body, the only kind pg_depend ties to columns) cannot
 * survive a type change of a column it uses: PostgreSQL refuses the ALTER
 * while x exists.
 */
static void drop_for_rewrite(struct cascade *c, const struct object *x)
{
	if (!(obj_kind_flags(x->kind) & KIND_FRAGILE) &&
	    !(x->kind == OBJ_COLUMN && obj_get(x, "generated")) &&
	    x->kind != OBJ_FUNCTION && x->kind != OBJ_PROCEDURE)
		return;
	for (size_t i = 0; i < x->ndeps; i++)
		if (strmap_get(&c->rewritten, x->deps[i].on->key)) {
			recreate_around(c, x, x->deps[i].on, "changes type");
			return;
		}
}

/*
 * x stays, but needs something that is dropped (to be re-created, or
 * replaced by an object of another kind and the same name, which x then
 * uses): unless a statement moves x off it first, drop x before and
 * re-create it after.
 */
static void drop_for_recreate(struct cascade *c, const struct object *x)
{
	/* a column but a stored generated one is no re-creatable thing */
	if (!plan_target_of(c->plan, x) ||
	    (x->kind == OBJ_COLUMN && !obj_get(x, "generated")))
		return;
	for (size_t i = 0; i < x->ndeps; i++) {
		const struct object *on = x->deps[i].on;

		if (x->deps[i].type == 'n' && strmap_get(&c->dropped, on->key) &&
		    !moved_off(c, x, on->key)) {
			recreate_around(c, x, on, "is re-created");
			return;
		}
	}
}

void plan_cascade(struct plan *plan)
{
	struct cascade c = { plan, STRMAP_INIT, STRMAP_INIT, STRMAP_INIT,
			     STRMAP_INIT, 1 };
	const struct snapshot *from = plan->from;

	note_new_statements(&c, 0);
	while (c.changed) {
		c.changed = 0;
		for (size_t i = 0; i < from->nobjects; i++) {
			const struct object *x = from->objects[i];
			struct stmt *owner = owner_drop(&c, x);

			if (owner)
				drop_with_owner(&c, x, owner);
			else if (!strmap_get(&c.dropped, x->key))
				drop_for_recreate(&c, x);
			if (!strmap_get(&c.dropped, x->key))
				drop_for_rewrite(&c, x);
		}
	}
	/* Statements made by the last round still need their keys. */
	for (size_t i = 0; i < plan->nstmts; i++)
		derive_keys(plan, plan->stmts[i]);
	strmap_release(&c.dropped);
	strmap_release(&c.own_drop);
	strmap_release(&c.created);
	strmap_release(&c.rewritten);
}
