/*
 * table.c: CREATE / DROP TABLE, logging, partitioning and inheritance,
 * storage parameters, tablespace and replica identity, and the walk over a
 * table's columns.
 */
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/pgarray.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

static int unlogged(const struct object *t)
{
	const char *p = obj_get(t, "persistence");
	return p && p[0] == 'u';
}

/* A foreign table is a table with a server (one kind, like views). */
static int foreign_table(const struct object *t)
{
	return obj_get(t, "foreign_server") != NULL;
}

/*
 * The tables t's rows belong to as well: its partitioned table, or its
 * inheritance parents in order; quoted qualified names.
 */
struct parents {
	struct pgarray arr;
	const char *one;	/* a partition's single parent */
	size_t n;
};

static void parents_init(struct parents *p, const struct object *t)
{
	memset(p, 0, sizeof(*p));
	if (!t)
		return;
	p->one = obj_get(t, "partition_of");
	if (p->one) {
		p->n = 1;
		return;
	}
	if (pgarray_parse(&p->arr, obj_get(t, "inherits")) < 0)
		BUG("bad inherits list of %s", t->key);
	p->n = p->arr.n;
}

static const char *parents_at(const struct parents *p, size_t i)
{
	return p->one ? p->one : p->arr.items[i];
}

static int parents_find(const struct parents *p, const char *name)
{
	for (size_t i = 0; i < p->n; i++)
		if (!strcmp(parents_at(p, i), name))
			return 1;
	return 0;
}

static void parents_release(struct parents *p)
{
	pgarray_release(&p->arr);
}

/* The table of snapshot s named by a quoted qualified name. */
static const struct object *table_named(const struct snapshot *s,
					const char *qname)
{
	struct strbuf key = STRBUF_INIT;
	const struct object *t;

	strbuf_addf(&key, "%s %s", obj_kind_name(OBJ_TABLE), qname);
	t = snapshot_find(s, key.buf);
	strbuf_release(&key);
	return t;
}

static void qualified_name(struct strbuf *sb, const struct object *t)
{
	quote_qualified(sb, t->schema, t->name);
}

int table_is_child_of(const struct object *t, const struct object *parent)
{
	struct strbuf name = STRBUF_INIT;
	struct parents p;
	int found;

	qualified_name(&name, parent);
	parents_init(&p, t);
	found = parents_find(&p, name.buf);
	parents_release(&p);
	strbuf_release(&name);
	return found;
}

size_t table_children(const struct object *t, const struct object ***out)
{
	size_t n = 0, alloc = 0;

	/* a partition or child depends on its parent (pg_depend) */
	*out = NULL;
	for (size_t i = 0; i < t->nusers; i++) {
		const struct object *c = t->users[i];

		if (c->kind != OBJ_TABLE || !table_is_child_of(c, t))
			continue;
		ALLOC_GROW(*out, n + 1, alloc);
		(*out)[n++] = c;
	}
	return n;
}

static const struct object *find_column(const struct object *t,
					const char *name);

/* Whether partition key text names column col, as a whole token. */
static int key_names_column(const char *key, const char *col)
{
	struct strbuf q = STRBUF_INIT;
	int found = 0;

	quote_ident(&q, col);
	for (const char *p = strstr(key, q.buf); p && !found;
	     p = strstr(p + 1, q.buf))
		found = (p == key || !sql_ident_char(p[-1])) &&
			!sql_ident_char(p[q.len]);
	strbuf_release(&q);
	return found;
}

/*
 * A partitioned table whose key is the same but whose key columns change
 * type or collation: PostgreSQL cannot alter those columns, so the table
 * is re-created.  It holds no rows of its own; its partitions are
 * detached first, altered alone and attached again, and keep theirs.
 */
static int rebuilt_for_key_columns(const struct object *from,
				   const struct object *to)
{
	const char *key = obj_get(to, "partition_key");

	if (!key || obj_attr_differs(from, to, "partition_key"))
		return 0;
	for (size_t i = 0; i < to->nchildren; i++) {
		const struct object *col = to->children[i], *old;

		if (col->kind != OBJ_COLUMN || !key_names_column(key, col->name))
			continue;
		old = find_column(from, col->name);
		if (old && (obj_attr_differs(old, col, "type") ||
			    obj_attr_differs(old, col, "collation")))
			return 1;
	}
	return 0;
}

/* Whether the (target) table of this qualified name is rebuilt so. */
static int parent_rebuilt(const struct plan *plan, const char *name)
{
	const struct object *to = name ? table_named(plan->to, name) : NULL;
	const struct object *from = to ? plan_source_of(plan, to) : NULL;

	return from && rebuilt_for_key_columns(from, to);
}

