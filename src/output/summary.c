/* summary.c: drift-summary.md, the plan as a pull-request comment (GitHub Markdown). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "pgdiff/output.h"
#include "pgdiff/review.h"
#include "pgdiff/strbuf.h"
#include "pgdiff/util.h"

/* The longest run of backticks in s. */
static size_t backtick_run(const char *s)
{
	size_t longest = 0, run = 0;

	for (; *s; s++) {
		run = *s == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	return longest;
}

static void put_repeated(FILE *out, char c, size_t n)
{
	while (n--)
		fputc(c, out);
}

/*
 * Text that Markdown shows as it is: every character that could start
 * emphasis, code, a link, HTML, an entity, math or end a table cell is
 * escaped.  A line break would end the paragraph or the table row: it
 * shows as \n.
 */
static void put_text_n(FILE *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			fputs("\\n", out);
		else if (s[i] == '\r')
			fputs("\\r", out);
		else if (s[i] && strchr("\\`*_[]<>&|~!#$", s[i]))
			fprintf(out, "\\%c", s[i]);
		else
			fputc(s[i], out);
	}
}

static void put_text(FILE *out, const char *s)
{
	put_text_n(out, s, strlen(s));
}

/*
 * A code span around s: its backtick string is longer than any run inside,
 * and spaces keep a backtick at either end apart from it.  In a table cell
 * "|" is escaped, which GitHub undoes inside code spans too.
 */
static void put_code(FILE *out, const char *s, int in_table)
{
	size_t ticks = backtick_run(s) + 1, len = strlen(s);
	int pad = len == 0 || s[0] == '`' || s[len - 1] == '`';

	put_repeated(out, '`', ticks);
	if (pad)
		fputc(' ', out);
	for (; *s; s++) {
		if (*s == '\n' || *s == '\r')
			fputc(' ', out);
		else if (*s == '|' && in_table)
			fputs("\\|", out);
		else
			fputc(*s, out);
	}
	if (pad)
		fputc(' ', out);
	put_repeated(out, '`', ticks);
}

static void put_side(FILE *out, const char *name, const struct snapshot *snap)
{
	fprintf(out, "%s ", name);
	put_code(out, snap->origin, 0);
	fputs(" (PostgreSQL ", out);
	put_text(out, snap->server_version);
	fputc(')', out);
}

static void counts_table(FILE *out, const struct plan *plan)
{
	fputs("| severity | statements |\n| --- | ---: |\n", out);
	for (int sev = SEV_CRITICAL; sev >= SEV_MINOR; sev--)
		fprintf(out, "| %s | %zu |\n", severity_name((enum severity)sev),
			plan->counts[sev]);
}

/*
 * The reason, with the object's name in it as code: it reads better, and
 * GitHub turns no "@name" or "#1" there into a mention or a link.
 */
static void put_reason(FILE *out, const struct stmt *st)
{
	char *name = st->obj ? obj_display_name(st->obj) : NULL;
	const char *at = name ? strstr(st->reason, name) : NULL;
	size_t len = name ? strlen(name) : 0;

	/* only the whole name: not public.t in public.t_idx or public.t注 */
	if (at && (isalnum((unsigned char)at[len]) || at[len] == '_' ||
		   at[len] == '$' || at[len] == '"' ||
		   (unsigned char)at[len] >= 0x80))
		at = NULL;
	if (!at) {
		put_text(out, st->reason);
	} else {
		put_text_n(out, st->reason, (size_t)(at - st->reason));
		put_code(out, name, 1);
		put_text(out, at + len);
	}
	free(name);
}

static void serious_changes(FILE *out, const struct plan *plan)
{
	if (!plan->counts[SEV_CRITICAL] && !plan->counts[SEV_MAJOR]) {
		fputs("\nNo critical or major changes.\n", out);
		return;
	}
	fputs("\n### Critical and major changes\n\n"
	      "| severity | object | reason |\n| --- | --- | --- |\n", out);
	for (int sev = SEV_CRITICAL; sev >= SEV_MAJOR; sev--) {
		for (size_t i = 0; i < plan->nstmts; i++) {
			const struct stmt *st = plan->stmts[i];
			char *name;

			if (st->severity != (enum severity)sev)
				continue;
			/* critical in bold, the one thing to see at a glance */
			if (sev == SEV_CRITICAL)
				fputs("| **critical** | ", out);
			else
				fprintf(out, "| %s | ", severity_name(st->severity));
			if (st->obj) {
				name = obj_display_name(st->obj);
				put_code(out, name, 1);
				free(name);
			}
			fputs(" | ", out);
			put_reason(out, st);
			fputs(" |\n", out);
		}
	}
}

