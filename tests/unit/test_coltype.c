/* test_coltype.c: which column type changes rewrite, which can lose data. */
#include "pgdiff/coltype.h"
#include "test.h"

void test_coltype(void)
{
	CHECK(classify_type_change("character varying(50)", "character varying(100)") == TYPE_SAFE);
	CHECK(classify_type_change("character varying(50)", "text") == TYPE_SAFE);
	CHECK(classify_type_change("character varying(50)", "character varying") == TYPE_SAFE);
	CHECK(classify_type_change("character varying(100)", "character varying(50)") == TYPE_LOSSY);
	CHECK(classify_type_change("text", "character varying(10)") == TYPE_LOSSY);
	CHECK(classify_type_change("numeric(10,2)", "numeric(12,2)") == TYPE_SAFE);
	CHECK(classify_type_change("numeric(10,2)", "numeric") == TYPE_SAFE);
	CHECK(classify_type_change("numeric(12,2)", "numeric(10,2)") == TYPE_LOSSY);
	CHECK(classify_type_change("numeric(10,2)", "numeric(12,4)") == TYPE_REWRITE);
	CHECK(classify_type_change("numeric(10,2)", "numeric(10,4)") == TYPE_LOSSY);
	CHECK(classify_type_change("integer", "bigint") == TYPE_REWRITE);
	CHECK(classify_type_change("bigint", "integer") == TYPE_LOSSY);
	CHECK(classify_type_change("text", "integer") == TYPE_LOSSY);
	CHECK(classify_type_change("integer[]", "bigint[]") == TYPE_REWRITE);
	CHECK(classify_type_change("character varying(5)[]", "text[]") == TYPE_SAFE);
	CHECK(classify_type_change("timestamp(3) without time zone", "timestamp(6) without time zone") == TYPE_SAFE);
	CHECK(classify_type_change("public.mood", "public.feeling") == TYPE_LOSSY);
	CHECK(default_is_volatile("nextval('public.s'::regclass)"));
	CHECK(default_is_volatile("gen_random_uuid()"));
	CHECK(!default_is_volatile("now()"));
	CHECK(!default_is_volatile("0"));
	CHECK(!default_is_volatile(NULL));
}
