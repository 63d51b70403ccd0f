/* comment.c: how statements name an object of any kind, and COMMENT ON from the `comment` facts. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/pgarray.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

/*
 * The keywords that name a kind in COMMENT ON, GRANT ... ON and ALTER ...
 * OWNER TO, by kind name (kinds are added in kindlist.h; a kind missing
 * here is named by its own name in upper case).  public_privs: what
 * PUBLIC may do on a new object of the kind (acldefault), as aclitem
 * letters.
 */
static const struct kind_sql {
	const char *kind;
	const char *comment;
	const char *grant;	/* NULL: no privileges of its own */
	const char *alter;	/* NULL: no owner of its own */
	const char *public_privs;
} kind_sql[] = {
	{ "schema", "SCHEMA", "SCHEMA", "SCHEMA", "" },
	{ "extension", "EXTENSION", NULL, NULL, "" },
	{ "collation", "COLLATION", NULL, "COLLATION", "" },
	{ "type", "TYPE", "TYPE", "TYPE", "U" },
	{ "domain", "DOMAIN", "DOMAIN", "DOMAIN", "U" },
	{ "domain constraint", "CONSTRAINT", NULL, NULL, "" },
	{ "range type", "TYPE", "TYPE", "TYPE", "U" },
	{ "base type", "TYPE", "TYPE", "TYPE", "U" },
	{ "composite type", "TYPE", "TYPE", "TYPE", "U" },
	{ "sequence", "SEQUENCE", "SEQUENCE", "SEQUENCE", "" },
	{ "table", "TABLE", "TABLE", "TABLE", "" },
	{ "partitioned table", "TABLE", "TABLE", "TABLE", "" },
	{ "foreign table", "FOREIGN TABLE", "TABLE", "FOREIGN TABLE", "" },
	{ "view", "VIEW", "TABLE", "VIEW", "" },
	{ "materialized view", "MATERIALIZED VIEW", "TABLE",
	  "MATERIALIZED VIEW", "" },
	{ "column", "COLUMN", "TABLE", NULL, "" },
	{ "constraint", "CONSTRAINT", NULL, NULL, "" },
	{ "index", "INDEX", NULL, NULL, "" },
	{ "function", "FUNCTION", "FUNCTION", "FUNCTION", "X" },
	{ "procedure", "PROCEDURE", "PROCEDURE", "PROCEDURE", "X" },
	{ "aggregate", "AGGREGATE", "FUNCTION", "AGGREGATE", "X" },
	{ "operator", "OPERATOR", NULL, "OPERATOR", "" },
	{ "operator family", "OPERATOR FAMILY", NULL, "OPERATOR FAMILY", "" },
	{ "operator class", "OPERATOR CLASS", NULL, "OPERATOR CLASS", "" },
	{ "trigger", "TRIGGER", NULL, NULL, "" },
	{ "event trigger", "EVENT TRIGGER", NULL, "EVENT TRIGGER", "" },
	{ "policy", "POLICY", NULL, NULL, "" },
	{ "rule", "RULE", NULL, NULL, "" },
	{ "language", "LANGUAGE", "LANGUAGE", "LANGUAGE", "U" },
	{ "foreign data wrapper", "FOREIGN DATA WRAPPER",
	  "FOREIGN DATA WRAPPER", "FOREIGN DATA WRAPPER", "" },
	{ "foreign server", "SERVER", "FOREIGN SERVER", "SERVER", "" },
	{ "publication", "PUBLICATION", NULL, "PUBLICATION", "" },
	{ "subscription", "SUBSCRIPTION", NULL, "SUBSCRIPTION", "" },
	{ "statistics object", "STATISTICS", NULL, "STATISTICS", "" },
	{ "text search configuration", "TEXT SEARCH CONFIGURATION", NULL,
	  "TEXT SEARCH CONFIGURATION", "" },
	{ "text search dictionary", "TEXT SEARCH DICTIONARY", NULL,
	  "TEXT SEARCH DICTIONARY", "" },
	{ "text search parser", "TEXT SEARCH PARSER", NULL, NULL, "" },
	{ "text search template", "TEXT SEARCH TEMPLATE", NULL, NULL, "" },
	{ "cast", "CAST", NULL, NULL, "" },
	{ "access method", "ACCESS METHOD", NULL, NULL, "" },
	{ "conversion", "CONVERSION", NULL, "CONVERSION", "" },
	{ "transform", "TRANSFORM", NULL, NULL, "" },
};

