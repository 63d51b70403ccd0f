/* test_migrations.c: migration order, naming rules and the statement splitter. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pgdiff/migrations.h"
#include "pgdiff/proc.h"
#include "pgdiff/sqlsplit.h"
#include "pgdiff/util.h"
#include "test.h"

static void test_versions(void)
{
	CHECK(version_compare("2", "10") < 0);
	CHECK(version_compare("10", "2") > 0);
	CHECK(version_compare("001", "1") == 0);
	CHECK(version_compare("1", "1.0") == 0);
	CHECK(version_compare("1.2", "1.10") < 0);
	CHECK(version_compare("1.1", "1") > 0);
	CHECK(version_compare("20240101120000", "20231231235959") > 0);
	CHECK(natural_compare("R__a2.sql", "R__a10.sql") < 0);
	CHECK(natural_compare("b", "a10") > 0);
	CHECK(natural_compare("x01", "x1") != 0);
	CHECK(natural_compare("x1", "x1") == 0);
}

/* Makes dir/name (a directory when name ends in '/'); text may be NULL. */
static void make(const char *dir, const char *name, const char *text)
{
	struct strbuf path = STRBUF_INIT;
	FILE *f;

	strbuf_addf(&path, "%s/%s", dir, name);
	if (strbuf_strip_suffix(&path, "/")) {
		mkdir(path.buf, 0700);
	} else {
		f = fopen(path.buf, "w");
		if (f) {
			fputs(text ? text : "SELECT 1;\n", f);
			fclose(f);
		}
	}
	strbuf_release(&path);
}

/* Lists dir and returns the names joined by spaces, or "error: ..." (caller frees). */
static char *list(const char *dir)
{
	struct migration_list l = MIGRATION_LIST_INIT;
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;

	if (migrations_list(dir, &l, &err)) {
		strbuf_addf(&out, "error: %s", err.buf);
	} else {
		for (size_t i = 0; i < l.n; i++)
			strbuf_addf(&out, "%s%s", i ? " " : "", l.items[i].name);
	}
	migration_list_release(&l);
	strbuf_release(&err);
	return strbuf_detach(&out);
}

static char *tmp_dir(void)
{
	char *dir = xstrdup("/tmp/pgdiff-unit-XXXXXX");

	if (!mkdtemp(dir)) {
		free(dir);
		return NULL;
	}
	return dir;
}

#define CHECK_LIST(dir, want) do { \
		char *got_ = list(dir); \
		CHECK_STR(got_, want); \
		free(got_); \
	} while (0)

/* Checks that listing dir fails with a message holding each of the words. */
static void check_list_error(const char *dir, const char *w1, const char *w2)
{
	char *got = list(dir);

	if (!CHECK(!strncmp(got, "error: ", 7) && strstr(got, w1) &&
		   (!w2 || strstr(got, w2))))
		printf("\tgot: %s\n", got);
	free(got);
}

/* d = root/name, a new directory. */
static void subdir(struct strbuf *d, const char *root, const char *name)
{
	strbuf_reset(d);
	strbuf_addf(d, "%s/%s", root, name);
	mkdir(d->buf, 0700);
}

static void test_ordering(void)
{
	char *root = tmp_dir();
	struct strbuf d = STRBUF_INIT;

	if (!CHECK(root != NULL))
		return;
	subdir(&d, root, "numbered");
	make(d.buf, "10_c.sql", NULL);
	make(d.buf, "2_b.sql", NULL);
	make(d.buf, "001_a.sql", NULL);
	make(d.buf, "README.md", NULL);
	make(d.buf, ".gitkeep", NULL);
	make(d.buf, "notes.txt", NULL);
	CHECK_LIST(d.buf, "001_a.sql 2_b.sql 10_c.sql");

	subdir(&d, root, "flyway");
	make(d.buf, "V1__init.sql", NULL);
	make(d.buf, "V1.10__late.sql", NULL);
	make(d.buf, "V1.2__early.sql", NULL);
	make(d.buf, "V2_1__under.sql", NULL);
	make(d.buf, "R__b_views.sql", NULL);
	make(d.buf, "R__a_funcs.sql", NULL);
	make(d.buf, "U2_1__undo.sql", NULL);
	CHECK_LIST(d.buf, "V1__init.sql V1.2__early.sql V1.10__late.sql V2_1__under.sql R__a_funcs.sql R__b_views.sql");

	subdir(&d, root, "golang");
	make(d.buf, "20240102000000_b.up.sql", NULL);
	make(d.buf, "20240102000000_b.down.sql", NULL);
	make(d.buf, "20240101000000_a.up.sql", NULL);
	make(d.buf, "20240101000000_a.down.sql", NULL);
	CHECK_LIST(d.buf, "20240101000000_a.up.sql 20240102000000_b.up.sql");

	subdir(&d, root, "prisma");
	make(d.buf, "migration_lock.toml", NULL);
	make(d.buf, "20240102000000_b/", NULL);
	make(d.buf, "20240102000000_b/migration.sql", NULL);
	make(d.buf, "20240101000000_a/", NULL);
	make(d.buf, "20240101000000_a/migration.sql", NULL);
	CHECK_LIST(d.buf, "20240101000000_a 20240102000000_b");

	/* a project's root: its supabase/migrations */
	subdir(&d, root, "project");
	make(d.buf, "supabase/", NULL);
	make(d.buf, "supabase/migrations/", NULL);
	make(d.buf, "supabase/migrations/20240101000000_init.sql", NULL);
	make(d.buf, "package.json", NULL);
	CHECK_LIST(d.buf, "20240101000000_init.sql");

	subdir(&d, root, "duplicate");
	make(d.buf, "001_a.sql", NULL);
	make(d.buf, "1_b.sql", NULL);
	check_list_error(d.buf, "001_a.sql", "1_b.sql");

	subdir(&d, root, "flyway-duplicate");
	make(d.buf, "V1__a.sql", NULL);
	make(d.buf, "V1.0__b.sql", NULL);
	check_list_error(d.buf, "same version", NULL);

	subdir(&d, root, "mixed");
	make(d.buf, "V1__a.sql", NULL);
	make(d.buf, "002_b.sql", NULL);
	check_list_error(d.buf, "mixes", "Flyway");

	subdir(&d, root, "unknown");
	make(d.buf, "001_a.sql", NULL);
	make(d.buf, "schema.sql", NULL);
	make(d.buf, "helpers/", NULL);
	check_list_error(d.buf, "'schema.sql'", "'helpers/'");

	subdir(&d, root, "empty");
	CHECK_LIST(d.buf, "");
	strbuf_release(&d);
	remove_tree(root);
	free(root);
}

