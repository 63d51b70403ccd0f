/* catalog.c: one pipelined, read-only round trip of catalog queries per side. */
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "pgdiff/catalog.h"
#include "pgdiff/queries.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

#define OLDEST_SERVER 120000	/* generated columns, pg_sequence */
#define PG_CLASS_OID 1259	/* fixed in every release */

/* A kind's query: its rows become objects of that kind. */
struct kind_query {
	enum obj_kind kind;
	const char *text;
};

/* In kindlist.h order: parents are decoded before what belongs to them. */
static const struct kind_query kind_queries[] = {
#define KIND(id, name, query, ops, flags) { id, query_##query },
#include "pgdiff/kindlist.h"
#undef KIND
};
#define NKIND_QUERIES (sizeof(kind_queries) / sizeof(kind_queries[0]))

static const char *const session_setup[] = {
	"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
	"SELECT pg_catalog.set_config('search_path', '', true)",
	/* catalog queries are short; compiling them costs more than it saves */
	"SELECT pg_catalog.set_config('jit', 'off', true)",
	/*
	 * Definitions (views, defaults) print constants in the session's
	 * formats: the same on both sides, and readable by any session.
	 */
	"SELECT pg_catalog.set_config('DateStyle', 'ISO', true), "
	"pg_catalog.set_config('IntervalStyle', 'postgres', true), "
	"pg_catalog.set_config('TimeZone', 'UTC', true), "
	"pg_catalog.set_config('extra_float_digits', '3', true)",
};

#define NSETUP (sizeof(session_setup) / sizeof(session_setup[0]))

/* "host:port/dbname", for messages about a connection. */
static void describe_target(struct strbuf *sb, PGconn *conn, const char *spec)
{
	const char *host = conn ? PQhost(conn) : NULL;
	const char *port = conn ? PQport(conn) : NULL;
	const char *db = conn ? PQdb(conn) : NULL;

	if (!host || !*host) {
		char *shown = conn_display(spec);
		strbuf_adds(sb, shown);
		free(shown);
		return;
	}
	strbuf_addf(sb, "%s:%s/%s", host, port ? port : "", db ? db : "");
}

/*
 * The server's or libpq's reason on one line: the first line without its
 * "connection to server ... failed:" prefix and severity word.
 */
static void add_server_message(struct strbuf *sb, const char *msg)
{
	const char *p = msg, *end = msg + strcspn(msg, "\n"), *failed;

	failed = strstr(msg, "failed: ");
	if (failed && failed < end)
		p = failed + strlen("failed: ");
	while (*p == ' ' || *p == '\t')
		p++;
	if (!strncmp(p, "FATAL:  ", 8) || !strncmp(p, "ERROR:  ", 8))
		p += 8;
	while (end > p && end[-1] == ' ')
		end--;
	strbuf_add(sb, p, (size_t)(end - p));
}

static PGconn *connect_side(const char *spec, struct strbuf *err)
{
	const char *keys[] = { "dbname", "client_encoding",
			       "application_name", NULL };
	const char *values[] = { spec, "UTF8", "pgdiff", NULL };
	PGconn *conn = PQconnectdbParams(keys, values, 1);

	if (conn && PQstatus(conn) == CONNECTION_OK)
		return conn;
	strbuf_adds(err, "could not connect to \"");
	describe_target(err, conn, spec);
	strbuf_adds(err, "\": ");
	add_server_message(err, conn ? PQerrorMessage(conn) : "out of memory");
	PQfinish(conn);
	return NULL;
}

static int query_failed(struct strbuf *err, PGconn *conn, const char *spec,
			const PGresult *res, const char *query)
{
	strbuf_adds(err, "catalog query failed on \"");
	describe_target(err, conn, spec);
	strbuf_adds(err, "\": ");
	add_server_message(err, res ? PQresultErrorMessage(res)
				    : PQerrorMessage(conn));
	if (query) {
		const char *nl = strchr(query, '\n');
		strbuf_addf(err, "\nquery: %.*s...",
			    (int)(nl ? nl - query : (long)strlen(query)), query);
	}
	return EXIT_INTERNAL;
}

/* Catalog numbers are plain digits; strtoul's generality costs here. */
static unsigned int parse_uint(const char *s)
{
	unsigned int n = 0;

	while (*s >= '0' && *s <= '9')
		n = n * 10 + (unsigned int)(*s++ - '0');
	return n;
}

static unsigned int get_oid(const PGresult *res, int row, int col)
{
	return col < 0 ? 0 : parse_uint(PQgetvalue(res, row, col));
}

static const char *get_text(const PGresult *res, int row, int col)
{
	if (col < 0 || PQgetisnull(res, row, col))
		return NULL;
	return PQgetvalue(res, row, col);
}