static const struct kind_sql *sql_of(const struct object *o)
{
	const char *kind = obj_kind_name(o->kind);

	/* one kind for both, so that one can become the other in place */
	if (o->kind == OBJ_VIEW && obj_flag(o, "materialized"))
		kind = "materialized view";
	/* a foreign table is a table with a server */
	if (o->kind == OBJ_TABLE && obj_get(o, "foreign_server"))
		kind = "foreign table";

	for (size_t i = 0; i < sizeof(kind_sql) / sizeof(*kind_sql); i++)
		if (!strcmp(kind_sql[i].kind, kind))
			return &kind_sql[i];
	return NULL;
}

/* The kind's own name in upper case, for kinds the table does not know. */
static void add_upper(struct strbuf *sb, const char *s)
{
	for (; *s; s++)
		strbuf_addch(sb, (char)toupper((unsigned char)*s));
}

static void add_keyword(struct strbuf *sb, const struct object *o,
			const char *keyword)
{
	if (keyword)
		strbuf_adds(sb, keyword);
	else
		add_upper(sb, obj_kind_name(o->kind));
}

void object_sql_name(struct strbuf *sb, const struct object *o)
{
	const struct object *p = o->parent;

	/* a cast is named by its types, which the query quoted */
	if (o->kind == OBJ_CAST) {
		strbuf_addf(sb, "(%s AS %s)", obj_get(o, "source"),
			    obj_get(o, "target"));
		return;
	}
	/* a transform by its type and language: "FOR integer LANGUAGE plfoo" */
	if (o->kind == OBJ_TRANSFORM) {
		strbuf_adds(sb, o->name);
		return;
	}
	if (p && o->kind == OBJ_COLUMN) {
		quote_qualified(sb, p->schema, p->name);
		strbuf_addch(sb, '.');
		quote_ident(sb, o->name);
		return;
	}
	/* constraints, triggers, policies: named within what they belong to */
	if (p && !(obj_kind_flags(o->kind) & KIND_RELATION) &&
	    o->kind != OBJ_STATISTICS) {
		quote_ident(sb, o->name);
		strbuf_adds(sb, " ON ");
		if (!strcmp(obj_kind_name(p->kind), "domain"))
			strbuf_adds(sb, "DOMAIN ");
		quote_qualified(sb, p->schema, p->name);
		return;
	}
	/* operator names are never quoted; classes and families name a method */
	if (o->kind == OBJ_OPERATOR) {
		quote_ident(sb, o->schema);
		strbuf_addf(sb, ".%s (%s)", o->name, o->args ? o->args : "");
		return;
	}
	if (o->kind == OBJ_OPFAMILY || o->kind == OBJ_OPCLASS) {
		quote_qualified(sb, o->schema, o->name);
		strbuf_adds(sb, " USING ");
		quote_ident(sb, o->args ? o->args : "");
		return;
	}
	quote_qualified(sb, o->schema, o->name);
	if (o->args)
		strbuf_addf(sb, "(%s)", o->args);
}

void object_sql_reference(struct strbuf *sb, const struct object *o,
			  enum sql_context context)
{
	const struct kind_sql *k = sql_of(o);

