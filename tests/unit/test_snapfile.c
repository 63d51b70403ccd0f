/* test_snapfile.c: saved snapshots: round trip, fingerprint, and every way to reject a file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pgdiff/plan.h"
#include "pgdiff/snapfile.h"
#include "pgdiff/util.h"
#include "helpers.h"
#include "test.h"

static char dir[] = "/tmp/pgdiff-unit-snapfile-XXXXXX";

/* A path in the test directory (caller frees). */
static char *path_of(const char *name)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%s/%s", dir, name);
	return strbuf_detach(&sb);
}

/*
 * Something of every kind, columns out of alphabetical order, facts that
 * are NULL, a size, a dependency pointing forward in key order, a name
 * that needs quotes, and objects pgdiff does not handle.
 */
static void build(struct snapshot *s, const char *note_type)
{
	static const char *const ext_facts[] = { "ext_schema", "public",
						 "version", "1.1", NULL };
	static const char *const enum_facts[] = { "labels", "{new,done}", NULL };
	static const char *const seq_facts[] = { "type", "bigint",
						 "owned_by", NULL, NULL };
	static const char *const table_facts[] = { "persistence", "p", NULL };
	static const char *const id_facts[] = { "type", "bigint", "not_null",
						"t", "default", NULL, NULL };
	static const char *const status_facts[] = { "type", "app.status",
						    "not_null", "f", NULL };
	const char *note_facts[] = { "type", note_type, "not_null", "f",
				     "default", "'it''s'::text", NULL };
	static const char *const pk_facts[] = { "type", "p", "definition",
						"PRIMARY KEY (id)", NULL };
	static const char *const index_facts[] = { "definition",
		"CREATE INDEX \"Order note\" ON app.orders USING btree (note)",
		NULL };
	struct object *public, *app, *ext, *status, *seq, *orders, *id;
	struct object *state, *note, *pk, *index;

	s->origin = "dbname=a";
	s->server_version = "16.4";
	public = test_object(s, OBJ_SCHEMA, NULL, "public", NULL, NULL);
	app = test_object(s, OBJ_SCHEMA, NULL, "app", NULL, NULL);
	ext = test_object(s, OBJ_EXTENSION, NULL, "citext", NULL, ext_facts);
	status = test_object(s, OBJ_ENUM, "app", "status", NULL, enum_facts);
	seq = test_object(s, OBJ_SEQUENCE, "app", "orders_id_seq", NULL, seq_facts);
	orders = test_object(s, OBJ_TABLE, "app", "orders", NULL, table_facts);
	orders->rows = 5000;
	orders->bytes = 466944;
	id = test_object(s, OBJ_COLUMN, "app", "id", orders, id_facts);
	state = test_object(s, OBJ_COLUMN, "app", "state", orders, status_facts);
	note = test_object(s, OBJ_COLUMN, "app", "note", orders, note_facts);
	pk = test_object(s, OBJ_CONSTRAINT, "app", "orders_pkey", orders, pk_facts);
	index = test_object(s, OBJ_INDEX, "app", "Order note", orders, index_facts);
	snapshot_add_dep(s, ext, public, 'n');
	snapshot_add_dep(s, status, app, 'n');
	snapshot_add_dep(s, seq, app, 'n');
	snapshot_add_dep(s, orders, app, 'n');
	snapshot_add_dep(s, state, status, 'n');
	snapshot_add_dep(s, pk, id, 'a');
	snapshot_add_dep(s, index, note, 'a');
	snapshot_add_dep(s, seq, id, 'a');
	snapshot_add_unhandled(s, "view", 7, "app.v1, app.v2, app.v3, app.v4, app.v5");
	snapshot_finish(s);
}

static int save(const char *path, const struct snapshot *s, struct strbuf *err)
{
	FILE *out = fopen(path, "w");
	int status;

	if (!out)
		return -1;
	status = snapfile_write(out, s, err);
	if (fclose(out))
		return -1;
	return status;
}

static char *slurp(const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	char chunk[4096];
	size_t n;
	FILE *in = fopen(path, "r");

	if (!in)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), in)) > 0)
		strbuf_add(&sb, chunk, n);
	fclose(in);
	return strbuf_detach(&sb);
}

static void spill(const char *path, const char *text)
{
	FILE *out = fopen(path, "w");

	if (!CHECK(out != NULL))
		return;
	fputs(text, out);
	fclose(out);
}