/*
 * Partitioned <-> regular, or another partition key, or its columns
 * retyped: only a new table does; and no ALTER moves a foreign table to
 * another server or makes a table foreign or local, or (before
 * PostgreSQL 15) moves a table to another access method.
 */
static int needs_recreate(const struct plan *plan, const struct object *from,
			  const struct object *to)
{
	return obj_attr_differs(from, to, "partition_key") ||
	       rebuilt_for_key_columns(from, to) ||
	       obj_attr_differs(from, to, "foreign_server") ||
	       (obj_attr_differs(from, to, "am") &&
		!set_access_method_works(plan));
}

int table_new_in_plan(const struct plan *plan, const struct object *t)
{
	const struct object *from = plan_source_of(plan, t);
	const struct object *to = plan_target_of(plan, t);

	return !from || !to || needs_recreate(plan, from, to);
}

/* Whether t is attached to a parent on both sides, bound included. */
const struct object *table_kept_parent(const struct plan *plan,
				       const struct object *t)
{
	const struct object *from = plan_source_of(plan, t);
	const struct object *to = plan_target_of(plan, t);
	const struct object *kept = NULL;
	struct parents a, b;

	if (!from || !to || needs_recreate(plan, from, to))
		return NULL;
	if (obj_attr_differs(from, to, "partition_bound") ||
	    parent_rebuilt(plan, obj_get(to, "partition_of")))
		return NULL;
	parents_init(&a, from);
	parents_init(&b, to);
	for (size_t i = 0; i < b.n && !kept; i++)
		if (parents_find(&a, parents_at(&b, i)))
			kept = table_named(plan->to, parents_at(&b, i));
	parents_release(&a);
	parents_release(&b);
	return kept;
}

int table_links_change(const struct plan *plan, const struct object *t)
{
	const struct object *from = plan_source_of(plan, t);
	const struct object *to = plan_target_of(plan, t);

	if (!from || !to)
		return 0;
	return obj_attr_differs(from, to, "partition_of") ||
	       obj_attr_differs(from, to, "partition_bound") ||
	       obj_attr_differs(from, to, "inherits");
}

static const struct object *find_column(const struct object *t,
					const char *name)
{
	for (size_t i = 0; i < t->nchildren; i++)
		if (!strcmp(t->children[i]->name, name))
			return t->children[i];
	return NULL;
}

/* The column of t's first (target) parent that supplies col. */
static const struct object *parent_column(const struct plan *plan,
					  const struct object *t,
					  const struct object *col)
{
	const struct object *found = NULL;
	struct parents p;

	parents_init(&p, t);
	for (size_t i = 0; i < p.n && !found; i++) {
		const struct object *parent = table_named(plan->to,
							  parents_at(&p, i));
		if (parent)
			found = find_column(parent, col->name);
	}
	parents_release(&p);
	return found;
}

/* What a parent's ALTER COLUMN carries down to its children's column. */
static const char *const recursing_facts[] = {
	"type", "collation", "default", "not_null",
};

static int recurses(const char *fact)
{
	for (size_t i = 0; i < sizeof(recursing_facts) / sizeof(*recursing_facts); i++)
		if (!strcmp(recursing_facts[i], fact))
			return 1;
	return 0;
}

/*
 * Per-column settings a column made by its parent's statement does not
 * take from the target: column.c sets them (storage and compression may
 * come from the parent column; setting them again is harmless).
 */
static int starts_at_default(const char *fact)
{
	static const char *const facts[] = {
		"storage", "compression", "statistics_target", "attribute_options",
	};

	for (size_t i = 0; i < sizeof(facts) / sizeof(*facts); i++)
		if (!strcmp(facts[i], fact))
			return 1;
	return 0;
}

/*
 * col as it will be once its parents' statements ran: base's facts (the
 * column before), with those the parent column's change carries down
 * taken from the parent's target (all of them when base is NULL: the
 * column comes into being with the parent's definition).
 */
static const struct object *as_inherited(struct plan *plan,
					 const struct object *col,
					 const struct object *base,
					 const struct object *ptarget)
{
	const struct object *psource = plan_source_of(plan, ptarget);
	const struct object *facts = base ? base : col;
	struct object *o = arena_alloc(&plan->arena, sizeof(*o));

	*o = *col;
	o->attrs = arena_alloc(&plan->arena,
			       (facts->nattrs + 1) * sizeof(*o->attrs));
	o->nattrs = facts->nattrs;
	for (size_t i = 0; i < facts->nattrs; i++) {
		const char *name = facts->attrs[i].name;

		o->attrs[i] = facts->attrs[i];
		if (!base && starts_at_default(name))
			o->attrs[i].value = NULL;
		if (!recurses(name))
			continue;
		if (!base || !psource ||
		    obj_attr_differs(psource, ptarget, name))
			o->attrs[i].value = obj_get(ptarget, name);
	}
	return o;
}