	switch (context) {
	case SQL_COMMENT:
		add_keyword(sb, o, k ? k->comment : NULL);
		break;
	case SQL_GRANT:
		add_keyword(sb, o, k ? k->grant : NULL);
		strbuf_addch(sb, ' ');
		/* column privileges are granted on the table */
		object_sql_name(sb, o->kind == OBJ_COLUMN ? o->parent : o);
		return;
	case SQL_ALTER:
		add_keyword(sb, o, k ? k->alter : NULL);
		break;
	}
	strbuf_addch(sb, ' ');
	object_sql_name(sb, o);
}

const char *object_public_privileges(const struct object *o)
{
	const struct kind_sql *k = sql_of(o);
	return k ? k->public_privs : "";
}


static void parse_pairs(struct pgarray *pairs, const struct object *o,
			const char *fact)
{
	if (pgarray_parse(pairs, o ? obj_get(o, fact) : NULL) < 0)
		BUG("malformed %s of %s", fact, o->key);
}

/*
 * COMMENT ON COLUMN for the columns of a view or the attributes of a
 * composite type: the fact column_comments pairs every one's name with
 * its comment, '' for none (PostgreSQL takes an empty comment for none).
 */
static void column_comments_plan(struct plan *plan, const struct object *from,
				 const struct object *to)
{
	struct pgarray old, new;
	struct strbuf sql = STRBUF_INIT, name = STRBUF_INIT;

	if ((from && !obj_has(from, "column_comments")) ||
	    !obj_has(to, "column_comments"))
		return;
	parse_pairs(&old, from, "column_comments");
	parse_pairs(&new, to, "column_comments");
	for (size_t i = 0; i + 1 < new.n; i += 2) {
		const char *was = pgarray_pair_value(&old, new.items[i]);
		struct stmt *st;

		if (str_equal(was ? was : "", new.items[i + 1]))
			continue;
		strbuf_adds(&sql, "COMMENT ON COLUMN ");
		quote_qualified(&sql, to->schema, to->name);
		strbuf_addch(&sql, '.');
		quote_ident(&sql, new.items[i]);
		strbuf_adds(&sql, " IS ");
		if (*new.items[i + 1])
			quote_literal(&sql, new.items[i + 1]);
		else
			strbuf_adds(&sql, "NULL");
		strbuf_reset(&name);
		strbuf_adds(&name, "column ");
		quote_qualified(&name, to->schema, to->name);
		strbuf_addch(&name, '.');
		quote_ident(&name, new.items[i]);
		st = plan_add(plan, ACT_ALTER, CH_COMMENT, to, name.buf, &sql);
		st->custom_keys = 1;
		keylist_add(plan, &st->needs, to->key);
	}
	pgarray_release(&old);
	pgarray_release(&new);
	strbuf_release(&sql);
	strbuf_release(&name);
}

void comment_plan(struct plan *plan, const struct object *from,
		  const struct object *to)
{
	const char *old = from ? obj_get(from, "comment") : NULL;
	const char *new = obj_get(to, "comment");
	struct strbuf sql = STRBUF_INIT;
	char *what;
	struct stmt *st;

	column_comments_plan(plan, from, to);
	/* a side read without comments (--no-comments) says nothing */
	if (from && !obj_has(from, "comment"))
		return;
	if (!obj_has(to, "comment") || str_equal(old, new))
		return;
	/* CREATE EXTENSION sets the comment its control file gives */
	if (!from && to->kind == OBJ_EXTENSION)
		return;
	strbuf_adds(&sql, "COMMENT ON ");
	object_sql_reference(&sql, to, SQL_COMMENT);
	strbuf_adds(&sql, " IS ");
	if (new)
		quote_literal(&sql, new);
	else
		strbuf_adds(&sql, "NULL");
	what = obj_kind_and_name(to);
	st = plan_add(plan, ACT_ALTER, CH_COMMENT, to, what, &sql);
	free(what);
	st->custom_keys = 1;
	keylist_add(plan, &st->needs, to->key);
	strbuf_release(&sql);
}
