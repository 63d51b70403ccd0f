/* snapfile.c: snapshots saved as versioned JSON (pgdiff(1), SNAPSHOT FORMAT) and read back. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "pgdiff/jsonutil.h"
#include "pgdiff/quote.h"
#include "pgdiff/sha256.h"
#include "pgdiff/snapfile.h"
#include "pgdiff/utf8.h"
#include "pgdiff/util.h"
#include "pgdiff/version.h"

#define SNAPFILE_NAME "pgdiff-snapshot"
/* Hashed first: a change to the encoding below must change every fingerprint. */
#define FINGERPRINT_SCHEME "pgdiff schema fingerprint 1\n"

/*
 * The fingerprint's input, one object at a time: each string as its length,
 * ':' and its bytes (NULL as "-"), each list as its length in brackets.
 * Every part says where it ends, so no two different schemas encode alike.
 */
static void encode_string(struct strbuf *sb, const char *s)
{
	if (!s) {
		strbuf_addch(sb, '-');
		return;
	}
	strbuf_addf(sb, "%zu:", strlen(s));
	strbuf_adds(sb, s);
}

static void encode_object(struct strbuf *sb, const struct object *o)
{
	encode_string(sb, o->key);
	encode_string(sb, obj_kind_name(o->kind));
	encode_string(sb, o->schema);
	encode_string(sb, o->name);
	encode_string(sb, o->parent ? o->parent->key : NULL);
	strbuf_addf(sb, "[%zu]", o->nattrs);
	for (size_t i = 0; i < o->nattrs; i++) {
		encode_string(sb, o->attrs[i].name);
		encode_string(sb, o->attrs[i].value);
	}
	strbuf_addf(sb, "[%zu]", o->nchildren);
	for (size_t i = 0; i < o->nchildren; i++)
		encode_string(sb, o->children[i]->key);
	strbuf_addf(sb, "[%zu]", o->ndeps);
	for (size_t i = 0; i < o->ndeps; i++) {
		char type[2] = { o->deps[i].type, '\0' };
		encode_string(sb, o->deps[i].on->key);
		encode_string(sb, type);
	}
}

/*
 * Only the schema counts: where and when the snapshot was taken (origin,
 * server version), table sizes and the objects pgdiff does not model are
 * left out, so that two databases with the same schema agree.  Relies on
 * snapshot_finish's order: objects by key, dependencies sorted.
 */
void snapshot_fingerprint(const struct snapshot *snap, char hex[65])
{
	struct sha256 ctx;
	struct strbuf sb = STRBUF_INIT;
	unsigned char digest[SHA256_DIGEST_SIZE];

	sha256_init(&ctx);
	sha256_update(&ctx, FINGERPRINT_SCHEME, strlen(FINGERPRINT_SCHEME));
	for (size_t i = 0; i < snap->nobjects; i++) {
		strbuf_reset(&sb);
		encode_object(&sb, snap->objects[i]);
		sha256_update(&ctx, sb.buf, sb.len);
	}
	sha256_final(&ctx, digest);
	sha256_hex(digest, hex);
	strbuf_release(&sb);
}

/* Writing */

struct writer {
	struct strbuf *err;	/* says which string JSON could not hold */
	int failed;
};

/*
 * A JSON string for s; NULL is null.  JSON text is Unicode, and a lossy
 * replacement would break the round trip, so bytes that are not UTF-8
 * (a SQL_ASCII database, a path in another encoding) fail the write.
 */
static json_t *jstr(struct writer *w, const char *s)
{
	size_t bad;
	json_t *j;

	if (!s)
		return json_null();
	if (!utf8_valid(s, strlen(s), &bad)) {
		if (!w->failed)
			strbuf_addf(w->err, "cannot save '%.*s...' in a snapshot: it is not valid UTF-8",
				    (int)bad, s);
		w->failed = 1;
		return json_null();
	}
	j = json_string(s);
	if (!j)
		jsonutil_out_of_memory();
	return j;
}

static json_t *jint(double n)
{
	json_t *j = json_integer((json_int_t)n);

	if (!j)
		jsonutil_out_of_memory();
	return j;
}