/*
 * Whether the parent's ADD or DROP COLUMN makes or removes col in its
 * child t, which stays attached: col is the parent's alone ("inherited")
 * and a kept parent has (to) or loses (from) it.
 */
static int carried_by_parent(const struct plan *plan, const struct object *t,
			     const struct object *col, int adding)
{
	const struct object *kept = table_kept_parent(plan, t);
	const char *inh = obj_get(col, "inheritance");
	const struct object *psource, *ptarget;

	if (!kept || !inh || strcmp(inh, "inherited"))
		return 0;
	ptarget = find_column(kept, col->name);
	psource = plan_source_of(plan, kept);
	psource = psource ? find_column(psource, col->name) : NULL;
	return adding ? ptarget && !psource : psource && !ptarget;
}

/* New columns are added in the target's order, which ADD COLUMN keeps. */
/* What a partition re-created with its parent kept names as gone. */
static const char *unattached_key(struct plan *plan, const struct object *t)
{
	return arena_printf(&plan->arena, "unattached %s", t->key);
}

/*
 * A change to a partitioned table's column reaches its partitions: it
 * waits until those re-created (and so dropped) are gone, as a key
 * column of theirs cannot change.
 */
static void await_rebuilt_partitions(struct plan *plan,
				     const struct object *from, struct stmt *st)
{
	struct strbuf name = STRBUF_INIT;

	if (!obj_get(from, "partition_key"))
		return;
	qualified_name(&name, from);
	for (size_t i = 0; i < plan->from->nobjects; i++) {
		const struct object *t = plan->from->objects[i];

		if (t->kind == OBJ_TABLE &&
		    str_equal(obj_get(t, "partition_of"), name.buf))
			keylist_add(plan, &st->needs, unattached_key(plan, t));
	}
	strbuf_release(&name);
}

static void alter_columns(struct plan *plan, const struct object *from,
			  const struct object *to)
{
	const struct object *kept = table_kept_parent(plan, to);
	struct stmt *last_add = NULL;

	for (size_t i = 0; i < from->nchildren; i++) {
		const struct object *col = from->children[i];
		size_t before = plan->nstmts;

		if (find_column(to, col->name) ||
		    carried_by_parent(plan, from, col, 0))
			continue;
		column_ops.drop(plan, col);
		/* an inherited column is the child's own once it is detached */
		if (obj_get(col, "inheritance"))
			for (size_t k = before; k < plan->nstmts; k++)
				keylist_add(plan, &plan->stmts[k]->needs, to->key);
	}
	for (size_t i = 0; i < to->nchildren; i++) {
		const struct object *col = to->children[i];
		const struct object *old = find_column(from, col->name);
		const struct object *pcol = kept && obj_get(col, "inheritance") ?
			find_column(kept, col->name) : NULL;
		size_t before = plan->nstmts;

		if (!old && carried_by_parent(plan, to, col, 1))
			column_ops.alter(plan, as_inherited(plan, col, NULL, pcol),
					 col);
		else if (old && pcol)
			column_ops.alter(plan, as_inherited(plan, col, old, pcol),
					 col);
		else if (old)
			column_ops.alter(plan, old, col);
		else
			column_ops.create(plan, col);
		for (size_t k = before; k < plan->nstmts; k++) {
			struct stmt *st = plan->stmts[k];
			/* after the parent's own change, which reaches col */
			if (pcol)
				keylist_add(plan, &st->needs, pcol->key);
			await_rebuilt_partitions(plan, from, st);
			if (st->action != ACT_CREATE)
				continue;
			if (last_add)
				stmt_after(st, last_add);
			last_add = st;
		}
	}
}

/* A new child's columns from its parents: what differs is set here. */
static void alter_inherited_columns(struct plan *plan, const struct object *t,
				    int partition)
{
	for (size_t i = 0; i < t->nchildren; i++) {
		const struct object *col = t->children[i];
		const struct object *pcol;
		size_t before;

		if (!partition && !str_equal(obj_get(col, "inheritance"),
					     "inherited"))
			continue;
		before = plan->nstmts;
		pcol = parent_column(plan, t, col);
		if (!pcol)
			continue;
		column_ops.alter(plan, as_inherited(plan, col, NULL, pcol), col);
		for (size_t k = before; k < plan->nstmts; k++)
			keylist_add(plan, &plan->stmts[k]->needs, pcol->key);
	}
}