/*
 * Every column of a kind query is a fact, except the identity columns:
 * schema and name, and those starting with '_' (this side only).
 */
static void decode_kind(struct snapshot *snap, enum obj_kind kind,
			const PGresult *res)
{
	int ncols = PQnfields(res);
	int c_classid = PQfnumber(res, "_classid");
	int c_oid = PQfnumber(res, "_oid");
	int c_subid = PQfnumber(res, "_subid");
	int c_parent = PQfnumber(res, "_parent");
	/* a parent that is not a relation (a domain) says its catalog */
	int c_parentclass = PQfnumber(res, "_parentclass");
	int c_schema = PQfnumber(res, "schema");
	int c_name = PQfnumber(res, "name");
	int c_args = PQfnumber(res, "args");
	int c_rows = PQfnumber(res, "_rows");
	int c_bytes = PQfnumber(res, "_bytes");
	struct attr *attrs = xcalloc((size_t)ncols + 1, sizeof(*attrs));
	int *fact_cols = xcalloc((size_t)ncols + 1, sizeof(*fact_cols));
	size_t nfacts = 0;

	for (int c = 0; c < ncols; c++) {
		const char *fname = PQfname(res, c);
		if (fname[0] == '_' || c == c_schema || c == c_name ||
		    c == c_args)
			continue;
		fact_cols[nfacts] = c;
		attrs[nfacts].name = fname;
		nfacts++;
	}
	for (int r = 0; r < PQntuples(res); r++) {
		struct object *parent = NULL, *o;
		unsigned int classid = get_oid(res, r, c_classid);

		if (c_parent >= 0) {
			parent = snapshot_find_oid(snap, c_parentclass < 0 ?
						   PG_CLASS_OID :
						   get_oid(res, r, c_parentclass),
						   get_oid(res, r, c_parent), 0);
			/* rows of relations we do not model (yet) */
			if (!parent || (obj_kind_flags(parent->kind) & KIND_CHILD))
				continue;
		}
		for (size_t i = 0; i < nfacts; i++)
			attrs[i].value = get_text(res, r, fact_cols[i]);
		o = snapshot_add(snap, kind, get_text(res, r, c_schema),
				 get_text(res, r, c_name), parent, attrs, nfacts,
				 get_text(res, r, c_args));
		o->classid = classid;
		o->oid = get_oid(res, r, c_oid);
		o->subid = c_subid < 0 ? 0 : (int)parse_uint(PQgetvalue(res, r, c_subid));
		o->rows = c_rows < 0 ? -1 : atof(PQgetvalue(res, r, c_rows));
		o->bytes = c_bytes < 0 ? 0 : atof(PQgetvalue(res, r, c_bytes));
		snapshot_register_oid(snap, o);
	}
	free(attrs);
	free(fact_cols);
}

/* Catalog rows that stand for a modelled object: address -> its address. */
struct alias_map {
	struct oidmap map;
	struct arena arena;
};

static struct object *resolve(const struct snapshot *snap,
			      const struct alias_map *aliases,
			      struct oid_address at)
{
	for (int hop = 0; hop < 4; hop++) {
		struct object *o = snapshot_find_oid(snap, at.classid, at.objid,
						     at.subid);
		const struct oid_address *to;

		if (o)
			return o;
		to = oidmap_get(&aliases->map, at);
		if (!to && at.subid) {
			struct oid_address whole = { at.classid, at.objid, 0 };
			to = oidmap_get(&aliases->map, whole);
		}
		if (!to)
			return NULL;
		at = *to;
	}
	return NULL;
}

static struct oid_address address_at(const PGresult *res, int row, int col)
{
	struct oid_address at = { get_oid(res, row, col),
				  get_oid(res, row, col + 1),
				  (int)parse_uint(PQgetvalue(res, row, col + 2)) };
	return at;
}

static void decode_aliases(struct alias_map *aliases, const PGresult *res)
{
	for (int r = 0; r < PQntuples(res); r++) {
		struct oid_address *to = arena_alloc(&aliases->arena, sizeof(*to));
		*to = address_at(res, r, 3);
		oidmap_put(&aliases->map, address_at(res, r, 0), to);
	}
}

static void decode_deps(struct snapshot *snap, struct alias_map *aliases,
			const PGresult *res)
{
	for (int r = 0; r < PQntuples(res); r++) {
		struct object *from = resolve(snap, aliases, address_at(res, r, 0));
		struct object *on = resolve(snap, aliases, address_at(res, r, 3));
		snapshot_add_dep(snap, from, on, PQgetvalue(res, r, 6)[0]);
	}
}

static void decode_unhandled(struct snapshot *snap, const PGresult *res)
{
	for (int r = 0; r < PQntuples(res); r++)
		snapshot_add_unhandled(snap, PQgetvalue(res, r, 0),
				       strtoul(PQgetvalue(res, r, 1), NULL, 10),
				       PQgetvalue(res, r, 2));
}