static void test_round_trip(void)
{
	struct snapshot a, b;
	struct strbuf err = STRBUF_INIT;
	struct plan plan;
	char *first = path_of("first.json"), *second = path_of("second.json");
	char *text1, *text2, fp_a[65], fp_b[65];
	struct object *t;

	snapshot_init(&a);
	snapshot_init(&b);
	build(&a, "text");
	CHECK(save(first, &a, &err) == 0);
	CHECK(snapfile_read(first, &b, &err) == 0);
	CHECK_STR(err.buf, "");
	CHECK(save(second, &b, &err) == 0);
	text1 = slurp(first);
	text2 = slurp(second);
	if (CHECK(text1 && text2))
		CHECK_STR(text2, text1);

	CHECK_STR(b.origin, "dbname=a");
	CHECK_STR(b.server_version, "16.4");
	t = snapshot_find(&b, "table app.orders");
	if (CHECK(t != NULL) && CHECK(t->nchildren == 3)) {
		CHECK_STR(t->children[0]->name, "id");
		CHECK_STR(t->children[1]->name, "state");
		CHECK_STR(t->children[2]->name, "note");
		CHECK(t->rows == 5000 && t->bytes == 466944);
		CHECK(obj_get(t->children[0], "default") == NULL);
		CHECK(t->children[0]->nattrs == 3);
	}
	CHECK(b.nunhandled == 1 && b.unhandled[0].count == 7);
	CHECK(snapshot_find(&b, "column app.orders.id")->rows < 0);

	plan_build(&plan, &a, &b);
	CHECK(plan.nstmts == 0);
	plan_release(&plan);

	snapshot_fingerprint(&a, fp_a);
	snapshot_fingerprint(&b, fp_b);
	CHECK(strlen(fp_a) == 64);
	CHECK_STR(fp_b, fp_a);
	CHECK(text1 && strstr(text1, fp_a) != NULL);

	free(text1);
	free(text2);
	free(first);
	free(second);
	strbuf_release(&err);
	snapshot_release(&a);
	snapshot_release(&b);
}

/* The schema alone counts: not where it came from, its size, or views. */
static void test_fingerprint(void)
{
	struct snapshot a, b, c;
	char fp_a[65], fp_b[65], fp_c[65];

	snapshot_init(&a);
	snapshot_init(&b);
	snapshot_init(&c);
	build(&a, "text");
	build(&b, "text");
	build(&c, "character varying(20)");
	b.origin = "postgresql://elsewhere/b";
	b.server_version = "17.2";
	snapshot_find(&b, "table app.orders")->rows = 1;
	b.nunhandled = 0;
	snapshot_fingerprint(&a, fp_a);
	snapshot_fingerprint(&b, fp_b);
	snapshot_fingerprint(&c, fp_c);
	CHECK_STR(fp_b, fp_a);
	CHECK(strcmp(fp_c, fp_a) != 0);
	/* a changed dependency type changes it too */
	snapshot_find(&b, "index app.\"Order note\"")->deps[0].type = 'n';
	snapshot_fingerprint(&b, fp_b);
	CHECK(strcmp(fp_b, fp_a) != 0);
	snapshot_release(&a);
	snapshot_release(&b);
	snapshot_release(&c);
}

/* Replaces the first "from" in text with "to" (caller frees). */
static char *replace(const char *text, const char *from, const char *to)
{
	struct strbuf sb = STRBUF_INIT;
	const char *at = strstr(text, from);

	if (!CHECK(at != NULL))
		return xstrdup(text);
	strbuf_add(&sb, text, (size_t)(at - text));
	strbuf_adds(&sb, to);
	strbuf_adds(&sb, at + strlen(from));
	return strbuf_detach(&sb);
}

/*
 * Reads text as a snapshot and expects exit 65 and a one-line message
 * naming the file and containing want.
 */
static void check_rejected(const char *text, const char *want)
{
	char *path = path_of("bad.json");
	struct snapshot s;
	struct strbuf err = STRBUF_INIT;

	spill(path, text);
	snapshot_init(&s);
	CHECK(snapfile_read(path, &s, &err) == EXIT_BAD_INPUT);
	CHECK(strchr(err.buf, '\n') == NULL);
	CHECK(strstr(err.buf, path) != NULL);
	if (!CHECK(strstr(err.buf, want) != NULL))
		printf("\tmessage: %s\n\twanted:  %s\n", err.buf, want);
	snapshot_release(&s);
	strbuf_release(&err);
	unlink(path);
	free(path);
}

static void check_edit(const char *good, const char *from, const char *to,
		       const char *want)
{
	char *text = replace(good, from, to);

	check_rejected(text, want);
	free(text);
}