void tablespace_clause(struct strbuf *sb, const char *ts)
{
	if (!ts)
		return;
	strbuf_adds(sb, " TABLESPACE ");
	quote_ident(sb, ts);
}

void plan_check_tablespace(struct plan *plan, struct stmt *st, const char *ts)
{
	if (!ts || snapshot_has_tablespace(plan->from, ts) != 0)
		return;
	st->reason = arena_printf(&plan->arena,
		"%s; tablespace %s does not exist on the source server",
		st->reason, ts);
	for (size_t i = 0; i < plan->nmissing_tablespaces; i++)
		if (!strcmp(plan->missing_tablespaces[i], ts))
			return;
	ALLOC_GROW(plan->missing_tablespaces, plan->nmissing_tablespaces + 1,
		   plan->missing_tablespaces_alloc);
	plan->missing_tablespaces[plan->nmissing_tablespaces++] =
		arena_strdup(&plan->arena, ts);
}

static void add_deps_of(struct plan *plan, struct keylist *l,
			const struct object *o)
{
	for (size_t i = 0; i < o->ndeps; i++)
		keylist_add(plan, l, o->deps[i].on->key);
}

/*
 * The identity index of t (an index, or a key constraint's), target side;
 * NULL when t's identity is not an index.
 */
static const struct object *identity_index(const struct plan *plan,
					   const struct object *t)
{
	const char *name = obj_get(t, "replica_index");
	struct strbuf key = STRBUF_INIT;
	const struct object *o;

	if (!str_equal(obj_get(t, "replica_identity"), "index") || !name)
		return NULL;
	obj_make_key(&key, OBJ_INDEX, t->schema, t->name, name, NULL);
	o = snapshot_find(plan->to, key.buf);
	if (!o) {
		strbuf_reset(&key);
		obj_make_key(&key, OBJ_CONSTRAINT, t->schema, t->name, name,
			     NULL);
		o = snapshot_find(plan->to, key.buf);
	}
	strbuf_release(&key);
	return o;
}

/* "ALTER TABLE t REPLICA IDENTITY ..." for the identity of t (target). */
static struct stmt *set_identity(struct plan *plan, const struct object *t)
{
	const char *ri = obj_get(t, "replica_identity");
	const struct object *idx = identity_index(plan, t), *pt;
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;

	strbuf_adds(&sql, "ALTER TABLE ");
	qualified_name(&sql, t);
	strbuf_adds(&sql, " REPLICA IDENTITY ");
	if (idx) {
		strbuf_adds(&sql, "USING INDEX ");
		quote_ident(&sql, idx->name);
	} else if (ri && !strcmp(ri, "full")) {
		strbuf_adds(&sql, "FULL");
	} else if (ri && strcmp(ri, "index")) {
		strbuf_adds(&sql, "NOTHING");
	} else {
		/* an index the target lacks: no identity, as there */
		strbuf_adds(&sql, ri ? "NOTHING" : "DEFAULT");
	}
	st = plan_add(plan, ACT_ALTER, CH_REPLICA_IDENTITY, t, NULL, &sql);
	strbuf_release(&sql);
	/*
	 * After the table, its index, and the columns that index is on
	 * becoming NOT NULL; it creates nothing others wait for.
	 */
	st->custom_keys = 1;
	keylist_add(plan, &st->creates,
		    arena_printf(&plan->arena, "replica identity %s", t->key));
	keylist_add(plan, &st->needs, t->key);
	if (!idx)
		return st;
	keylist_add(plan, &st->needs, idx->key);
	add_deps_of(plan, &st->needs, idx);
	/* a partition's may come with its parent's index or key */
	if (obj_get(idx, "attached_to"))
		keylist_add(plan, &st->needs, arena_printf(&plan->arena, "%s %s",
			    obj_kind_name(OBJ_INDEX), obj_get(idx, "attached_to")));
	if (str_equal(obj_get(idx, "inheritance"), "inherited") &&
	    obj_get(t, "partition_of") &&
	    (pt = table_named(plan->to, obj_get(t, "partition_of"))))
		for (size_t i = 0; i < plan->to->nobjects; i++) {
			const struct object *c = plan->to->objects[i];
			if (c->kind == OBJ_CONSTRAINT && c->parent == pt)
				keylist_add(plan, &st->needs, c->key);
		}
	for (size_t i = 0; i < t->nchildren; i++)
		keylist_add(plan, &st->needs, t->children[i]->key);
	return st;
}

