/*
 * index.c: indexes that no constraint owns; ALTER INDEX changes their storage
 * parameters and tablespace, any other change re-creates them.  An
 * index on a partitioned table makes (or adopts) one on every partition,
 * and partitions get their parent's indexes: those are implicit.
 */
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"

/*
 * Where in pg_get_indexdef's text its clauses are: " WITH (...)" (from
 * *with to *with_end) and " WHERE ..." (from *where); the length of def
 * for those it lacks.  Only text outside quotes and parentheses counts.
 */
static void find_clauses(const char *def, size_t *with, size_t *with_end,
			 size_t *where)
{
	size_t len = strlen(def);
	int depth = 0;
	char quote = 0;

	*with = *with_end = *where = len;
	for (size_t i = 0; i < len; i++) {
		char c = def[i];

		if (quote) {
			if (c == quote)
				quote = 0;	/* a doubled quote reopens at once */
			continue;
		}
		if (c == '\'' || c == '"') {
			quote = c;
		} else if (c == '(') {
			depth++;
		} else if (c == ')') {
			if (--depth == 0 && *with < len && *with_end == len)
				*with_end = i + 1;
		} else if (!depth && !strncmp(def + i, " WITH (", 7) &&
			   *with == len) {
			*with = i;
		} else if (!depth && !strncmp(def + i, " WHERE ", 7)) {
			*where = i;
			return;
		}
	}
}

/*
 * The definition without its storage parameters, which ALTER INDEX can
 * change: what only a new index can.
 */
static void core_definition(struct strbuf *sb, const struct object *o)
{
	const char *def = obj_get(o, "definition");
	size_t with, with_end, where;

	find_clauses(def, &with, &with_end, &where);
	strbuf_add(sb, def, with);
	strbuf_adds(sb, def + with_end);
}

/*
 * Whether from can become to only by being re-created: a partitioned
 * index's parameters cannot be changed either (its partitions' can).
 */
static int needs_recreate(const struct object *from, const struct object *to)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	int differs;

	core_definition(&a, from);
	core_definition(&b, to);
	differs = strcmp(a.buf, b.buf) != 0 ||
		  (to->parent && obj_get(to->parent, "partition_key") &&
		   reloptions_differ(obj_get(from, "options"),
				     obj_get(to, "options")));
	strbuf_release(&a);
	strbuf_release(&b);
	return differs;
}

/* The definition without ONLY: a partitioned index is made whole at once. */
static void create_definition(struct strbuf *sb, const struct object *o)
{
	const char *def = obj_get(o, "definition");
	struct strbuf head = STRBUF_INIT;
	size_t skip = 0, with, with_end, where;

	strbuf_adds(&head, obj_flag(o, "is_unique") ? "CREATE UNIQUE INDEX " :
		    "CREATE INDEX ");
	quote_ident(&head, o->name);
	strbuf_adds(&head, " ON ONLY ");
	if (!strncmp(def, head.buf, head.len))
		skip = strlen(" ONLY");
	if (skip) {
		strbuf_add(sb, def, head.len - skip - 1);
		def += head.len - 1;
	}
	/* TABLESPACE goes between WITH (...) and WHERE */
	find_clauses(def, &with, &with_end, &where);
	strbuf_add(sb, def, where);
	tablespace_clause(sb, obj_get(o, "tablespace"));
	strbuf_adds(sb, def + where);
	strbuf_release(&head);
}

/* Whether the plan creates (or re-creates) the index of this qualified name. */
static int index_new_in_plan(const struct plan *plan, const char *qname)
{
	struct strbuf key = STRBUF_INIT;
	const struct object *from, *to;
	int fresh;

	strbuf_addf(&key, "%s %s", obj_kind_name(OBJ_INDEX), qname);
	from = snapshot_find(plan->from, key.buf);
	to = snapshot_find(plan->to, key.buf);
	fresh = !from || !to || needs_recreate(from, to) ||
		table_new_in_plan(plan, to->parent);
	strbuf_release(&key);
	return fresh;
}

/*
 * A partition's index attached to its parent's comes with the partition,
 * with ATTACH PARTITION, or with the parent's CREATE INDEX.
 */
static int comes_with_parent(const struct plan *plan, const struct object *o)
{
	const char *parent = obj_get(o, "attached_to");

	return parent && (table_new_in_plan(plan, o->parent) ||
			  table_links_change(plan, o->parent) ||
			  index_new_in_plan(plan, parent));
}