static void notes(FILE *out, const struct plan *plan)
{
	if (!plan_nnotes(plan))
		return;
	fputs("\nWorth a look:\n\n", out);
	for (size_t i = 0; i < plan_nnotes(plan); i++) {
		struct strbuf note = STRBUF_INIT;
		describe_note(&note, plan, i);
		fputs("- ", out);
		put_text(out, note.buf);
		fputs("\n", out);
		strbuf_release(&note);
	}
}

static void unhandled_note(FILE *out, const struct plan *plan)
{
	const struct snapshot *sides[2] = { plan->from, plan->to };
	const char *names[2] = { "source", "target" };

	if (!plan->from->nunhandled && !plan->to->nunhandled)
		return;
	fputs("\nNot compared, of kinds pgdiff does not handle yet:\n\n", out);
	for (int i = 0; i < 2; i++) {
		if (!sides[i]->nunhandled)
			continue;
		fprintf(out, "- %s: ", names[i]);
		for (size_t k = 0; k < sides[i]->nunhandled; k++) {
			const struct unhandled *u = &sides[i]->unhandled[k];
			struct unhandled_names it;
			const char *name;
			int first = 1;

			fputs(k ? "; " : "", out);
			put_text(out, u->kind);
			fprintf(out, " (%zu): ", u->count);
			unhandled_names_init(&it, u->names);
			while ((name = unhandled_names_next(&it))) {
				fputs(first ? "" : ", ", out);
				put_code(out, name, 0);
				first = 0;
			}
			unhandled_names_release(&it);
			fputs(u->count > 5 ? ", ..." : "", out);
		}
		fputs("\n", out);
	}
}

/*
 * The statements in a fenced block inside <details>: the fence is longer
 * than any run of backticks in the SQL, so no statement can close it.
 */
static void full_sql(FILE *out, const struct plan *plan)
{
	size_t fence = 3;

	for (size_t i = 0; i < plan->nstmts; i++) {
		size_t run = backtick_run(plan->stmts[i]->sql);

		if (backtick_run(plan->stmts[i]->reason) > run)
			run = backtick_run(plan->stmts[i]->reason);
		if (run + 1 > fence)
			fence = run + 1;
	}
	fprintf(out, "\n<details>\n<summary>The SQL: %zu statement%s</summary>\n\n",
		plan->nstmts, plan->nstmts == 1 ? "" : "s");
	put_repeated(out, '`', fence);
	fputs("sql\n", out);
	for (size_t i = 0; i < plan->nstmts; i++) {
		const struct stmt *st = plan->stmts[i];

		fprintf(out, "%s-- [%s] ", i ? "\n" : "", severity_name(st->severity));
		put_comment_text(out, st->reason);
		fprintf(out, "\n%s;\n", st->sql);
	}
	put_repeated(out, '`', fence);
	fputs("\n\n</details>\n", out);
}

int output_summary(FILE *out, const struct review *review, struct strbuf *err)
{
	const struct plan *plan = review->plan;

	fprintf(out, "**pgdiff: %s**\n\n", review_verdict(plan->worst));
	put_side(out, "Source:", plan->from);
	fputs(" \xc2\xb7 ", out);
	put_side(out, "target:", plan->to);
	fputs("\n", out);
	if (review->filters) {
		fputs("\nFilters: ", out);
		put_text(out, review->filters);
		fputs("\n", out);
	}
	fputs("\n", out);
	counts_table(out, plan);
	if (plan->nstmts)
		serious_changes(out, plan);
	notes(out, plan);
	unhandled_note(out, plan);
	if (plan->nstmts)
		full_sql(out, plan);
	if (ferror(out)) {
		strbuf_adds(err, "cannot write the summary");
		return EXIT_INTERNAL;
	}
	return 0;
}