static int identity_changes(const struct object *from, const struct object *to)
{
	return obj_attr_differs(from, to, "replica_identity") ||
	       (str_equal(obj_get(to, "replica_identity"), "index") &&
		obj_attr_differs(from, to, "replica_index"));
}

void table_identity_index_created(struct plan *plan, const struct object *idx,
				  struct stmt *created)
{
	const struct object *t = idx->parent;
	const struct object *from;

	if (!t || t->kind != OBJ_TABLE || identity_index(plan, t) != idx)
		return;
	/* a changed identity is set by the table's own ALTER */
	from = plan_source_of(plan, t);
	if (from && !table_new_in_plan(plan, t) && identity_changes(from, t))
		return;
	stmt_after(set_identity(plan, t), created);
}

static struct stmt *cluster_on(struct plan *plan, const struct object *idx)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;

	strbuf_adds(&sql, "ALTER TABLE ");
	qualified_name(&sql, idx->parent);
	strbuf_adds(&sql, " CLUSTER ON ");
	quote_ident(&sql, idx->name);
	st = plan_add(plan, ACT_ALTER, CH_CLUSTER_ON, idx, NULL, &sql);
	strbuf_release(&sql);
	return st;
}

void table_cluster_created(struct plan *plan, const struct object *idx,
			   struct stmt *created)
{
	if (obj_flag(idx, "clustered"))
		stmt_after(cluster_on(plan, idx), created);
}

/* Whether one of t's (a target table's) indexes or keys is marked clustered. */
static int has_clustered(const struct plan *plan, const struct object *t)
{
	for (size_t i = 0; i < plan->to->nobjects; i++) {
		const struct object *o = plan->to->objects[i];

		if (o->parent == t && obj_flag(o, "clustered"))
			return 1;
	}
	return 0;
}

void table_cluster_alter(struct plan *plan, const struct object *from,
			 const struct object *to)
{
	struct strbuf sql = STRBUF_INIT;

	if (obj_flag(from, "clustered") == obj_flag(to, "clustered"))
		return;
	if (obj_flag(to, "clustered")) {
		cluster_on(plan, to);
	} else if (!has_clustered(plan, to->parent)) {
		/* another index's CLUSTER ON takes the mark off this one */
		strbuf_adds(&sql, "ALTER TABLE ");
		qualified_name(&sql, to->parent);
		strbuf_adds(&sql, " SET WITHOUT CLUSTER");
		plan_add(plan, ACT_ALTER, CH_SET_WITHOUT_CLUSTER, to->parent,
			 NULL, &sql);
	}
	strbuf_release(&sql);
}

