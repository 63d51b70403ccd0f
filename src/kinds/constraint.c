/* constraint.c: table constraints; ALTER where PostgreSQL has one, else drop and add. */
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"

static void constraint_prefix(struct strbuf *sql, const struct object *o)
{
	strbuf_adds(sql, "ALTER TABLE ");
	quote_qualified(sql, o->parent->schema, o->parent->name);
	strbuf_addch(sql, ' ');
}

static char type_of(const struct object *o)
{
	const char *t = obj_get(o, "type");
	return t ? t[0] : '?';
}

/* From a parent table alone: the parent's statements carry it down. */
static int inherited_only(const struct object *o)
{
	const char *inh = obj_get(o, "inheritance");
	return inh && !strcmp(inh, "inherited");
}

/* The definition without the clauses ALTER CONSTRAINT and VALIDATE change. */
static void core_definition(struct strbuf *sb, const struct object *o)
{
	strbuf_adds(sb, obj_get(o, "definition"));
	strbuf_strip_suffix(sb, " NOT VALID");
	strbuf_strip_suffix(sb, " INITIALLY DEFERRED");
	strbuf_strip_suffix(sb, " DEFERRABLE");
}

/* Where an exclusion constraint's top-level " WHERE (" starts, or its end. */
static size_t predicate_start(const char *def)
{
	int depth = 0;
	char quote = 0;
	const char *p;

	for (p = def; *p; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;	/* a doubled quote reopens at once */
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
		} else if (*p == '(') {
			depth++;
		} else if (*p == ')') {
			depth--;
		} else if (!depth && !strncmp(p, " WHERE (", 8)) {
			break;
		}
	}
	return (size_t)(p - def);
}

/*
 * The definition with what pg_get_constraintdef leaves out of a key's
 * index: its storage parameters and tablespace, which go before an
 * exclusion constraint's predicate and before the DEFERRABLE clauses.
 */
static void full_definition(struct strbuf *sb, const struct object *o)
{
	struct strbuf core = STRBUF_INIT;
	const char *ts = obj_get(o, "index_tablespace");
	size_t at;

	core_definition(&core, o);
	at = type_of(o) == 'x' ? predicate_start(core.buf) : core.len;
	strbuf_add(sb, core.buf, at);
	reloptions_with(sb, obj_get(o, "index_options"));
	if (ts) {
		strbuf_adds(sb, " USING INDEX TABLESPACE ");
		quote_ident(sb, ts);
	}
	strbuf_adds(sb, core.buf + at);
	strbuf_adds(sb, obj_get(o, "definition") + core.len);
	strbuf_release(&core);
}

static void constraint_create(struct plan *plan, const struct object *o)
{
	struct stmt *st;
	struct strbuf sql = STRBUF_INIT;
	enum change ch;

	/*
	 * A new child gets it from its parent, and so does one that stays
	 * attached; one about to be attached must have its CHECKs already
	 * (ATTACH PARTITION makes the keys and foreign keys itself).
	 */
	if (inherited_only(o) &&
	    (type_of(o) != 'c' || table_new_in_plan(plan, o->parent) ||
	     table_kept_parent(plan, o->parent)))
		return;
	constraint_prefix(&sql, o);
	strbuf_adds(&sql, "ADD CONSTRAINT ");
	quote_ident(&sql, o->name);
	strbuf_addch(&sql, ' ');
	full_definition(&sql, o);
	if (table_new_in_plan(plan, o->parent))
		ch = CH_ADD_CONSTRAINT_NEW_TABLE;
	else if (obj_get(o->parent, "foreign_server"))
		ch = CH_FOREIGN_TABLE_CHECK;	/* never checks remote rows */
	else if (!obj_flag(o, "validated"))
		ch = CH_ADD_CONSTRAINT_NOT_VALID;
	else if (type_of(o) == 'f')
		ch = CH_ADD_FOREIGN_KEY;
	else
		ch = CH_ADD_CONSTRAINT;
	st = plan_add(plan, ACT_CREATE, ch, o, NULL, &sql);
	plan_check_tablespace(plan, st, obj_get(o, "index_tablespace"));
	/* a key's new index is no table's replica identity until told */
	table_identity_index_created(plan, o, st);
	table_cluster_created(plan, o, st);
	strbuf_release(&sql);
}

static void drop_as(struct plan *plan, const struct object *o,
		    enum change ch)
{
	struct strbuf sql = STRBUF_INIT;

	constraint_prefix(&sql, o);
	strbuf_adds(&sql, "DROP CONSTRAINT ");
	quote_ident(&sql, o->name);
	plan_add(plan, ACT_DROP, ch, o, NULL, &sql);
	strbuf_release(&sql);
}

static void constraint_drop(struct plan *plan, const struct object *o)
{
	size_t before = plan->nstmts;

	/* the parent's DROP CONSTRAINT takes it from a child that stays */
	if (inherited_only(o) && table_kept_parent(plan, o->parent))
		return;
	switch (type_of(o)) {
	case 'c':
		drop_as(plan, o, CH_DROP_CHECK);
		break;
	case 'f':
		drop_as(plan, o, CH_DROP_FOREIGN_KEY);
		break;
	default:
		drop_as(plan, o, CH_DROP_KEY);
	}
	/* inherited, it is the table's own once detached: drop it after */
	if (obj_get(o, "inheritance"))
		for (size_t i = before; i < plan->nstmts; i++)
			keylist_add(plan, &plan->stmts[i]->needs, o->parent->key);
}