/* Roles are cluster-wide: known so that grants to missing ones are reported. */
static void decode_roles(struct snapshot *snap, const PGresult *res)
{
	for (int r = 0; r < PQntuples(res); r++)
		snapshot_add_role(snap, PQgetvalue(res, r, 0));
	snap->roles_known = 1;
}

static void decode_tablespaces(struct snapshot *snap, const PGresult *res)
{
	for (int r = 0; r < PQntuples(res); r++)
		snapshot_add_tablespace(snap, PQgetvalue(res, r, 0));
	snap->tablespaces_known = 1;
}

/* Sets fact name, which o's kind query declares, to value (copied). */
static void set_fact(struct snapshot *snap, struct object *o,
		     const char *name, const char *value)
{
	for (size_t i = 0; i < o->nattrs; i++)
		if (!strcmp(o->attrs[i].name, name)) {
			o->attrs[i].value = arena_strdup(&snap->arena, value);
			return;
		}
	BUG("%s has no fact '%s'", o->key, name);
}

/*
 * Subscriptions' connection strings: libpq splits each, and only what it
 * would show reaches the snapshot, with the names of the secret options.
 * The value is wiped from the result once parsed.  Before PostgreSQL 14
 * synchronous_commit comes here too: PUBLIC could not read it then.
 */
static void decode_conninfo(struct snapshot *snap, PGresult *res)
{
	int c_classid = PQfnumber(res, "_classid");
	int c_oid = PQfnumber(res, "_oid");
	int c_conninfo = PQfnumber(res, "conninfo");
	int c_sync = PQfnumber(res, "synchronous_commit");

	for (int r = 0; r < PQntuples(res); r++) {
		struct object *o = snapshot_find_oid(snap,
						     get_oid(res, r, c_classid),
						     get_oid(res, r, c_oid), 0);
		char *value = PQgetvalue(res, r, c_conninfo);
		struct conninfo_parts parts;

		if (o && c_sync >= 0)
			set_fact(snap, o, "synchronous_commit",
				 get_text(res, r, c_sync));
		if (o && conninfo_strip(value, &parts) < 0) {
			set_fact(snap, o, "conninfo_unread", "libpq");
		} else if (o) {
			set_fact(snap, o, "conninfo", parts.text);
			set_fact(snap, o, "conninfo_options", parts.options);
			set_fact(snap, o, "secret_options", parts.secrets);
			conninfo_parts_release(&parts);
		}
		memset(value, 0, strlen(value));
	}
}

/* The role may not read subconninfo: every subscription says so. */
static void conninfo_refused(struct snapshot *snap)
{
	for (size_t i = 0; i < snap->nobjects; i++)
		if (snap->objects[i]->kind == OBJ_SUBSCRIPTION)
			set_fact(snap, snap->objects[i], "conninfo_unread",
				 "privilege");
}

/* Whether res is a query refused for want of privileges. */
static int refused(const PGresult *res)
{
	return res && str_equal(PQresultErrorField(res, PG_DIAG_SQLSTATE),
				"42501");
}

static int cmp_attnum(const void *a, const void *b)
{
	const struct object *x = *(struct object *const *)a;
	const struct object *y = *(struct object *const *)b;
	return (x->subid > y->subid) - (x->subid < y->subid);
}

/* The columns query comes unsorted: a table's columns go in attnum order. */
static void order_columns(struct snapshot *snap)
{
	for (size_t i = 0; i < snap->nobjects; i++) {
		struct object *t = snap->objects[i];
		if (t->nchildren > 1)
			qsort(t->children, t->nchildren, sizeof(*t->children),
			      cmp_attnum);
	}
}

/* Names imply schemas: record that dependency for the planner. */
static void add_schema_deps(struct snapshot *snap)
{
	struct strbuf key = STRBUF_INIT;

	for (size_t i = 0; i < snap->nobjects; i++) {
		struct object *o = snap->objects[i], *schema;
		const char *nsp = o->kind == OBJ_EXTENSION ?
			obj_get(o, "ext_schema") : o->schema;

		if (!nsp || o->parent)
			continue;
		strbuf_reset(&key);
		strbuf_addf(&key, "schema ");
		quote_ident(&key, nsp);
		schema = snapshot_find(snap, key.buf);
		if (schema)
			snapshot_add_dep(snap, o, schema, 'n');
	}
	strbuf_release(&key);
}