/* [[name, value], ...]: a list, not a JSON object, because order counts. */
static json_t *facts_json(struct writer *w, const struct object *o)
{
	json_t *facts = jsonutil_array();

	for (size_t i = 0; i < o->nattrs; i++) {
		json_t *pair = jsonutil_array();

		jsonutil_append(pair, jstr(w, o->attrs[i].name));
		jsonutil_append(pair, jstr(w, o->attrs[i].value));
		jsonutil_append(facts, pair);
	}
	return facts;
}

static json_t *deps_json(struct writer *w, const struct object *o)
{
	json_t *deps = jsonutil_array();

	for (size_t i = 0; i < o->ndeps; i++) {
		json_t *dep = jsonutil_object();
		char type[2] = { o->deps[i].type, '\0' };

		jsonutil_set(dep, "on", jstr(w, o->deps[i].on->key));
		jsonutil_set(dep, "type", jstr(w, type));
		jsonutil_append(deps, dep);
	}
	return deps;
}

static json_t *object_json(struct writer *w, const struct object *o)
{
	json_t *j = jsonutil_object();

	jsonutil_set(j, "key", jstr(w, o->key));
	jsonutil_set(j, "kind", jstr(w, obj_kind_name(o->kind)));
	jsonutil_set(j, "schema", jstr(w, o->schema));
	jsonutil_set(j, "name", jstr(w, o->name));
	if (o->args)
		jsonutil_set(j, "args", jstr(w, o->args));
	jsonutil_set(j, "parent", jstr(w, o->parent ? o->parent->key : NULL));
	jsonutil_set(j, "facts", facts_json(w, o));
	jsonutil_set(j, "deps", deps_json(w, o));
	if (o->rows >= 0) {
		/* pg_class counts whole rows and pages: integers lose nothing */
		json_t *size = jsonutil_object();

		jsonutil_set(size, "rows", jint(o->rows));
		jsonutil_set(size, "bytes", jint(o->bytes));
		jsonutil_set(j, "size", size);
	}
	return j;
}

/* An object, then its children (a table's columns) in their order. */
static void append_family(struct writer *w, json_t *list, const struct object *o)
{
	jsonutil_append(list, object_json(w, o));
	for (size_t i = 0; i < o->nchildren; i++)
		jsonutil_append(list, object_json(w, o->children[i]));
}

/* snapshot_add makes columns, and only columns, their table's children. */
static int is_child(const struct object *o)
{
	return o->parent && o->kind == OBJ_COLUMN;
}

/*
 * Parents before the objects that name them, and a table's columns right
 * after it in column order: the reader rebuilds objects in file order,
 * and the order of the columns from the order of the calls.
 */
static json_t *objects_json(struct writer *w, const struct snapshot *snap)
{
	json_t *list = jsonutil_array();

	for (size_t i = 0; i < snap->nobjects; i++)
		if (!snap->objects[i]->parent)
			append_family(w, list, snap->objects[i]);
	for (size_t i = 0; i < snap->nobjects; i++)
		if (snap->objects[i]->parent && !is_child(snap->objects[i]))
			append_family(w, list, snap->objects[i]);
	return list;
}

static json_t *unhandled_json(struct writer *w, const struct snapshot *snap)
{
	json_t *list = jsonutil_array();

	for (size_t i = 0; i < snap->nunhandled; i++) {
		const struct unhandled *u = &snap->unhandled[i];
		json_t *j = jsonutil_object();

		jsonutil_set(j, "kind", jstr(w, u->kind));
		jsonutil_set(j, "count", jint((double)u->count));
		jsonutil_set(j, "names", jstr(w, u->names));
		jsonutil_append(list, j);
	}
	return list;
}