static void table_create(struct plan *plan, const struct object *t)
{
	struct strbuf sql = STRBUF_INIT;
	const char *partition_of = obj_get(t, "partition_of");
	const char *key = obj_get(t, "partition_key");
	const char *inherits = obj_get(t, "inherits");
	const char *ts = obj_get(t, "tablespace");
	const char *am;
	const struct object *parent, *idx;
	struct stmt *st;
	size_t listed = 0;
	enum change ch = partition_of ? CH_CREATE_PARTITION : CH_CREATE_TABLE;

	if (foreign_table(t))
		strbuf_adds(&sql, "CREATE FOREIGN TABLE ");
	else
		strbuf_adds(&sql, unlogged(t) ? "CREATE UNLOGGED TABLE " :
			    "CREATE TABLE ");
	qualified_name(&sql, t);
	if (partition_of) {
		/* a partition's columns are its parent's */
		strbuf_addf(&sql, " PARTITION OF %s %s", partition_of,
			    obj_get(t, "partition_bound"));
	} else {
		strbuf_adds(&sql, " (");
		for (size_t i = 0; i < t->nchildren; i++) {
			const struct object *col = t->children[i];

			if (str_equal(obj_get(col, "inheritance"), "inherited"))
				continue;
			strbuf_adds(&sql, listed++ ? ",\n    " : "\n    ");
			column_definition(&sql, col);
		}
		strbuf_adds(&sql, listed ? "\n)" : ")");
	}
	if (inherits) {
		struct parents p;

		parents_init(&p, t);
		strbuf_adds(&sql, " INHERITS (");
		for (size_t i = 0; i < p.n; i++)
			strbuf_addf(&sql, "%s%s", i ? ", " : "",
				    parents_at(&p, i));
		strbuf_addch(&sql, ')');
		parents_release(&p);
	}
	if (key)
		strbuf_addf(&sql, " PARTITION BY %s", key);
	/* NULL is heap, which a partition names if its parent has another */
	if ((am = obj_get(t, "am"))) {
		strbuf_adds(&sql, " USING ");
		quote_ident(&sql, am);
	} else if (partition_of &&
		   (parent = table_named(plan->to, partition_of)) &&
		   obj_get(parent, "am")) {
		strbuf_adds(&sql, " USING heap");
	}
	if (foreign_table(t)) {
		strbuf_adds(&sql, "\n    SERVER ");
		quote_ident(&sql, obj_get(t, "foreign_server"));
		fdw_options_create(&sql, obj_get(t, "fdw_options"));
		ch = CH_CREATE_FOREIGN_TABLE;
	}
	reloptions_with(&sql, obj_get(t, "options"));
	tablespace_clause(&sql, ts);
	/* a partition is made in its parent's tablespace unless told */
	if (!ts && partition_of && (parent = table_named(plan->to, partition_of)) &&
	    obj_get(parent, "tablespace"))
		strbuf_adds(&sql, " TABLESPACE pg_default");
	st = plan_add(plan, ACT_CREATE, ch, t, NULL, &sql);
	/* a partition takes its parent's columns as they are by then */
	if (partition_of && (parent = table_named(plan->to, partition_of)))
		for (size_t i = 0; i < parent->nchildren; i++)
			if (parent->children[i]->kind == OBJ_COLUMN)
				keylist_add(plan, &st->needs,
					    parent->children[i]->key);
	plan_check_tablespace(plan, st, ts);
	rls_alter(plan, NULL, t, st);
	/* the columns it lists; those of its parents come below */
	for (size_t i = 0; i < t->nchildren && !partition_of; i++)
		if (!str_equal(obj_get(t->children[i], "inheritance"), "inherited")) {
			column_settings_create(plan, t->children[i], st);
			column_identity_claim(plan, st, t->children[i]);
			column_default_after(plan, t->children[i], st);
		}
	/*
	 * An identity index sets it once it exists; one a new partition gets
	 * from its parent exists at once.
	 */
	idx = identity_index(plan, t);
	if (obj_get(t, "replica_identity") &&
	    (!str_equal(obj_get(t, "replica_identity"), "index") ||
	     (idx && partition_of &&
	      (obj_get(idx, "attached_to") ||
	       str_equal(obj_get(idx, "inheritance"), "inherited")))))
		stmt_after(set_identity(plan, t), st);
	if (partition_of || inherits)
		alter_inherited_columns(plan, t, partition_of != NULL);
	strbuf_release(&sql);
}

static void table_drop_as(struct plan *plan, const struct object *t,
			  enum change ch)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;

	strbuf_adds(&sql, foreign_table(t) ? "DROP FOREIGN TABLE " :
		    "DROP TABLE ");
	qualified_name(&sql, t);
	st = plan_add(plan, ACT_DROP, ch, t, NULL, &sql);
	for (size_t i = 0; i < t->nchildren; i++)
		if (t->children[i]->kind == OBJ_COLUMN)
			column_default_before_drop(plan, t->children[i], st);
	strbuf_release(&sql);
}

static void table_drop(struct plan *plan, const struct object *t)
{
	table_drop_as(plan, t, foreign_table(t) ? CH_DROP_FOREIGN_TABLE :
		      CH_DROP_TABLE);
}

/* "ALTER TABLE parent DETACH PARTITION t", "ALTER TABLE t NO INHERIT p" */
static void unlink_parent(struct plan *plan, const struct object *t,
			  const char *parent, int partition)
{
	struct strbuf sql = STRBUF_INIT;
	const struct object *pt;
	struct stmt *st;

	if (partition) {
		strbuf_addf(&sql, "ALTER TABLE %s DETACH PARTITION ", parent);
		qualified_name(&sql, t);
	} else {
		strbuf_adds(&sql, "ALTER TABLE ");
		qualified_name(&sql, t);
		strbuf_addf(&sql, " NO INHERIT %s", parent);
	}
	st = plan_add(plan, ACT_ALTER,
		      partition ? CH_DETACH_PARTITION : CH_NO_INHERIT, t, NULL,
		      &sql);
	/*
	 * It needs the parent as it is, not as re-created; t's own changes
	 * wait for it, and the parent may then be dropped without t.
	 */
	st->custom_keys = 1;
	keylist_add(plan, &st->creates, t->key);
	if ((pt = table_named(plan->from, parent)))
		keylist_add(plan, &st->unneeds, pt->key);
	strbuf_release(&sql);
}

