/* test_review.c: the review outputs on a hand-made plan: fences, escapes, widths. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "pgdiff/output.h"
#include "pgdiff/review.h"
#include "test.h"

/* Whatever write(out) wrote, as a string (caller frees). */
static char *capture(void (*write)(FILE *out, const struct review *review),
		     const struct review *review)
{
	FILE *f = tmpfile();
	char *buf;
	long len;

	if (!f)
		return NULL;
	write(f, review);
	len = ftell(f);
	rewind(f);
	buf = calloc(1, (size_t)len + 1);
	if (buf && fread(buf, 1, (size_t)len, f) != (size_t)len)
		buf[0] = '\0';
	fclose(f);
	return buf;
}

static void write_summary(FILE *out, const struct review *review)
{
	struct strbuf err = STRBUF_INIT;

	CHECK(output_summary(out, review, &err) == 0);
	strbuf_release(&err);
}

static void write_report(FILE *out, const struct review *review)
{
	struct strbuf err = STRBUF_INIT;

	CHECK(output_report(out, review, &err) == 0);
	strbuf_release(&err);
}

static void write_terminal(FILE *out, const struct review *review)
{
	output_terminal(out, review, 0);
}

static void test_names(void)
{
	struct unhandled_names it;
	const char *names = "public.\"a, b\", public.f(integer, text), x";

	unhandled_names_init(&it, names);
	CHECK_STR(unhandled_names_next(&it), "public.\"a, b\"");
	CHECK_STR(unhandled_names_next(&it), "public.f(integer, text)");
	CHECK_STR(unhandled_names_next(&it), "x");
	CHECK(unhandled_names_next(&it) == NULL);
	unhandled_names_release(&it);
	unhandled_names_init(&it, "");
	CHECK(unhandled_names_next(&it) == NULL);
	unhandled_names_release(&it);
}

static void test_reasons(void)
{
	for (int bit = 0; bit < HZ_COUNT; bit++) {
		const char *r = hazard_reason((enum hazard)(1u << bit));

		CHECK(r && *r && !strchr(r, '\n'));
	}
	CHECK(!strncmp(review_verdict(SEV_CRITICAL), "critical drift", 14));
	CHECK(!strncmp(review_verdict(SEV_NONE), "no drift", 8));
}

void test_review(void)
{
	struct snapshot from = { .origin = "dbname=a\xff", .server_version = "15.18" };
	struct snapshot to = { .origin = "dbname=`b`", .server_version = "16.4" };
	struct object table = { .kind = OBJ_TABLE, .schema = "public",
				.name = "\xe6\xb3\xa8\xe6\x96\x87" };	/* 注文 */
	struct object col = { .kind = OBJ_COLUMN, .schema = "public",
			      .name = "x\033[31m|y", .parent = &table };
	struct object other = { .kind = OBJ_TABLE, .schema = "public",
				.name = "t" };
	struct stmt drop = {
		.severity = SEV_CRITICAL, .hazards = HZ_DATA_LOSS,
		.sql = "ALTER TABLE t DROP COLUMN \"````\"",
		.reason = "drops column <b>x</b>: its data is lost",
		.lock = LOCK_ACCESS_EXCLUSIVE, .transactional = 1, .obj = &col,
	};
	struct stmt lock = {
		.severity = SEV_MAJOR, .hazards = HZ_EXCLUSIVE_LOCK,
		.sql = "ALTER TABLE t SET LOGGED", .reason = "logs t",
		.lock = LOCK_ACCESS_EXCLUSIVE, .transactional = 1, .obj = &other,
	};
	struct stmt *stmts[] = { &lock, &drop };
	struct plan plan = { .from = &from, .to = &to, .stmts = stmts,
			     .nstmts = 2, .worst = SEV_CRITICAL };
	struct review review = { .plan = &plan, .fingerprint = { "", "" } };
	char *out;
	json_t *root;

	test_names();
	test_reasons();
	plan.counts[SEV_CRITICAL] = 1;
	plan.counts[SEV_MAJOR] = 1;

	out = capture(write_summary, &review);
	if (CHECK(out)) {
		/* four backticks in the SQL: a fence of five */
		CHECK(strstr(out, "\n`````sql\n") != NULL);
		CHECK(strstr(out, "\n`````\n\n</details>\n") != NULL);
		/* a code span around backticks, text escaped, | escaped in a cell */
		CHECK(strstr(out, "`` dbname=`b` ``") != NULL);
		CHECK(strstr(out, "\\<b\\>x\\</b\\>") != NULL);
		CHECK(strstr(out, "x\033[31m\\|y") != NULL);
		/* critical before major, though the script runs it second */
		CHECK(strstr(out, "| **critical** | `") <
		      strstr(out, "| major | `"));
	}
	free(out);

	out = capture(write_report, &review);
	root = out ? json_loads(out, 0, NULL) : NULL;
	if (CHECK(root)) {
		CHECK_STR(json_string_value(json_object_get(
			json_object_get(root, "source"), "origin")),
			"dbname=a\xef\xbf\xbd");
		CHECK(json_is_null(json_object_get(
			json_object_get(root, "source"), "fingerprint")));
		CHECK_STR(json_string_value(json_object_get(root, "worst")),
			  "critical");
		CHECK_STR(json_string_value(json_object_get(json_object_get(
			json_array_get(json_object_get(root, "statements"), 1),
			"object"), "table")), table.name);
		json_decref(root);
	}
	free(out);

	out = capture(write_terminal, &review);
	if (CHECK(out)) {
		/* no escape reaches the terminal; wide names pad by columns */
		CHECK(!strchr(out, '\033'));
		CHECK(strstr(out, "  critical  public.\"\xe6\xb3\xa8\xe6\x96\x87\"."
			     "\"x\\x1b[31m|y\"  drops") != NULL);
		CHECK(strstr(out, "  major     public.t" "                   " "  logs t\n") != NULL);
	}
	free(out);
}