static void test_rejects(void)
{
	struct snapshot a;
	struct strbuf err = STRBUF_INIT, sb = STRBUF_INIT;
	char *path = path_of("good.json"), *good;

	snapshot_init(&a);
	build(&a, "text");
	CHECK(save(path, &a, &err) == 0);
	good = slurp(path);
	if (!CHECK(good != NULL))
		return;

	check_rejected("{\"format\": \"pgdiff-snapshot\", \"version\": 1,\n",
		       "is not valid JSON: ");
	check_rejected("{\"format\": \"pgdiff-snapshot\",\n \"version\": 1 1}",
		       "(line 2, column ");
	check_rejected("", "is not valid JSON");
	check_rejected("[1, 2]", "is not a pgdiff snapshot");
	/* a name with a line break still makes a one-line message */
	check_rejected("{\"format\": \"pgdiff-snapshot\", \"version\": 1,"
		       " \"origin\": \"o\", \"server_version\": \"16.4\","
		       " \"fingerprint\": \"\", \"unhandled\": [],"
		       " \"objects\": [{\"key\": \"x \\\"a\\nb\\\"\","
		       " \"kind\": \"gizmo\"}]}",
		       "objects[0] (x \"a\\nb\"): unknown kind 'gizmo'");
	check_edit(good, "\"pgdiff-snapshot\"", "\"pgdiff-report\"",
		   "is not a pgdiff snapshot");
	strbuf_addf(&sb, "' was written by a newer pgdiff (format %d; this one reads up to %d)",
		    SNAPFILE_FORMAT + 1, SNAPFILE_FORMAT);
	check_edit(good, "\"version\": 1,", "\"version\": 2,", sb.buf);
	check_edit(good, "\"version\": 1,", "\"version\": \"1\",",
		   "\"version\" is not a format number");
	check_edit(good, "\"on\": \"schema app\"", "\"on\": \"schema nowhere\"",
		   "depends on 'schema nowhere', which is not in the snapshot");
	check_edit(good, "\"kind\": \"table\"", "\"kind\": \"gizmo\"",
		   "unknown kind 'gizmo'");
	check_edit(good, "\"origin\": \"dbname=a\",", "",
		   "\"origin\" is missing");
	check_edit(good, "\"facts\": [", "\"fax\": [",
		   "\"facts\" is missing");
	check_edit(good, "\"key\": \"schema public\"", "\"key\": \"schema app\"",
		   "its kind and names make the key 'schema public'");
	{
		char *text = replace(good, "\"key\": \"schema public\"",
				     "\"key\": \"schema app\"");
		check_edit(text, "\"name\": \"public\"", "\"name\": \"app\"",
			   "(schema app): the key is listed twice");
		free(text);
	}
	check_edit(good, "\"parent\": \"table app.orders\"",
		   "\"parent\": \"table app.other\"",
		   "parent 'table app.other' is not a table listed before it");
	check_edit(good, "\"version\": 1,", "\"version\": 1, \"version\": 1,",
		   "duplicate object key");
	check_edit(good, "\"bigint\"", "\"integer\"",
		   "the objects do not match the fingerprint");
	check_edit(good, "\"count\": 7", "\"count\": -7",
		   "unhandled[0]: \"count\" is not a whole number, 0 or more");

	free(good);
	unlink(path);
	free(path);
	snapshot_release(&a);
	strbuf_release(&err);
	strbuf_release(&sb);
}

static void test_missing_file(void)
{
	char *path = path_of("missing.json");
	struct snapshot s;
	struct strbuf err = STRBUF_INIT;

	snapshot_init(&s);
	CHECK(snapfile_read(path, &s, &err) == EXIT_BAD_INPUT);
	CHECK(strstr(err.buf, "cannot open '") == err.buf);
	snapshot_release(&s);
	strbuf_release(&err);
	free(path);
}

/* JSON text is Unicode: a name in another encoding cannot be saved as is. */
static void test_not_utf8(void)
{
	char *path = path_of("latin1.json");
	struct snapshot s;
	struct strbuf err = STRBUF_INIT;

	snapshot_init(&s);
	s.origin = "caf\xe9.sql";
	s.server_version = "16.4";
	snapshot_finish(&s);
	CHECK(save(path, &s, &err) == EXIT_BAD_INPUT);
	CHECK_STR(err.buf, "cannot save 'caf...' in a snapshot: it is not valid UTF-8");
	snapshot_release(&s);
	strbuf_release(&err);
	unlink(path);
	free(path);
}

void test_snapfile(void)
{
	char *first, *second;

	if (!CHECK(mkdtemp(dir) != NULL))
		return;
	test_round_trip();
	test_fingerprint();
	test_rejects();
	test_missing_file();
	test_not_utf8();
	first = path_of("first.json");
	second = path_of("second.json");
	unlink(first);
	unlink(second);
	free(first);
	free(second);
	CHECK(rmdir(dir) == 0);
}