static void attach_index(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_addf(&sql, "ALTER INDEX %s ATTACH PARTITION ",
		    obj_get(o, "attached_to"));
	quote_qualified(&sql, o->schema, o->name);
	plan_add(plan, ACT_ALTER, CH_ATTACH_INDEX, o, NULL, &sql);
	strbuf_release(&sql);
}

/* The target of expression column n ("n=target" lines); NULL: the default. */
static const char *statistics_of(const char *list, const char *n, size_t len,
				 size_t *vlen)
{
	for (const char *p = list; p && *p; ) {
		size_t line = strcspn(p, "\n"), nlen = strcspn(p, "=\n");

		if (nlen == len && !strncmp(p, n, len) && p[nlen] == '=') {
			*vlen = line - nlen - 1;
			return p + nlen + 1;
		}
		p += line + (p[line] == '\n');
	}
	return NULL;
}

static void set_column_statistics(struct plan *plan, const struct object *o,
				  const char *n, size_t nlen, const char *v,
				  size_t vlen, struct stmt *after)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;

	strbuf_adds(&sql, "ALTER INDEX ");
	quote_qualified(&sql, o->schema, o->name);
	strbuf_adds(&sql, " ALTER COLUMN ");
	strbuf_add(&sql, n, nlen);
	strbuf_adds(&sql, " SET STATISTICS ");
	if (v)
		strbuf_add(&sql, v, vlen);
	else
		strbuf_adds(&sql, "-1");
	st = plan_add(plan, ACT_ALTER, CH_INDEX_COLUMN_STATISTICS, o, NULL,
		      &sql);
	if (after)
		stmt_after(st, after);
	strbuf_release(&sql);
}

/*
 * ALTER INDEX ... ALTER COLUMN n SET STATISTICS for the expression
 * columns whose target differs between from (NULL: a new index) and to.
 */
static void column_statistics(struct plan *plan, const struct object *from,
			      const struct object *to, struct stmt *after)
{
	const char *old = from ? obj_get(from, "column_statistics") : NULL;
	const char *new = obj_get(to, "column_statistics");

	for (const char *p = new; p && *p; ) {
		size_t line = strcspn(p, "\n"), nlen = strcspn(p, "=\n");
		size_t vlen = line - nlen - 1, olen = 0;
		const char *v = p + nlen + 1;
		const char *ov = statistics_of(old, p, nlen, &olen);

		if (!ov || olen != vlen || strncmp(ov, v, vlen))
			set_column_statistics(plan, to, p, nlen, v, vlen,
					      after);
		p += line + (p[line] == '\n');
	}
	for (const char *p = old; p && *p; ) {
		size_t line = strcspn(p, "\n"), nlen = strcspn(p, "=\n");
		size_t vlen = 0;

		if (!statistics_of(new, p, nlen, &vlen))
			set_column_statistics(plan, to, p, nlen, NULL, 0,
					      after);
		p += line + (p[line] == '\n');
	}
}

/* "ALTER INDEX i ..." that needs the index and creates nothing. */
static struct stmt *alter_index(struct plan *plan, const struct object *o,
				enum change ch, struct strbuf *sql)
{
	struct stmt *st = plan_add(plan, ACT_ALTER, ch, o, NULL, sql);

	/* a no-op should the planner re-create the index */
	st->custom_keys = 1;
	keylist_add(plan, &st->needs, o->key);
	return st;
}

/*
 * A partition's index that its parent's CREATE INDEX (or the partition's
 * CREATE or ATTACH) makes has the parent index's storage parameters, no
 * CLUSTER and default statistics targets: what o's own differ in is set
 * once it is there.
 */
static void adjust_from_parent(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	const char *key = arena_printf(&plan->arena, "%s %s",
				       obj_kind_name(OBJ_INDEX),
				       obj_get(o, "attached_to"));
	const struct object *parent = snapshot_find(plan->to, key);
	struct stmt *first = NULL;
	size_t start = plan->nstmts;
	int strong;

	strbuf_adds(&sql, "ALTER INDEX ");
	quote_qualified(&sql, o->schema, o->name);
	if (parent && reloptions_alter(&sql, obj_get(parent, "options"),
				       obj_get(o, "options"), &strong))
		alter_index(plan, o, strong ? CH_TABLE_OPTIONS_EXCLUSIVE :
			    CH_INDEX_OPTIONS, &sql);
	column_statistics(plan, NULL, o, NULL);
	/* (a replica identity using it is the table's: see set_identity) */
	table_cluster_created(plan, o, NULL);
	for (size_t i = start; i < plan->nstmts; i++) {
		struct stmt *st = plan->stmts[i];

		st->custom_keys = 1;
		keylist_add(plan, &st->needs, o->key);
		keylist_add(plan, &st->needs, key);
		keylist_add(plan, &st->needs, o->parent->key);
		keylist_add(plan, &st->needs, arena_printf(&plan->arena,
			    "link %s", o->parent->key));
		if (first)
			stmt_after(st, first);
		first = st;
	}
	strbuf_release(&sql);
}