/*
 * ATTACH and INHERIT check that t already has the parent's columns (and
 * for a partition, no others) and CHECK constraints: they run after the
 * statements from first on that drop t's columns, after everything that
 * makes its columns and constraints, and create nothing those wait for.
 */
static void link_parent(struct plan *plan, const struct object *t,
			const char *parent, int partition, size_t first)
{
	struct strbuf sql = STRBUF_INIT;
	const struct object *pt = table_named(plan->to, parent);
	struct stmt *st;

	if (partition) {
		strbuf_addf(&sql, "ALTER TABLE %s ATTACH PARTITION ", parent);
		qualified_name(&sql, t);
		strbuf_addf(&sql, " %s", obj_get(t, "partition_bound"));
	} else {
		strbuf_adds(&sql, "ALTER TABLE ");
		qualified_name(&sql, t);
		strbuf_addf(&sql, " INHERIT %s", parent);
	}
	st = plan_add(plan, ACT_ALTER,
		      partition ? CH_ATTACH_PARTITION : CH_INHERIT, t, NULL, &sql);
	for (size_t i = first; i < plan->nstmts; i++)
		if (plan->stmts[i]->action == ACT_DROP)
			stmt_after(st, plan->stmts[i]);
	st->custom_keys = 1;
	keylist_add(plan, &st->creates,
		    arena_printf(&plan->arena, "link %s", t->key));
	keylist_add(plan, &st->needs, t->key);
	add_deps_of(plan, &st->needs, t);
	if (pt) {
		keylist_add(plan, &st->needs, pt->key);
		for (size_t i = 0; i < pt->nchildren; i++)
			keylist_add(plan, &st->needs, pt->children[i]->key);
	}
	for (size_t i = 0; i < t->nchildren; i++) {
		keylist_add(plan, &st->needs, t->children[i]->key);
		add_deps_of(plan, &st->needs, t->children[i]);
	}
	for (size_t i = 0; i < plan->to->nobjects; i++) {
		const struct object *c = plan->to->objects[i];
		if (c->kind == OBJ_CONSTRAINT && c->parent == t)
			keylist_add(plan, &st->needs, c->key);
	}
	strbuf_release(&sql);
}

/*
 * Partition links first come undone, then the columns change, then the
 * new links are made; inheritance lists keep their order, so parents after
 * the first difference are unlinked and linked again.
 */
/*
 * SET LOGGED / UNLOGGED carries the sequences the table owns along; where
 * the target keeps such a sequence as it was, set it back afterwards.
 */
static void keep_sequence_persistence(struct plan *plan,
				      const struct object *t,
				      struct stmt *table_change)
{
	struct strbuf prefix = STRBUF_INIT, sql = STRBUF_INIT;
	struct stmt *st;

	quote_qualified(&prefix, t->schema, t->name);
	strbuf_addch(&prefix, '.');
	for (size_t i = 0; i < plan->to->nobjects; i++) {
		const struct object *seq = plan->to->objects[i];
		const char *owner = seq->kind == OBJ_SEQUENCE ?
			obj_get(seq, "owned_by") : NULL;
		const char *p = obj_get(seq, "persistence");
		int seq_unlogged = p && p[0] == 'u';

		if (!owner || strncmp(owner, prefix.buf, prefix.len) ||
		    seq_unlogged == unlogged(t))
			continue;
		strbuf_adds(&sql, "ALTER SEQUENCE ");
		quote_qualified(&sql, seq->schema, seq->name);
		strbuf_adds(&sql, seq_unlogged ? " SET UNLOGGED" : " SET LOGGED");
		st = plan_add(plan, ACT_ALTER, CH_ALTER_SEQUENCE, seq, NULL, &sql);
		/* only undoes a side effect: it runs right after its cause */
		st->custom_keys = 1;
		stmt_after(st, table_change);
	}
	strbuf_release(&prefix);
	strbuf_release(&sql);
}

/*
 * Storage parameters, after the columns (a toast table's appear with its
 * first column that needs one), and the tablespace.
 */
