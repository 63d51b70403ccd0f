/* test_strbuf.c: unit tests for the strbuf invariants and operations. */
#include <stdlib.h>
#include <string.h>

#include "pgdiff/strbuf.h"
#include "test.h"

static void test_empty(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct strbuf sb2;
	char *s;

	CHECK(sb.buf != NULL);
	CHECK_STR(sb.buf, "");
	CHECK(sb.len == 0 && sb.alloc == 0);
	strbuf_init(&sb2);
	CHECK(sb2.buf == strbuf_empty);
	/* Neither of these may write to the shared empty buffer. */
	strbuf_reset(&sb2);
	CHECK(strbuf_strip_suffix(&sb2, ""));
	CHECK(!strbuf_strip_suffix(&sb2, "x"));
	CHECK_STR(strbuf_empty, "");
	s = strbuf_detach(&sb);
	CHECK_STR(s, "");
	CHECK(s != strbuf_empty);
	free(s);
	strbuf_release(&sb);
	strbuf_release(&sb2);
	CHECK(sb.buf == strbuf_empty);
}

static void test_add(void)
{
	struct strbuf sb = STRBUF_INIT;
	char *s;

	strbuf_adds(&sb, "CREATE");
	strbuf_addch(&sb, ' ');
	strbuf_add(&sb, "TABLExyz", 5);
	CHECK_STR(sb.buf, "CREATE TABLE");
	CHECK(sb.len == 12);
	CHECK(sb.alloc > sb.len);
	strbuf_add(&sb, "", 0);
	CHECK(sb.len == 12);
	strbuf_addf(&sb, " t%d (%s)", 42, "a int");
	CHECK_STR(sb.buf, "CREATE TABLE t42 (a int)");
	CHECK(sb.len == strlen(sb.buf));

	strbuf_setlen(&sb, 6);
	CHECK_STR(sb.buf, "CREATE");
	strbuf_reset(&sb);
	CHECK_STR(sb.buf, "");
	CHECK(sb.len == 0 && sb.alloc > 0);

	strbuf_adds(&sb, "x");
	s = strbuf_detach(&sb);
	CHECK_STR(s, "x");
	CHECK(sb.buf == strbuf_empty && sb.len == 0 && sb.alloc == 0);
	free(s);
}

/* Long enough to need the second vsnprintf in strbuf_vaddf. */
static void test_addf_long(void)
{
	struct strbuf sb = STRBUF_INIT;
	char big[5001];
	size_t i;

	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	strbuf_adds(&sb, "<");
	strbuf_addf(&sb, "%s|%s", big, big);
	CHECK(sb.len == 1 + 5000 + 1 + 5000);
	CHECK(sb.buf[0] == '<' && sb.buf[5001] == '|');
	CHECK(sb.buf[sb.len] == '\0');
	for (i = 1; i < sb.len; i++) {
		if (i != 5001 && sb.buf[i] != 'a')
			break;
	}
	CHECK(i == sb.len);
	strbuf_addf(&sb, "%s", "");
	CHECK(sb.len == 10002);
	strbuf_release(&sb);
}

static void test_many_appends(void)
{
	struct strbuf sb = STRBUF_INIT;
	int i;

	for (i = 0; i < 100000; i++)
		strbuf_addch(&sb, (char)('a' + i % 26));
	CHECK(sb.len == 100000);
	CHECK(sb.buf[25] == 'z' && sb.buf[26] == 'a');
	CHECK(sb.buf[100000] == '\0');
	strbuf_release(&sb);
}

static void test_grow(void)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_grow(&sb, 100);
	CHECK(sb.alloc >= 101);
	CHECK_STR(sb.buf, "");
	CHECK(sb.len == 0);
	strbuf_release(&sb);
	CHECK(sb.alloc == 0);
}

static void test_strip_suffix(void)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_adds(&sb, "a, b, ");
	CHECK(strbuf_strip_suffix(&sb, ", "));
	CHECK_STR(sb.buf, "a, b");
	CHECK(!strbuf_strip_suffix(&sb, ", "));
	CHECK(!strbuf_strip_suffix(&sb, "xa, b"));
	CHECK(strbuf_strip_suffix(&sb, "a, b"));
	CHECK_STR(sb.buf, "");
	strbuf_release(&sb);
}

void test_strbuf(void)
{
	test_empty();
	test_add();
	test_addf_long();
	test_many_appends();
	test_grow();
	test_strip_suffix();
}