/* Splits text; returns the statements as "line:text|" (COPY rows in [...]). */
static char *split(const char *text, unsigned *flags)
{
	struct sql_script s = SQL_SCRIPT_INIT;
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	unsigned bad = 0;

	if (sql_split(&s, text, strlen(text), 1, &bad, &err) < 0) {
		strbuf_addf(&out, "%u: %s", bad, err.buf);
	} else {
		for (size_t i = 0; i < s.n; i++) {
			const struct sql_stmt *st = &s.stmts[i];
			strbuf_addf(&out, "%u:%.*s", st->line,
				    (int)(st->end - st->start), text + st->start);
			if (st->flags & STMT_COPY_IN)
				strbuf_addf(&out, "[%u:%.*s]", st->data_line,
					    (int)(st->data_end - st->data_start),
					    text + st->data_start);
			strbuf_addch(&out, '|');
		}
	}
	if (flags)
		*flags = s.flags;
	sql_script_release(&s);
	strbuf_release(&err);
	return strbuf_detach(&out);
}

#define CHECK_SPLIT(text, want) do { \
		char *got_ = split(text, NULL); \
		CHECK_STR(got_, want); \
		free(got_); \
	} while (0)

static void check_flags(const char *text, unsigned want)
{
	unsigned flags = 0;
	char *got = split(text, &flags);

	if (!CHECK(flags == want))
		printf("\tflags %u, want %u for: %s\n", flags, want, text);
	free(got);
}

