/* test_filter.c: psql-style patterns and the kinds list. */
#include "pgdiff/filter.h"
#include "test.h"

void test_filter(void)
{
	struct filter f = { 0 };
	struct strbuf err = STRBUF_INIT, sb = STRBUF_INIT;

	CHECK(pattern_match("app", "app"));
	CHECK(pattern_match("APP", "app"));
	CHECK(!pattern_match("\"APP\"", "app"));
	CHECK(pattern_match("\"App\"", "App"));
	CHECK(pattern_match("app*", "app_2"));
	CHECK(pattern_match("app*", "app"));
	CHECK(!pattern_match("app?", "app"));
	CHECK(pattern_match("a?p", "amp"));
	CHECK(pattern_match("*", ""));
	CHECK(pattern_match("\"a*b\"", "a*b"));
	CHECK(!pattern_match("\"a*b\"", "axxb"));
	CHECK(pattern_match("\"say \"\"hi\"\"\"", "say \"hi\""));
	CHECK(!pattern_match("app", "apps"));
	CHECK(filter_parse_kinds(&f, "table,index,enum", &err) == 0);
	CHECK(f.kinds == (KIND_BIT(OBJ_TABLE) | KIND_BIT(OBJ_INDEX) | KIND_BIT(OBJ_ENUM)));
	CHECK(filter_parse_kinds(&f, "tables", &err) == -1);
	CHECK(err.len > 0);
	filter_describe(&f, &sb);
	CHECK_STR(sb.buf, "--kinds type,table,index");
	/* kinds past the 32nd, once past an unsigned int's bits */
	strbuf_reset(&sb);
	f.kinds = 0;
	CHECK(filter_parse_kinds(&f, "event trigger,schema", &err) == 0);
	CHECK(f.kinds == (KIND_BIT(OBJ_EVENT_TRIGGER) | KIND_BIT(OBJ_SCHEMA)));
	filter_describe(&f, &sb);
	CHECK_STR(sb.buf, "--kinds schema,event trigger");
	strbuf_release(&err);
	strbuf_release(&sb);
}