static json_t *snapshot_json(struct writer *w, const struct snapshot *snap)
{
	json_t *root = jsonutil_object();
	char fingerprint[65];

	if (!snap->origin || !snap->server_version)
		BUG("a snapshot without origin or server version");
	snapshot_fingerprint(snap, fingerprint);
	jsonutil_set(root, "format", jstr(w, SNAPFILE_NAME));
	jsonutil_set(root, "version", jint(SNAPFILE_FORMAT));
	jsonutil_set(root, "pgdiff_version", jstr(w, PGDIFF_VERSION));
	jsonutil_set(root, "origin", jstr(w, snap->origin));
	jsonutil_set(root, "server_version", jstr(w, snap->server_version));
	jsonutil_set(root, "fingerprint", jstr(w, fingerprint));
	jsonutil_set(root, "objects", objects_json(w, snap));
	jsonutil_set(root, "unhandled", unhandled_json(w, snap));
	if (snap->roles_known) {
		/* the server's roles, for reports of grants to missing ones */
		json_t *roles = jsonutil_array();
		for (size_t i = 0; i < snap->nroles; i++)
			jsonutil_append(roles, jstr(w, snap->roles[i]));
		jsonutil_set(root, "roles", roles);
	}
	if (snap->tablespaces_known) {
		json_t *spcs = jsonutil_array();
		for (size_t i = 0; i < snap->ntablespaces; i++)
			jsonutil_append(spcs, jstr(w, snap->tablespaces[i]));
		jsonutil_set(root, "tablespaces", spcs);
	}
	return root;
}

/*
 * Indented one level per depth, members in the order set above: the same
 * snapshot gives the same bytes, and a line-based diff of two files
 * points at what changed.
 */
