/*
 * publication.c: publications (database-wide) and the tables they list;
 * ALTER PUBLICATION for options, schemas and tables, re-created only to
 * switch FOR ALL TABLES.
 */
#include <stdlib.h>
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/pgarray.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

/* What a publication publishes unless told otherwise. */
#define DEFAULT_PUBLISH "insert, update, delete, truncate"

static const char *publish_of(const struct object *o)
{
	const char *p = obj_get(o, "publish");
	return p ? p : "";
}

static void schemas_of(struct pgarray *arr, const struct object *o)
{
	if (pgarray_parse(arr, obj_get(o, "schemas")) < 0)
		BUG("malformed schemas of %s", o->key);
}

/* The key of schema name, which a statement needs or stops needing. */
static const char *schema_key(struct plan *plan, const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	const char *key;

	strbuf_adds(&sb, "schema ");
	quote_ident(&sb, name);
	key = arena_strdup(&plan->arena, sb.buf);
	strbuf_release(&sb);
	return key;
}

/* Statements on publications alone lock no table. */
static struct stmt *add(struct plan *plan, enum action action,
			enum change ch, const struct object *o,
			struct strbuf *sql)
{
	struct stmt *st = plan_add(plan, action, ch, o, NULL, sql);

	if (ch != CH_DROP_PUBLICATION && ch != CH_RECREATE_PUBLICATION)
		st->lock = LOCK_NONE;
	return st;
}

static void alter_prefix(struct strbuf *sql, const char *name)
{
	strbuf_adds(sql, "ALTER PUBLICATION ");
	quote_ident(sql, name);
}

/* " a, b" from a text array of schema names. */
static void add_schema_list(struct strbuf *sql, const struct pgarray *names)
{
	for (size_t i = 0; i < names->n; i++) {
		strbuf_adds(sql, i ? ", " : " ");
		quote_ident(sql, names->items[i]);
	}
}

/*
 * The schemas a statement names, for ordering (pg_depend rows on schemas
 * are not read: names imply them, but a publication's are not in its name).
 */
static void add_schema_keys(struct plan *plan, struct keylist *l,
			    const struct pgarray *names)
{
	for (size_t i = 0; i < names->n; i++)
		keylist_add(plan, l, schema_key(plan, names->items[i]));
}

static void publication_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	struct pgarray schemas;
	struct stmt *st;
	int with = 0;

	schemas_of(&schemas, o);
	strbuf_adds(&sql, "CREATE PUBLICATION ");
	quote_ident(&sql, o->name);
	/* the tables it lists are added one by one, after they exist */
	if (obj_flag(o, "all_tables"))
		strbuf_adds(&sql, " FOR ALL TABLES");
	else if (schemas.n) {
		strbuf_adds(&sql, " FOR TABLES IN SCHEMA");
		add_schema_list(&sql, &schemas);
	}
	/* options at their defaults are left out: PostgreSQL 12 knows no via_root */
	if (strcmp(publish_of(o), DEFAULT_PUBLISH)) {
		strbuf_adds(&sql, " WITH (publish = ");
		quote_literal(&sql, publish_of(o));
		with = 1;
	}
	if (obj_flag(o, "via_root")) {
		strbuf_adds(&sql, with ? ", " : " WITH (");
		strbuf_adds(&sql, "publish_via_partition_root = true");
		with = 1;
	}
	if (with)
		strbuf_addch(&sql, ')');
	st = add(plan, ACT_CREATE, CH_CREATE_PUBLICATION, o, &sql);
	add_schema_keys(plan, &st->needs, &schemas);
	pgarray_release(&schemas);
	strbuf_release(&sql);
}

static void drop_as(struct plan *plan, const struct object *o,
		    enum change ch)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, "DROP PUBLICATION ");
	quote_ident(&sql, o->name);
	add(plan, ACT_DROP, ch, o, &sql);
	strbuf_release(&sql);
}

static void publication_drop(struct plan *plan, const struct object *o)
{
	drop_as(plan, o, CH_DROP_PUBLICATION);
}

/* Whether publish list `to` lacks an operation of `from`. */
static int publishes_less(const char *from, const char *to)
{
	static const char *const ops[] = { "insert", "update", "delete",
					   "truncate" };

	for (size_t i = 0; i < sizeof(ops) / sizeof(*ops); i++)
		if (strstr(from, ops[i]) && !strstr(to, ops[i]))
			return 1;
	return 0;
}

static void alter_options(struct plan *plan, const struct object *from,
			  const struct object *to)
{
	struct strbuf sql = STRBUF_INIT;

	if (strcmp(publish_of(from), publish_of(to))) {
		alter_prefix(&sql, to->name);
		strbuf_adds(&sql, " SET (publish = ");
		quote_literal(&sql, publish_of(to));
		strbuf_addch(&sql, ')');
		add(plan, ACT_ALTER,
		    publishes_less(publish_of(from), publish_of(to)) ?
		    CH_PUBLISH_LESS : CH_PUBLISH_MORE, to, &sql);
	}
	if (obj_flag(from, "via_root") != obj_flag(to, "via_root")) {
		alter_prefix(&sql, to->name);
		strbuf_addf(&sql, " SET (publish_via_partition_root = %s)",
			    obj_flag(to, "via_root") ? "true" : "false");
		add(plan, ACT_ALTER, CH_PUBLISH_VIA_ROOT, to, &sql);
	}
	strbuf_release(&sql);
}