static void test_splitter(void)
{
	CHECK_SPLIT("SELECT 1; SELECT 2;", "1:SELECT 1;|1:SELECT 2;|");
	CHECK_SPLIT("-- a; comment\nSELECT 1\n;\n\n/* x; /* nested; */ y; */ SELECT 2",
		    "2:SELECT 1\n;|5:SELECT 2|");
	CHECK_SPLIT("SELECT 'a;b''c;'; SELECT \"x;\"\"y\";",
		    "1:SELECT 'a;b''c;';|1:SELECT \"x;\"\"y\";|");
	CHECK_SPLIT("SELECT E'it\\'s;';\nSELECT 'back\\';",
		    "1:SELECT E'it\\'s;';|2:SELECT 'back\\';|");
	CHECK_SPLIT("CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n RETURN 1;\nEND $$ LANGUAGE plpgsql;\nSELECT 1;",
		    "1:CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n RETURN 1;\nEND $$ LANGUAGE plpgsql;|5:SELECT 1;|");
	CHECK_SPLIT("DO $body$ BEGIN PERFORM '$$;'; END $body$;\nSELECT $1;",
		    "1:DO $body$ BEGIN PERFORM '$$;'; END $body$;|2:SELECT $1;|");
	CHECK_SPLIT("SELECT a$b; SELECT 2;", "1:SELECT a$b;|1:SELECT 2;|");
	CHECK_SPLIT("CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2);\nSELECT 3;",
		    "1:CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2);|2:SELECT 3;|");
	CHECK_SPLIT("CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n SELECT CASE WHEN true THEN 1 END;\n SELECT 2;\nEND;\nSELECT 3;",
		    "1:CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n SELECT CASE WHEN true THEN 1 END;\n SELECT 2;\nEND;|6:SELECT 3;|");
	/* COPY rows run to \. and are not SQL: quotes and backslashes in them are data */
	CHECK_SPLIT("COPY t (a, b) FROM stdin;\n1\tit's\n2\t\\N\n\\.\nSELECT 1;",
		    "1:COPY t (a, b) FROM stdin;[2:1\tit's\n2\t\\N\n]|5:SELECT 1;|");
	CHECK_SPLIT("copy t from STDIN with (format csv);\r\na,\"b;\"\r\n\\.\r\n",
		    "1:copy t from STDIN with (format csv);[2:a,\"b;\"\r\n]|");
	CHECK_SPLIT("COPY t FROM stdin;\n1\n2\n", "1:COPY t FROM stdin;[2:1\n2\n]|");
	CHECK_SPLIT("COPY (SELECT 1 FROM stdin) TO stdout;", "1:COPY (SELECT 1 FROM stdin) TO stdout;|");
	CHECK_SPLIT("  ;;\n-- only a comment\n", "");
	CHECK_SPLIT("SELECT 1;\n\\i other.sql\n", "2: psql meta-command '\\i' is not SQL (pgdiff sends the file to the server, not to psql)");
	CHECK_SPLIT("SELECT 1 \\gset\n", "1: psql meta-command '\\gset' is not SQL (pgdiff sends the file to the server, not to psql)");
	CHECK_SPLIT("SELECT $$\n\\i not a command$$;", "1:SELECT $$\n\\i not a command$$;|");
	/* pg_dump's guard lines only concern psql */
	CHECK_SPLIT("\\restrict abc123\nSELECT 1;\n\\unrestrict abc123\n", "2:SELECT 1;|");
	CHECK_SPLIT("SELECT 1\n\\restrict abc\n;", "2: psql meta-command '\\restrict' is not SQL (pgdiff sends the file to the server, not to psql)");
	CHECK_SPLIT("COPY t FROM stdin;\n\\N\n\\.\n\\set x 1\n", "4: psql meta-command '\\set' is not SQL (pgdiff sends the file to the server, not to psql)");

	check_flags("CREATE TABLE t (a int); INSERT INTO t VALUES (1);", 0);
	check_flags("CREATE INDEX CONCURRENTLY i ON t (a);", STMT_NO_TRANSACTION);
	check_flags("create unique index concurrently if not exists i on t (a);", STMT_NO_TRANSACTION);
	check_flags("CREATE INDEX concurrently_made ON t (a);", 0);
	check_flags("DROP INDEX CONCURRENTLY i;", STMT_NO_TRANSACTION);
	check_flags("VACUUM t;", STMT_NO_TRANSACTION);
	check_flags("ALTER SYSTEM SET work_mem = '1MB';", STMT_NO_TRANSACTION);
	check_flags("CREATE DATABASE x;", STMT_NO_TRANSACTION);
	check_flags("REINDEX TABLE CONCURRENTLY t;", STMT_NO_TRANSACTION);
	check_flags("ALTER TYPE public.mood ADD VALUE 'meh';", STMT_NO_TRANSACTION);
	check_flags("ALTER TYPE mood RENAME VALUE 'a' TO 'b';", 0);
	check_flags("BEGIN; CREATE TABLE t (a int); COMMIT;", STMT_TRANSACTION);
	check_flags("DO $$ BEGIN END $$;", 0);
	check_flags("COPY t FROM stdin;\n\\.\n", STMT_COPY_IN);
	check_flags("SELECT '\"CREATE DATABASE x\"';", 0);
}

static void test_up_part(void)
{
	const char *text = "-- migrate:up\nCREATE TABLE a (x int);\n\n-- migrate:down\nDROP TABLE a;\n";
	size_t start, end;
	unsigned line;
	int no_tx;
	struct strbuf err = STRBUF_INIT;

	CHECK(migration_up_part(text, strlen(text), &start, &end, &line, &no_tx, &err) == 0);
	CHECK(start == 14 && line == 2 && !no_tx);
	CHECK(end == strlen("-- migrate:up\nCREATE TABLE a (x int);\n\n"));

	text = "--migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON a (x);\n";
	CHECK(migration_up_part(text, strlen(text), &start, &end, &line, &no_tx, &err) == 0);
	CHECK(no_tx && end == strlen(text) && line == 2);

	text = "CREATE TABLE a (x int);\n";
	CHECK(migration_up_part(text, strlen(text), &start, &end, &line, &no_tx, &err) == 0);
	CHECK(start == 0 && end == strlen(text) && line == 1);

	text = "-- migrate:down\nDROP TABLE a;\n";
	CHECK(migration_up_part(text, strlen(text), &start, &end, &line, &no_tx, &err) < 0);
	CHECK(strstr(err.buf, "migrate:up") != NULL);
	strbuf_release(&err);
}

void test_migrations(void)
{
	test_versions();
	test_ordering();
	test_splitter();
	test_up_part();
}