int snapfile_write(FILE *out, const struct snapshot *snap, struct strbuf *err)
{
	struct writer w = { err, 0 };
	json_t *root = snapshot_json(&w, snap);
	int failed;

	if (w.failed) {
		json_decref(root);
		return EXIT_BAD_INPUT;
	}
	failed = json_dumpf(root, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (failed || fputc('\n', out) == EOF) {
		strbuf_addf(err, "cannot write the snapshot: %s", strerror(errno));
		return EXIT_BAD_INPUT;
	}
	return 0;
}

/* Reading: every field is checked, so that a bad file is one clear message. */

struct reader {
	const char *path;
	struct snapshot *snap;
	struct strbuf *err;
	struct strbuf where;	/* "objects[3] (table public.t)", or empty */
};

__attribute__((format(printf, 2, 3)))
static void set_where(struct reader *r, const char *fmt, ...)
{
	va_list ap;

	strbuf_reset(&r->where);
	va_start(ap, fmt);
	strbuf_vaddf(&r->where, fmt, ap);
	va_end(ap);
}

/*
 * Says what is wrong and where; returns -1.  Names may hold line breaks,
 * which would split the one-line message: they are shown escaped.
 */
__attribute__((format(printf, 2, 3)))
static int corrupt(struct reader *r, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	strbuf_addf(&sb, "corrupt snapshot '%s': ", r->path);
	if (r->where.len)
		strbuf_addf(&sb, "%s: ", r->where.buf);
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	for (const char *p = sb.buf; *p; p++) {
		if (*p == '\n')
			strbuf_adds(r->err, "\\n");
		else if (*p == '\r')
			strbuf_adds(r->err, "\\r");
		else
			strbuf_addch(r->err, *p);
	}
	strbuf_release(&sb);
	return -1;
}

static int wrong_member(struct reader *r, const char *name, const json_t *v,
			const char *should_be)
{
	if (!v)
		return corrupt(r, "\"%s\" is missing", name);
	return corrupt(r, "\"%s\" is not %s", name, should_be);
}

/* The string member name of j (NULL for null where nullable); -1 if it is not one. */
static int get_string(struct reader *r, const json_t *j, const char *name,
		      int nullable, const char **out)
{
	const json_t *v = json_object_get(j, name);

	if (json_is_string(v)) {
		*out = json_string_value(v);
		return 0;
	}
	/* a member that may be null may also be left out */
	if (nullable && (!v || json_is_null(v))) {
		*out = NULL;
		return 0;
	}
	return wrong_member(r, name, v, nullable ? "a string or null" : "a string");
}

static int get_array(struct reader *r, const json_t *j, const char *name,
		     json_t **out)
{
	*out = json_object_get(j, name);
	if (json_is_array(*out))
		return 0;
	return wrong_member(r, name, *out, "an array");
}

static int get_count(struct reader *r, const json_t *j, const char *name,
		     double *out)
{
	const json_t *v = json_object_get(j, name);

	if (json_is_integer(v) && json_integer_value(v) >= 0) {
		*out = (double)json_integer_value(v);
		return 0;
	}
	return wrong_member(r, name, v, "a whole number, 0 or more");
}

/* Format and version come first: a newer file is reported as such, not as corrupt. */
static int read_header(struct reader *r, const json_t *root)
{
	const json_t *format = json_object_get(root, "format");
	const json_t *version = json_object_get(root, "version");

	if (!json_is_string(format) ||
	    strcmp(json_string_value(format), SNAPFILE_NAME)) {
		strbuf_addf(r->err, "'%s' is not a pgdiff snapshot", r->path);
		return -1;
	}
	if (!json_is_integer(version) || json_integer_value(version) < 1)
		return corrupt(r, "\"version\" is not a format number");
	if (json_integer_value(version) > SNAPFILE_FORMAT) {
		strbuf_addf(r->err, "'%s' was written by a newer pgdiff (format %" JSON_INTEGER_FORMAT "; this one reads up to %d)",
			    r->path, json_integer_value(version), SNAPFILE_FORMAT);
		return -1;
	}
	return 0;
}

static int read_kind(struct reader *r, const char *name, enum obj_kind *kind)
{
	for (int k = 0; k < OBJ_NKINDS; k++) {
		if (!strcmp(obj_kind_name((enum obj_kind)k), name)) {
			*kind = (enum obj_kind)k;
			return 0;
		}
	}
	return corrupt(r, "unknown kind '%s'", name);
}

/* Columns, constraints, indexes, ... belong to a relation listed before them. */
static int read_parent(struct reader *r, enum obj_kind kind, const char *key,
		       struct object **parent)
{
	int belongs = (obj_kind_flags(kind) & KIND_CHILD) != 0;

	*parent = NULL;
	if (!key && !belongs)
		return 0;
	if (!key)
		return corrupt(r, "a %s needs a parent table", obj_kind_name(kind));
	if (!belongs)
		return corrupt(r, "a %s has no parent", obj_kind_name(kind));
	*parent = snapshot_find(r->snap, key);
	if (!*parent || (obj_kind_flags((*parent)->kind) & KIND_CHILD))
		return corrupt(r, "parent '%s' is not a table listed before it", key);
	return 0;
}

/*
 * The key as snapshot_add will make it, checked before the call: a
 * duplicate or a key that does not match its names is corrupt input, not
 * a broken invariant.  read_object makes sure the two agree.
 */
static int check_key(struct reader *r, enum obj_kind kind, const char *schema,
		     const struct object *parent, const char *name,
		     const char *args, const char *key)
{
	struct strbuf sb = STRBUF_INIT;
	int ret = 0;

	obj_make_key(&sb, kind, schema, parent ? parent->name : NULL, name, args);
	if (strcmp(sb.buf, key))
		ret = corrupt(r, "its kind and names make the key '%s'", sb.buf);
	else if (snapshot_find(r->snap, key))
		ret = corrupt(r, "the key is listed twice");
	strbuf_release(&sb);
	return ret;
}

/* attrs borrow the file's strings; caller frees the array. */
static int read_facts(struct reader *r, const json_t *j, struct attr **attrs,
		      size_t *nattrs)
{
	json_t *facts, *pair;
	size_t i;

	if (get_array(r, j, "facts", &facts) < 0)
		return -1;
	*attrs = xcalloc(json_array_size(facts) + 1, sizeof(**attrs));
	*nattrs = 0;
	json_array_foreach(facts, i, pair) {
		const json_t *name = json_array_get(pair, 0);
		const json_t *value = json_array_get(pair, 1);

		if (json_array_size(pair) != 2 || !json_is_string(name) ||
		    !(json_is_string(value) || json_is_null(value)))
			return corrupt(r, "facts[%zu] is not a [name, value or null] pair", i);
		(*attrs)[i].name = json_string_value(name);
		(*attrs)[i].value = json_string_value(value);
		(*nattrs)++;
	}
	return 0;
}

/* Table statistics, when the source had them; rows < 0 stands for none. */
static int read_size(struct reader *r, const json_t *j, double *rows,
		     double *bytes)
{
	const json_t *size = json_object_get(j, "size");

	*rows = -1;
	*bytes = 0;
	if (!size)
		return 0;
	if (!json_is_object(size))
		return corrupt(r, "\"size\" is not an object");
	if (get_count(r, size, "rows", rows) < 0 ||
	    get_count(r, size, "bytes", bytes) < 0)
		return -1;
	return 0;
}

static int read_object(struct reader *r, const json_t *j)
{
	const char *key, *kind_name, *schema, *name, *parent_key, *args;
	enum obj_kind kind = OBJ_SCHEMA;	/* set by read_kind; quiets gcc */
	struct object *parent, *o;
	struct attr *attrs = NULL;
	size_t nattrs = 0;
	double rows, bytes;

	if (!json_is_object(j))
		return corrupt(r, "not an object");
	if (get_string(r, j, "key", 0, &key) < 0)
		return -1;
	strbuf_addf(&r->where, " (%s)", key);
	if (get_string(r, j, "kind", 0, &kind_name) < 0 ||
	    read_kind(r, kind_name, &kind) < 0 ||
	    get_string(r, j, "schema", 1, &schema) < 0 ||
	    get_string(r, j, "name", 0, &name) < 0 ||
	    get_string(r, j, "args", 1, &args) < 0 ||
	    get_string(r, j, "parent", 1, &parent_key) < 0 ||
	    read_parent(r, kind, parent_key, &parent) < 0 ||
	    check_key(r, kind, schema, parent, name, args, key) < 0 ||
	    read_size(r, j, &rows, &bytes) < 0 ||
	    read_facts(r, j, &attrs, &nattrs) < 0) {
		free(attrs);
		return -1;
	}
	o = snapshot_add(r->snap, kind, schema, name, parent, attrs, nattrs,
			 args);
	free(attrs);
	if (strcmp(o->key, key))
		BUG("snapfile's key '%s' and the model's '%s' differ", key, o->key);
	o->rows = rows;
	o->bytes = bytes;
	return 0;
}

/* Dependencies may point forward in the file: read once every object is. */
static int read_deps(struct reader *r, const json_t *j)
{
	struct object *from = snapshot_find(r->snap,
		json_string_value(json_object_get(j, "key")));
	json_t *deps, *dep;
	size_t i;

	if (get_array(r, j, "deps", &deps) < 0)
		return -1;
	json_array_foreach(deps, i, dep) {
		const char *on_key, *type;
		struct object *on;

		if (!json_is_object(dep))
			return corrupt(r, "deps[%zu] is not an object", i);
		if (get_string(r, dep, "on", 0, &on_key) < 0 ||
		    get_string(r, dep, "type", 0, &type) < 0)
			return -1;
		if (strlen(type) != 1)
			return corrupt(r, "deps[%zu]: type '%s' is not one pg_depend letter",
				       i, type);
		on = snapshot_find(r->snap, on_key);
		if (!on)
			return corrupt(r, "depends on '%s', which is not in the snapshot",
				       on_key);
		snapshot_add_dep(r->snap, from, on, type[0]);
	}
	return 0;
}

static int read_objects(struct reader *r, const json_t *root)
{
	json_t *objects, *j;
	size_t i;

	if (get_array(r, root, "objects", &objects) < 0)
		return -1;
	json_array_foreach(objects, i, j) {
		set_where(r, "objects[%zu]", i);
		if (read_object(r, j) < 0)
			return -1;
	}
	json_array_foreach(objects, i, j) {
		set_where(r, "objects[%zu] (%s)", i,
			  json_string_value(json_object_get(j, "key")));
		if (read_deps(r, j) < 0)
			return -1;
	}
	strbuf_reset(&r->where);
	return 0;
}

static int read_unhandled(struct reader *r, const json_t *root)
{
	json_t *list, *j;
	size_t i;

	if (get_array(r, root, "unhandled", &list) < 0)
		return -1;
	json_array_foreach(list, i, j) {
		const char *kind, *names;
		double count;

		set_where(r, "unhandled[%zu]", i);
		if (!json_is_object(j))
			return corrupt(r, "not an object");
		if (get_string(r, j, "kind", 0, &kind) < 0 ||
		    get_count(r, j, "count", &count) < 0 ||
		    get_string(r, j, "names", 1, &names) < 0)
			return -1;
		snapshot_add_unhandled(r->snap, kind, (size_t)count, names);
	}
	strbuf_reset(&r->where);
	return 0;
}

/* The fingerprint doubles as a checksum: an edited or damaged file shows. */
static int check_fingerprint(struct reader *r, const char *stored)
{
	char computed[65];

	snapshot_fingerprint(r->snap, computed);
	if (strcmp(stored, computed))
		return corrupt(r, "the objects do not match the fingerprint (the file was edited or damaged)");
	return 0;
}

/* Optional: snapshots written before roles were read have none. */
static int read_roles(struct reader *r, const json_t *root)
{
	const json_t *list = json_object_get(root, "roles"), *j;
	size_t i;

	if (!list)
		return 0;
	if (!json_is_array(list))
		return corrupt(r, "\"roles\" is not an array");
	json_array_foreach(list, i, j) {
		if (!json_is_string(j))
			return corrupt(r, "roles[%zu] is not a string", i);
		snapshot_add_role(r->snap, json_string_value(j));
	}
	r->snap->roles_known = 1;
	return 0;
}

/* Optional too: snapshots written before tablespaces were read have none. */
static int read_tablespaces(struct reader *r, const json_t *root)
{
	const json_t *list = json_object_get(root, "tablespaces"), *j;
	size_t i;

	if (!list)
		return 0;
	if (!json_is_array(list))
		return corrupt(r, "\"tablespaces\" is not an array");
	json_array_foreach(list, i, j) {
		if (!json_is_string(j))
			return corrupt(r, "tablespaces[%zu] is not a string", i);
		snapshot_add_tablespace(r->snap, json_string_value(j));
	}
	r->snap->tablespaces_known = 1;
	return 0;
}

static int read_snapshot(struct reader *r, const json_t *root)
{
	const char *origin, *server_version, *fingerprint;

	if (read_header(r, root) < 0 ||
	    get_string(r, root, "origin", 0, &origin) < 0 ||
	    get_string(r, root, "server_version", 0, &server_version) < 0 ||
	    get_string(r, root, "fingerprint", 0, &fingerprint) < 0 ||
	    read_objects(r, root) < 0 ||
	    read_unhandled(r, root) < 0 || read_roles(r, root) < 0 ||
	    read_tablespaces(r, root) < 0)
		return -1;
	r->snap->origin = arena_strdup(&r->snap->arena, origin);
	r->snap->server_version = arena_strdup(&r->snap->arena, server_version);
	snapshot_finish(r->snap);
	return check_fingerprint(r, fingerprint);
}

int snapfile_read(const char *path, struct snapshot *snap, struct strbuf *err)
{
	struct reader r = { path, snap, err, STRBUF_INIT };
	json_error_t jerr;
	json_t *root;
	FILE *in = fopen(path, "r");
	int failed;

	if (!in) {
		strbuf_addf(err, "cannot open '%s': %s", path, strerror(errno));
		return EXIT_BAD_INPUT;
	}
	/* duplicate members would make "which one counts" a guess */
	root = json_loadf(in, JSON_REJECT_DUPLICATES, &jerr);
	fclose(in);
	if (!root) {
		strbuf_addf(err, "'%s' is not valid JSON: %s (line %d, column %d)",
			    path, jerr.text, jerr.line, jerr.column);
		return EXIT_BAD_INPUT;
	}
	failed = read_snapshot(&r, root) < 0;
	json_decref(root);
	strbuf_release(&r.where);
	return failed ? EXIT_BAD_INPUT : 0;
}