/* The names of a that b lacks (borrowed from a). */
static void names_missing(struct pgarray *out, const struct pgarray *a,
			  const struct pgarray *b)
{
	out->items = xcalloc(a->n + 1, sizeof(*out->items));
	out->n = 0;
	for (size_t i = 0; i < a->n; i++)
		if (pgarray_find(b, a->items[i]) < 0)
			out->items[out->n++] = a->items[i];
}

static void alter_schemas(struct plan *plan, const struct object *from,
			  const struct object *to)
{
	struct pgarray was, now, gone, added;
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;

	schemas_of(&was, from);
	schemas_of(&now, to);
	names_missing(&gone, &was, &now);
	names_missing(&added, &now, &was);
	if (gone.n) {
		alter_prefix(&sql, to->name);
		strbuf_adds(&sql, " DROP TABLES IN SCHEMA");
		add_schema_list(&sql, &gone);
		st = add(plan, ACT_ALTER, CH_DROP_PUBLICATION_SCHEMA, to, &sql);
		/* before DROP SCHEMA, which would take the entry with it */
		add_schema_keys(plan, &st->unneeds, &gone);
	}
	if (added.n) {
		alter_prefix(&sql, to->name);
		strbuf_adds(&sql, " ADD TABLES IN SCHEMA");
		add_schema_list(&sql, &added);
		st = add(plan, ACT_ALTER, CH_ADD_PUBLICATION_SCHEMA, to, &sql);
		add_schema_keys(plan, &st->needs, &added);
	}
	free(gone.items);
	free(added.items);
	pgarray_release(&was);
	pgarray_release(&now);
	strbuf_release(&sql);
}

static void publication_alter(struct plan *plan, const struct object *from,
			      const struct object *to)
{
	/* no ALTER turns FOR ALL TABLES into a list or back */
	if (obj_flag(from, "all_tables") != obj_flag(to, "all_tables")) {
		drop_as(plan, from, CH_RECREATE_PUBLICATION);
		publication_create(plan, to);
		return;
	}
	alter_options(plan, from, to);
	alter_schemas(plan, from, to);
}

const struct kind_ops publication_ops = { publication_create,
					  publication_drop,
					  publication_alter };

/*
 * A table a publication lists: a child of the table, named by the
 * publication.  ONLY, as pg_dump writes it: each inheritance child listed
 * is an entry of its own.
 */
static struct stmt *add_table_stmt(struct plan *plan, enum action action,
				   enum change ch, const struct object *o,
				   struct strbuf *sql, const char *preposition)
{
	struct strbuf what = STRBUF_INIT;
	struct stmt *st;

	strbuf_adds(&what, "table ");
	quote_qualified(&what, o->parent->schema, o->parent->name);
	strbuf_addf(&what, " %s publication ", preposition);
	quote_ident(&what, o->name);
	st = plan_add(plan, action, ch, o, what.buf, sql);
	strbuf_release(&what);
	return st;
}

static void table_prefix(struct strbuf *sql, const struct object *o,
			 const char *verb)
{
	alter_prefix(sql, o->name);
	strbuf_addf(sql, " %s TABLE ONLY ", verb);
	quote_qualified(sql, o->parent->schema, o->parent->name);
}

static void publication_table_create(struct plan *plan,
				     const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	const char *columns = obj_get(o, "columns");
	const char *filter = obj_get(o, "row_filter");

	table_prefix(&sql, o, "ADD");
	if (columns) {
		struct pgarray names;

		if (pgarray_parse(&names, columns) < 0)
			BUG("malformed columns of %s", o->key);
		strbuf_adds(&sql, " (");
		for (size_t i = 0; i < names.n; i++) {
			if (i)
				strbuf_adds(&sql, ", ");
			quote_ident(&sql, names.items[i]);
		}
		strbuf_addch(&sql, ')');
		pgarray_release(&names);
	}
	if (filter)
		strbuf_addf(&sql, " WHERE (%s)", filter);
	add_table_stmt(plan, ACT_CREATE, CH_ADD_PUBLICATION_TABLE, o, &sql,
		       "to");
	strbuf_release(&sql);
}

static void table_drop_as(struct plan *plan, const struct object *o,
			  enum change ch)
{
	struct strbuf sql = STRBUF_INIT;

	table_prefix(&sql, o, "DROP");
	add_table_stmt(plan, ACT_DROP, ch, o, &sql, "from");
	strbuf_release(&sql);
}

static void publication_table_drop(struct plan *plan, const struct object *o)
{
	table_drop_as(plan, o, CH_DROP_PUBLICATION_TABLE);
}

/*
 * Another column list or row filter: dropped and added again in the same
 * transaction (SET TABLE would replace the publication's whole list).
 */
static void publication_table_alter(struct plan *plan,
				    const struct object *from,
				    const struct object *to)
{
	if (!obj_attr_differs(from, to, "columns") &&
	    !obj_attr_differs(from, to, "row_filter"))
		return;
	table_drop_as(plan, from, CH_REDEFINE_PUBLICATION_TABLE);
	publication_table_create(plan, to);
}

const struct kind_ops publication_table_ops = { publication_table_create,
						publication_table_drop,
						publication_table_alter };
