/* test_conn.c: passwords never reach the output or messages. */
#include <stdlib.h>
#include <string.h>

#include "pgdiff/catalog.h"
#include "pgdiff/pgarray.h"
#include "test.h"

static void check_display(const char *spec, const char *want)
{
	char *got = conn_display(spec);
	CHECK_STR(got, want);
	free(got);
}

/* Version-marked lines of a catalog query, for servers before and after. */
static void test_query_versions(void)
{
	struct arena arena = ARENA_INIT;
	static const char plain[] = "SELECT 1\n";
	static const char marked[] =
		"SELECT a,\n"
		"       b AS c, -- from pg14\n"
		"       NULL AS c, -- before pg14\n"
		"       d\n";

	CHECK(query_for_version(&arena, plain, 120000) == plain);
	CHECK_STR(query_for_version(&arena, marked, 140000),
		  "SELECT a,\n       b AS c, -- from pg14\n       d\n");
	CHECK_STR(query_for_version(&arena, marked, 150007),
		  "SELECT a,\n       b AS c, -- from pg14\n       d\n");
	CHECK_STR(query_for_version(&arena, marked, 130012),
		  "SELECT a,\n       NULL AS c, -- before pg14\n       d\n");
	arena_release(&arena);
}

static void test_pgarray(void)
{
	struct pgarray arr;

	CHECK(pgarray_parse(&arr, "{a,\"b c\",\"it's \\\"x\\\"\",\"back\\\\slash\"}") == 0);
	if (CHECK(arr.n == 4)) {
		CHECK_STR(arr.items[0], "a");
		CHECK_STR(arr.items[1], "b c");
		CHECK_STR(arr.items[2], "it's \"x\"");
		CHECK_STR(arr.items[3], "back\\slash");
		CHECK(pgarray_find(&arr, "b c") == 1);
		CHECK(pgarray_find(&arr, "zz") == -1);
	}
	pgarray_release(&arr);
	CHECK(pgarray_parse(&arr, "{}") == 0 && arr.n == 0);
	CHECK(pgarray_parse(&arr, "{\"open") == -1);
	CHECK(pgarray_parse(&arr, NULL) == 0 && arr.n == 0);
}

/* pgarray_map's fn: "x" becomes the name given, which may need quotes. */
static const char *rename_x(void *ctx, const char *item)
{
	return strcmp(item, "x") ? item : ctx;
}

static void test_pgarray_map(void)
{
	char *s;

	s = pgarray_map("{x,y}", rename_x, "z");
	CHECK_STR(s, "{z,y}");
	free(s);
	/* quoted as array_out quotes: spaces, quotes, backslashes, NULL */
	s = pgarray_map("{x,\"a b\",NULL,\"NULL\"}", rename_x, "say \"hi\\\"");
	CHECK_STR(s, "{\"say \\\"hi\\\\\\\"\",\"a b\",NULL,\"NULL\"}");
	free(s);
	s = pgarray_map("{x}", rename_x, "null");
	CHECK_STR(s, "{\"null\"}");
	free(s);
	/* nothing changed, or no array: NULL */
	CHECK(pgarray_map("{y}", rename_x, "z") == NULL);
	CHECK(pgarray_map("x", rename_x, "z") == NULL);
	CHECK(pgarray_map("{x", rename_x, "z") == NULL);
	CHECK(pgarray_map(NULL, rename_x, "z") == NULL);
}

/* A connection string split by libpq, secrets kept by name only. */
static void check_strip(const char *conninfo, const char *text,
			const char *options, const char *secrets)
{
	struct conninfo_parts parts;

	if (!CHECK(conninfo_strip(conninfo, &parts) == 0))
		return;
	CHECK_STR(parts.text, text);
	CHECK_STR(parts.options, options);
	CHECK_STR(parts.secrets, secrets);
	CHECK(!strstr(parts.text, "hunter2"));
	CHECK(!strstr(parts.options, "hunter2"));
	conninfo_parts_release(&parts);
}

static void test_conninfo_strip(void)
{
	struct conninfo_parts parts;

	/* no secret: the string as written, and its options in order */
	check_strip("host=db1 port=5433 dbname=shop",
		    "host=db1 port=5433 dbname=shop",
		    "dbname=shop host=db1 port=5433", NULL);
	check_strip("host=db1 password='hunter2 x' dbname = shop sslpassword=hunter2",
		    "dbname=shop host=db1", "dbname=shop host=db1",
		    "{password,sslpassword}");
	check_strip("postgresql://rep:hunter2@db1:5433/shop?application_name=a%20b",
		    "application_name='a b' dbname=shop host=db1 port=5433 user=rep",
		    "application_name='a b' dbname=shop host=db1 port=5433 user=rep",
		    "{password}");
	check_strip("application_name='it\\'s \\\\' password=''",
		    "application_name='it\\'s \\\\'",
		    "application_name='it\\'s \\\\'", "{password}");
	check_strip("", "", "", NULL);
	CHECK(conninfo_strip("host=db1 no_such_option=1", &parts) == -1);
	CHECK(conninfo_strip("host='open", &parts) == -1);
}

void test_conn(void)
{
	check_display("postgresql://app:s3cret@db1:5433/prod",
		      "postgresql://app:****@db1:5433/prod");
	check_display("postgres://app@db1/prod?sslmode=require&password=x&y=1",
		      "postgres://app@db1/prod?sslmode=require&password=****&y=1");
	check_display("postgresql://db1/prod", "postgresql://db1/prod");
	check_display("host=db1 password=s3cret dbname=prod",
		      "host=db1 password=**** dbname=prod");
	check_display("host=db1 password = 'a b\\'c' dbname=prod",
		      "host=db1 password = **** dbname=prod");
	check_display("service=prod", "service=prod");
	test_pgarray();
	test_pgarray_map();
	test_query_versions();
	test_conninfo_strip();
}