static void alter_storage(struct plan *plan, const struct object *from,
			  const struct object *to)
{
	struct strbuf sql = STRBUF_INIT;
	const char *ts = obj_get(to, "tablespace");
	struct stmt *st;
	int strong;

	strbuf_adds(&sql, "ALTER TABLE ");
	qualified_name(&sql, to);
	if (reloptions_alter(&sql, obj_get(from, "options"),
			     obj_get(to, "options"), &strong)) {
		st = plan_add(plan, ACT_ALTER, strong ? CH_TABLE_OPTIONS_EXCLUSIVE :
			      CH_TABLE_OPTIONS, to, NULL, &sql);
		st->custom_keys = 1;
		keylist_add(plan, &st->needs, to->key);
		for (size_t i = 0; i < to->nchildren; i++)
			keylist_add(plan, &st->needs, to->children[i]->key);
	}
	strbuf_reset(&sql);
	if (!obj_attr_differs(from, to, "tablespace"))
		goto out;
	/* a partitioned table's is only where new partitions go */
	strbuf_adds(&sql, "ALTER TABLE ");
	qualified_name(&sql, to);
	strbuf_adds(&sql, " SET TABLESPACE ");
	quote_ident(&sql, ts ? ts : "pg_default");
	st = plan_add(plan, ACT_ALTER, obj_get(to, "partition_key") ?
		      CH_PARTITIONED_TABLESPACE : CH_TABLE_TABLESPACE,
		      to, NULL, &sql);
	st->custom_keys = 1;
	keylist_add(plan, &st->needs, to->key);
	plan_check_tablespace(plan, st, ts);
out:
	strbuf_release(&sql);
}

static void table_alter(struct plan *plan, const struct object *from,
			const struct object *to)
{
	struct strbuf sql = STRBUF_INIT;
	const char *old_part = obj_get(from, "partition_of");
	const char *new_part = obj_get(to, "partition_of");
	int repartition = old_part &&
		(!new_part || strcmp(old_part, new_part) ||
		 obj_attr_differs(from, to, "partition_bound") ||
		 parent_rebuilt(plan, new_part));
	struct parents a, b;
	size_t same = 0, first;

	if (needs_recreate(plan, from, to)) {
		/* a foreign table holds no local data; a table becoming one does */
		table_drop_as(plan, from, foreign_table(from) ?
			      CH_RECREATE_FOREIGN_TABLE :
			      foreign_table(to) ? CH_TABLE_TO_FOREIGN :
			      rebuilt_for_key_columns(from, to) ?
			      CH_REBUILD_PARTITIONED :
			      !obj_attr_differs(from, to, "partition_key") ?
			      CH_RECREATE_TABLE_AM : CH_RECREATE_TABLE);
		if (old_part)
			keylist_add(plan, &plan->stmts[plan->nstmts - 1]->creates,
				    unattached_key(plan, from));
		table_create(plan, to);
		return;
	}
	strbuf_adds(&sql, "ALTER FOREIGN TABLE ");
	qualified_name(&sql, to);
	strbuf_addch(&sql, ' ');
	if (fdw_options_alter(&sql, obj_get(from, "fdw_options"),
			      obj_get(to, "fdw_options")))
		plan_add(plan, ACT_ALTER, CH_FOREIGN_TABLE_OPTIONS, to, NULL,
			 &sql);
	strbuf_reset(&sql);
	if (unlogged(from) != unlogged(to)) {
		strbuf_adds(&sql, "ALTER TABLE ");
		qualified_name(&sql, to);
		strbuf_adds(&sql, unlogged(to) ? " SET UNLOGGED" : " SET LOGGED");
		keep_sequence_persistence(plan, to,
			plan_add(plan, ACT_ALTER, CH_TABLE_PERSISTENCE, to, NULL, &sql));
	}
	if (repartition)
		unlink_parent(plan, to, old_part, 1);
	parents_init(&a, old_part ? NULL : from);
	parents_init(&b, new_part ? NULL : to);
	while (same < a.n && same < b.n &&
	       !strcmp(parents_at(&a, same), parents_at(&b, same)))
		same++;
	for (size_t i = same; i < a.n; i++)
		unlink_parent(plan, to, parents_at(&a, i), 0);
	first = plan->nstmts;
	alter_columns(plan, from, to);
	if (new_part && (!old_part || repartition))
		link_parent(plan, to, new_part, 1, first);
	for (size_t i = same; i < b.n; i++)
		link_parent(plan, to, parents_at(&b, i), 0, first);
	parents_release(&a);
	parents_release(&b);
	rls_alter(plan, from, to, NULL);
	if (obj_attr_differs(from, to, "am"))
		access_method_alter_relation(plan, from, to);
	alter_storage(plan, from, to);
	if (identity_changes(from, to))
		set_identity(plan, to);
	strbuf_release(&sql);
}

const struct kind_ops table_ops = { table_create, table_drop, table_alter };