/* Lines for some servers only: a column a release added (catalog.h). */
const char *query_for_version(struct arena *arena, const char *text,
			      int version)
{
	struct strbuf sb = STRBUF_INIT;
	const char *line, *end, *mark;
	char *copy;

	if (!strstr(text, "-- from pg") && !strstr(text, "-- before pg"))
		return text;
	for (line = text; *line; line = end) {
		int from = 0, major = 0;

		end = line + strcspn(line, "\n");
		if (*end)
			end++;
		mark = strstr(line, "-- from pg");
		if (mark && mark < end) {
			from = 1;
			major = atoi(mark + strlen("-- from pg"));
		} else if ((mark = strstr(line, "-- before pg")) && mark < end) {
			major = atoi(mark + strlen("-- before pg"));
		}
		if (major && (version >= major * 10000) != from)
			continue;
		strbuf_add(&sb, line, (size_t)(end - line));
	}
	copy = arena_strndup(arena, sb.buf, sb.len);
	strbuf_release(&sb);
	return copy;
}

static int send_all(PGconn *conn, const char *const *queries, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!PQsendQueryParams(conn, queries[i], 0, NULL, NULL, NULL,
				       NULL, 0))
			return -1;
	return 0;
}

/* Returns the next result of the pipeline, consuming its terminating NULL. */
static PGresult *next_result(PGconn *conn)
{
	PGresult *res = PQgetResult(conn);
	if (res) {
		PGresult *end = PQgetResult(conn);
		if (end)
			PQclear(end);
	}
	return res;
}

int catalog_read(const char *spec, struct snapshot *snap, struct strbuf *err)
{
	const char *queries[NKIND_QUERIES + 6], *conninfo_query = NULL;
	size_t nqueries = 0;
	struct alias_map aliases = { OIDMAP_INIT, ARENA_INIT };
	struct arena texts = ARENA_INIT;
	PGconn *conn = connect_side(spec, err);
	int status = 0;

	if (!conn)
		return EXIT_UNREACHABLE;
	if (PQserverVersion(conn) < OLDEST_SERVER) {
		strbuf_addf(err, "server of \"%s\" is PostgreSQL %s; pgdiff needs 12 or later",
			    PQdb(conn), PQparameterStatus(conn, "server_version"));
		PQfinish(conn);
		return EXIT_BAD_INPUT;
	}
	{
		char *shown = conn_display(spec);
		snap->origin = arena_strdup(&snap->arena, shown);
		free(shown);
	}
	{
		/* "15.18 (Debian 15.18-0+deb12u1)": the number is what matters */
		const char *v = PQparameterStatus(conn, "server_version");
		snap->server_version = arena_strndup(&snap->arena, v,
						     strcspn(v, " "));
	}

	for (size_t i = 0; i < NKIND_QUERIES; i++)
		queries[nqueries++] = query_for_version(&texts, kind_queries[i].text,
							 PQserverVersion(conn));
	queries[nqueries++] = query_aliases;
	queries[nqueries++] = query_deps;
	queries[nqueries++] = query_unhandled;
	queries[nqueries++] = query_roles;
	queries[nqueries++] = query_tablespaces;
	/* last: a refusal aborts the transaction, but only this query is lost */
	conninfo_query = query_for_version(&texts, query_subscription_conninfo,
					   PQserverVersion(conn));
	queries[nqueries++] = conninfo_query;

	if (!PQenterPipelineMode(conn) ||
	    send_all(conn, session_setup, NSETUP) < 0 ||
	    send_all(conn, queries, nqueries) < 0 ||
	    !PQpipelineSync(conn)) {
		status = query_failed(err, conn, spec, NULL, NULL);
		goto out;
	}
	for (size_t i = 0; i < NSETUP + nqueries; i++) {
		const char *text = i < NSETUP ? session_setup[i] : queries[i - NSETUP];
		PGresult *res = next_result(conn);
		ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;

		if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
			if (!status && text == conninfo_query && refused(res))
				conninfo_refused(snap);
			else if (!status)
				status = query_failed(err, conn, spec, res, text);
			PQclear(res);
			continue;
		}
		if (!status && i >= NSETUP) {
			size_t q = i - NSETUP;
			if (q < NKIND_QUERIES)
				decode_kind(snap, kind_queries[q].kind, res);
			else if (queries[q] == query_aliases)
				decode_aliases(&aliases, res);
			else if (queries[q] == query_deps)
				decode_deps(snap, &aliases, res);
			else if (queries[q] == query_roles)
				decode_roles(snap, res);
			else if (queries[q] == query_tablespaces)
				decode_tablespaces(snap, res);
			else if (queries[q] == conninfo_query)
				decode_conninfo(snap, res);
			else
				decode_unhandled(snap, res);
		}
		PQclear(res);
	}
	{
		PGresult *sync = PQgetResult(conn);
		PQclear(sync);
	}
	if (!status) {
		order_columns(snap);
		add_schema_deps(snap);
		snapshot_finish(snap);
	}
out:
	oidmap_release(&aliases.map);
	arena_release(&aliases.arena);
	arena_release(&texts);
	PQfinish(conn);
	return status;
}