static void index_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	int new_table = table_new_in_plan(plan, o->parent);
	struct stmt *st;

	if (comes_with_parent(plan, o)) {
		adjust_from_parent(plan, o);
		return;
	}
	create_definition(&sql, o);
	st = plan_add(plan, ACT_CREATE,
		      new_table ? CH_CREATE_INDEX_NEW_TABLE : CH_CREATE_INDEX,
		      o, NULL, &sql);
	plan_check_tablespace(plan, st, obj_get(o, "tablespace"));
	if (obj_get(o, "attached_to"))
		attach_index(plan, o);
	/* a new index is no table's replica identity until told */
	table_identity_index_created(plan, o, st);
	table_cluster_created(plan, o, st);
	column_statistics(plan, NULL, o, st);
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

/*
 * An attached index goes with its parent index; once its partition is
 * detached it is the partition's own, and goes after the DETACH.
 */
static int drop_attached(struct plan *plan, const struct object *o,
			 enum change ch)
{
	const char *parent = obj_get(o, "attached_to");
	struct stmt *st;

	if (!parent)
		return 0;
	if (index_new_in_plan(plan, parent))
		return 1;
	st = index_drop_as(plan, o, ch);
	keylist_add(plan, &st->needs, o->parent->key);
	return 1;
}

static void index_drop(struct plan *plan, const struct object *o)
{
	if (!drop_attached(plan, o, CH_DROP_INDEX))
		index_drop_as(plan, o, CH_DROP_INDEX);
}

/* Storage parameters and tablespace: changed in place. */
static void alter_storage(struct plan *plan, const struct object *from,
			  const struct object *to)
{
	struct strbuf sql = STRBUF_INIT;
	const char *ts = obj_get(to, "tablespace");
	int strong;

	strbuf_adds(&sql, "ALTER INDEX ");
	quote_qualified(&sql, to->schema, to->name);
	if (reloptions_alter(&sql, obj_get(from, "options"),
			     obj_get(to, "options"), &strong))
		alter_index(plan, to, strong ? CH_TABLE_OPTIONS_EXCLUSIVE :
			    CH_INDEX_OPTIONS, &sql);
	if (obj_attr_differs(from, to, "tablespace")) {
		strbuf_reset(&sql);
		strbuf_adds(&sql, "ALTER INDEX ");
		quote_qualified(&sql, to->schema, to->name);
		strbuf_adds(&sql, " SET TABLESPACE ");
		quote_ident(&sql, ts ? ts : "pg_default");
		/* a partitioned index's is only where new partitions' go */
		plan_check_tablespace(plan, alter_index(plan, to,
			obj_get(to->parent, "partition_key") ?
			CH_PARTITIONED_TABLESPACE : CH_INDEX_TABLESPACE, &sql),
			ts);
	}
	strbuf_release(&sql);
}

static void index_alter(struct plan *plan, const struct object *from,
			const struct object *to)
{
	if (needs_recreate(from, to)) {
		if (!drop_attached(plan, from, CH_RECREATE_DROP))
			index_drop_as(plan, from, CH_RECREATE_DROP);
		index_create(plan, to);
		return;
	}
	/* an index is attached by ATTACH PARTITION or the parent's CREATE */
	if (obj_get(to, "attached_to") &&
	    obj_attr_differs(from, to, "attached_to") &&
	    !comes_with_parent(plan, to))
		attach_index(plan, to);
	/* a new parent index makes this one anew, like itself */
	if (!obj_get(to, "attached_to") ||
	    !index_new_in_plan(plan, obj_get(to, "attached_to"))) {
		alter_storage(plan, from, to);
		table_cluster_alter(plan, from, to);
		column_statistics(plan, from, to, NULL);
	} else {
		adjust_from_parent(plan, to);
	}
}

const struct kind_ops index_ops = { index_create, index_drop, index_alter };
