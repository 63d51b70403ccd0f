/* test_quote.c: unit tests for identifier and literal quoting and keywords. */
#include "pgdiff/keywords.h"
#include "pgdiff/quote.h"
#include "test.h"

/* The quoting functions append: start each case from a non-empty buffer. */
static void check_ident(const char *name, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_adds(&sb, "> ");
	quote_ident(&sb, name);
	CHECK_STR(sb.buf + 2, want);
	CHECK(ident_needs_quotes(name) == (want[0] == '"'));
	strbuf_release(&sb);
}

static void check_literal(const char *s, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_adds(&sb, "> ");
	quote_literal(&sb, s);
	CHECK_STR(sb.buf + 2, want);
	strbuf_release(&sb);
}

static void check_qualified(const char *schema, const char *name,
			    const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_adds(&sb, "> ");
	quote_qualified(&sb, schema, name);
	CHECK_STR(sb.buf + 2, want);
	strbuf_release(&sb);
}

static void test_keywords(void)
{
	CHECK(keyword_category("abort") == 'U');	/* first in the table */
	CHECK(keyword_category("zone") == 'U');		/* last */
	CHECK(keyword_category("select") == 'R');
	CHECK(keyword_category("SELECT") == 'R');
	CHECK(keyword_category("user") == 'R');
	CHECK(keyword_category("int") == 'C');
	CHECK(keyword_category("varchar") == 'C');
	CHECK(keyword_category("left") == 'T');
	CHECK(keyword_category("collation") == 'T');
	CHECK(keyword_category("name") == 'U');
	CHECK(keyword_category("version") == 'U');
	CHECK(keyword_category("orders") == 0);
	CHECK(keyword_category("") == 0);
	CHECK(keyword_category("a") == 0);
	CHECK(keyword_category("zzz") == 0);
	CHECK(keyword_category("selec") == 0);
	CHECK(keyword_category("selects") == 0);
}

static void test_ident(void)
{
	check_ident("orders", "orders");
	check_ident("order_items2", "order_items2");
	check_ident("_tmp", "_tmp");
	check_ident("a$b", "\"a$b\"");
	check_ident("$a", "\"$a\"");
	check_ident("1abc", "\"1abc\"");
	check_ident("Orders", "\"Orders\"");
	check_ident("ORDERS", "\"ORDERS\"");
	check_ident("order items", "\"order items\"");
	check_ident("a-b", "\"a-b\"");
	check_ident("a.b", "\"a.b\"");
	check_ident("", "\"\"");
	check_ident("café", "\"café\"");
	check_ident("日本", "\"日本\"");
	check_ident("say\"hi\"", "\"say\"\"hi\"\"\"");
	check_ident("\"", "\"\"\"\"");
	check_ident("x\"; DROP TABLE y; --", "\"x\"\"; DROP TABLE y; --\"");

	/* Reserved, column-name and type/function-name keywords. */
	check_ident("select", "\"select\"");
	check_ident("user", "\"user\"");
	check_ident("table", "\"table\"");
	check_ident("order", "\"order\"");
	check_ident("int", "\"int\"");
	check_ident("left", "\"left\"");
	/* Unreserved keywords stay bare. */
	check_ident("name", "name");
	check_ident("version", "version");
	check_ident("data", "data");
	check_ident("action", "action");
	/* Keyword look-alikes are plain names. */
	check_ident("selected", "selected");
	check_ident("users", "users");
	check_ident("Select", "\"Select\"");
}

static void test_literal(void)
{
	check_literal("plain", "'plain'");
	check_literal("", "''");
	check_literal("it's", "'it''s'");
	check_literal("''", "''''''");
	check_literal("'", "''''");
	check_literal("a\\b", "'a\\b'");
	check_literal("\\'", "'\\'''");
	check_literal("say \"hi\"", "'say \"hi\"'");
	check_literal("café", "'café'");
	check_literal("line\nbreak", "'line\nbreak'");
	check_literal(NULL, "NULL");
}

static void test_qualified(void)
{
	check_qualified("public", "orders", "public.orders");
	check_qualified(NULL, "orders", "orders");
	check_qualified(NULL, "Orders", "\"Orders\"");
	check_qualified("My Schema", "user", "\"My Schema\".\"user\"");
	check_qualified("select", "data", "\"select\".data");
	check_qualified("a.b", "c", "\"a.b\".c");
}

void test_quote(void)
{
	test_keywords();
	test_ident();
	test_literal();
	test_qualified();
}