/* A key's index: named like the constraint, in its table's schema. */
static void alter_index_prefix(struct strbuf *sql, const struct object *o)
{
	strbuf_reset(sql);
	strbuf_adds(sql, "ALTER INDEX ");
	quote_qualified(sql, o->parent->schema, o->name);
}

/* A key's index storage parameters and tablespace: changed in place. */
static void alter_key_index(struct plan *plan, const struct object *from,
			    const struct object *to)
{
	struct strbuf sql = STRBUF_INIT;
	const char *ts = obj_get(to, "index_tablespace");
	int strong;

	alter_index_prefix(&sql, to);
	if (reloptions_alter(&sql, obj_get(from, "index_options"),
			     obj_get(to, "index_options"), &strong))
		plan_add(plan, ACT_ALTER, strong ? CH_TABLE_OPTIONS_EXCLUSIVE :
			 CH_KEY_INDEX_OPTIONS, to, NULL, &sql);
	if (obj_attr_differs(from, to, "index_tablespace")) {
		alter_index_prefix(&sql, to);
		strbuf_adds(&sql, " SET TABLESPACE ");
		quote_ident(&sql, ts ? ts : "pg_default");
		/* a partitioned index's is only where new partitions' go */
		plan_check_tablespace(plan, plan_add(plan, ACT_ALTER,
			obj_get(to->parent, "partition_key") ?
			CH_PARTITIONED_TABLESPACE : CH_KEY_INDEX_TABLESPACE,
			to, NULL, &sql), ts);
	}
	strbuf_release(&sql);
}

/* Whether from can become to only by being dropped and added again. */
static int needs_recreate(const struct object *from, const struct object *to)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	int timing = obj_attr_differs(from, to, "deferrable") ||
		     obj_attr_differs(from, to, "deferred");
	int differs;

	core_definition(&a, from);
	core_definition(&b, to);
	/* a partitioned index's storage parameters cannot be changed */
	differs = strcmp(a.buf, b.buf) || type_of(from) != type_of(to) ||
		  (timing && type_of(to) != 'f') ||
		  (obj_get(to->parent, "partition_key") &&
		   reloptions_differ(obj_get(from, "index_options"),
				     obj_get(to, "index_options"))) ||
		  (obj_flag(from, "validated") && !obj_flag(to, "validated"));
	strbuf_release(&a);
	strbuf_release(&b);
	return differs;
}

/*
 * Whether the constraint o (of the target) inherits from is dropped and
 * added again, or another, which makes o's index anew.
 */
static int parent_recreated(const struct plan *plan, const struct object *o)
{
	struct strbuf key = STRBUF_INIT;
	const struct object *from, *to;

	obj_make_key(&key, OBJ_CONSTRAINT, obj_get(o, "parent_schema"),
		     obj_get(o, "parent_table"), obj_get(o, "parent_name"), NULL);
	from = snapshot_find(plan->from, key.buf);
	to = snapshot_find(plan->to, key.buf);
	strbuf_release(&key);
	if (!from || !to || needs_recreate(from, to))
		return 1;
	return inherited_only(to) && parent_recreated(plan, to);
}

static void constraint_alter(struct plan *plan, const struct object *from,
			     const struct object *to)
{
	struct strbuf sql = STRBUF_INIT;
	int timing = obj_attr_differs(from, to, "deferrable") ||
		     obj_attr_differs(from, to, "deferred");
	int validate = !obj_flag(from, "validated") && obj_flag(to, "validated");

	/*
	 * A parent's changes reach the constraints its children inherit, but
	 * not its index's tablespace or storage parameters, once created.
	 */
	if (inherited_only(to)) {
		if (obj_get(to, "parent_name") && !needs_recreate(from, to) &&
		    !parent_recreated(plan, to)) {
			alter_key_index(plan, from, to);
			table_cluster_alter(plan, from, to);
		}
		goto out;
	}
	if (needs_recreate(from, to)) {
		drop_as(plan, from, CH_RECREATE_DROP);
		constraint_create(plan, to);
		goto out;
	}
	if (timing) {
		constraint_prefix(&sql, to);
		strbuf_adds(&sql, "ALTER CONSTRAINT ");
		quote_ident(&sql, to->name);
		strbuf_adds(&sql, obj_flag(to, "deferrable") ?
			    " DEFERRABLE" : " NOT DEFERRABLE");
		strbuf_adds(&sql, obj_flag(to, "deferred") ?
			    " INITIALLY DEFERRED" : " INITIALLY IMMEDIATE");
		plan_add(plan, ACT_ALTER, CH_ALTER_CONSTRAINT, to, NULL, &sql);
	}
	if (validate) {
		constraint_prefix(&sql, to);
		strbuf_adds(&sql, "VALIDATE CONSTRAINT ");
		quote_ident(&sql, to->name);
		plan_add(plan, ACT_ALTER, CH_VALIDATE_CONSTRAINT, to, NULL, &sql);
	}
	alter_key_index(plan, from, to);
	table_cluster_alter(plan, from, to);
out:
	strbuf_release(&sql);
}

const struct kind_ops constraint_ops = {
	constraint_create, constraint_drop, constraint_alter
};
