/* sql.c: the plan as a reviewable, runnable SQL script. */
#include <stdlib.h>
#include <string.h>

#include "pgdiff/output.h"
#include "pgdiff/quote.h"
#include "pgdiff/strbuf.h"
#include "pgdiff/util.h"
#include "pgdiff/version.h"

void put_comment_text(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			fputs("\\n", out);
		else if (*s == '\r')
			fputs("\\r", out);
		else
			fputc(*s, out);
	}
}

/* "view: 2 (public.a, public.b); function: 1 (...)" */
void describe_unhandled(struct strbuf *sb, const struct snapshot *snap)
{
	for (size_t i = 0; i < snap->nunhandled; i++) {
		const struct unhandled *u = &snap->unhandled[i];
		strbuf_addf(sb, "%s%s: %zu (%s%s)", i ? "; " : "", u->kind,
			    u->count, u->names, u->count > 5 ? ", ..." : "");
	}
}

static int is_set(const char *setting)
{
	return setting && *setting && strcmp(setting, "0") != 0;
}

static void header(FILE *out, const struct plan *plan,
		   const struct sql_format *format)
{
	const struct snapshot *sides[2] = { plan->from, plan->to };
	const char *names[2] = { "source", "target" };

	fprintf(out, "-- pgdiff %s: SQL that turns the source schema into the target schema\n",
		PGDIFF_VERSION);
	for (int i = 0; i < 2; i++) {
		fprintf(out, "-- %s: ", names[i]);
		put_comment_text(out, sides[i]->origin);
		fprintf(out, " (PostgreSQL %s)\n", sides[i]->server_version);
	}
	fprintf(out, "-- statements: %zu critical, %zu major, %zu minor\n",
		plan->counts[SEV_CRITICAL], plan->counts[SEV_MAJOR],
		plan->counts[SEV_MINOR]);
	for (int i = 0; i < 2; i++) {
		struct strbuf sb = STRBUF_INIT;
		if (!sides[i]->nunhandled)
			continue;
		describe_unhandled(&sb, sides[i]);
		fprintf(out, "-- not handled yet in the %s: ", names[i]);
		put_comment_text(out, sb.buf);
		fputc('\n', out);
		strbuf_release(&sb);
	}
	if (format->filters) {
		fputs("-- filters: ", out);
		put_comment_text(out, format->filters);
		fputc('\n', out);
	}
	fprintf(out, "-- lock_timeout: %s, statement_timeout: %s (--lock-timeout, --statement-timeout; 0 is off)\n",
		is_set(format->lock_timeout) ? format->lock_timeout : "off",
		is_set(format->statement_timeout) ? format->statement_timeout : "off");
	fprintf(out, "-- run with: psql -v ON_ERROR_STOP=1 -f FILE%s\n",
		format->single_transaction ? " (all or nothing: one transaction)" : "");
	if (plan->ncycles)
		fprintf(out, "-- warning: %zu dependency cycle(s) were broken; review the order\n",
			plan->ncycles);
	for (size_t i = 0; i < plan_nnotes(plan); i++) {
		struct strbuf sb = STRBUF_INIT;
		describe_note(&sb, plan, i);
		fputs("-- note: ", out);
		put_comment_text(out, sb.buf);
		fputc('\n', out);
		strbuf_release(&sb);
	}
}

/* word as one shell word: in single quotes unless it is plain. */
static void add_shell_word(struct strbuf *sb, const char *word)
{
	if (!word[strspn(word, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			 "0123456789_.=$-")]) {
		strbuf_adds(sb, word);
		return;
	}
	strbuf_addch(sb, '\'');
	for (; *word; word++) {
		if (*word == '\'')
			strbuf_adds(sb, "'\\''");
		else
			strbuf_addch(sb, *word);
	}
	strbuf_addch(sb, '\'');
}

void describe_hint(struct strbuf *sb, const struct rename_hint *hint)
{
	char *from = obj_display_name(hint->from);
	char *to = obj_display_name(hint->to);
	struct strbuf arg = STRBUF_INIT;

	if (hint->lookalike) {
		strbuf_addf(sb, "%s %s and %s differ only in case or Unicode form",
			    obj_kind_name(hint->from->kind), from, to);
	} else {
		strbuf_addf(sb, "%s %s may have been renamed to %s (--rename ",
			    obj_kind_name(hint->from->kind), from, to);
		strbuf_addf(&arg, "%s=", from);
		/* NEW may be the name alone: " USING btree" is no part of it */
		if (hint->to->kind == OBJ_OPCLASS || hint->to->kind == OBJ_OPFAMILY)
			quote_ident(&arg, hint->to->name);
		else
			strbuf_adds(&arg, to);
		add_shell_word(sb, arg.buf);
		strbuf_addch(sb, ')');
	}
	strbuf_release(&arg);
	free(from);
	free(to);
}

size_t plan_nnotes(const struct plan *plan)
{
	return plan->nhints + plan->ncolumn_orders;
}

void describe_note(struct strbuf *sb, const struct plan *plan, size_t i)
{
	if (i < plan->nhints)
		describe_hint(sb, &plan->hints[i]);
	else
		describe_column_order(sb, &plan->column_orders[i - plan->nhints]);
}

void warn_notes(const struct plan *plan)
{
	for (size_t i = 0; i < plan_nnotes(plan); i++) {
		struct strbuf sb = STRBUF_INIT;
		describe_note(&sb, plan, i);
		warning("%s", sb.buf);
		strbuf_release(&sb);
	}
}

/* Whether the script writes routine bodies (CREATE [OR REPLACE] FUNCTION). */
static int defines_routines(const struct plan *plan)
{
	for (size_t i = 0; i < plan->nstmts; i++)
		if (plan->stmts[i]->change == CH_CREATE_FUNCTION ||
		    plan->stmts[i]->change == CH_REPLACE_FUNCTION)
			return 1;
	return 0;
}

static void set_timeouts(FILE *out, const struct plan *plan,
			 const struct sql_format *format)
{
	struct strbuf sb = STRBUF_INIT;

	if (is_set(format->lock_timeout)) {
		strbuf_adds(&sb, "\nSET lock_timeout = ");
		quote_literal(&sb, format->lock_timeout);
		strbuf_adds(&sb, ";\n");
	}
	if (is_set(format->statement_timeout)) {
		strbuf_adds(&sb, "SET statement_timeout = ");
		quote_literal(&sb, format->statement_timeout);
		strbuf_adds(&sb, ";\n");
	}
	/*
	 * pg_depend does not see what plain SQL and PL/pgSQL bodies read: a
	 * body may name a table created further down (or one whose default
	 * calls it), so bodies are not checked at creation, as in pg_dump.
	 */
	if (defines_routines(plan)) {
		if (!sb.len)
			strbuf_addch(&sb, '\n');
		strbuf_adds(&sb, "SET check_function_bodies = off;\n");
	}
	fputs(sb.buf, out);
	strbuf_release(&sb);
}

/*
 * Transactional statements run in BEGIN ... COMMIT blocks; one that cannot
 * run in a transaction stands alone, and a block ends early where a later
 * statement needs what a statement committed (a new enum value).
 */
void output_sql(FILE *out, const struct plan *plan,
		const struct sql_format *format)
{
	int open = 0;

	if (!plan->nstmts)
		return;
	header(out, plan, format);
	set_timeouts(out, plan, format);
	for (size_t i = 0; i < plan->nstmts; i++) {
		const struct stmt *st = plan->stmts[i];

		if (!open && st->transactional) {
			fputs("\nBEGIN;\n", out);
			open = 1;
		} else if (open && !st->transactional) {
			fputs("\nCOMMIT;\n", out);
			open = 0;
		}
		fprintf(out, "\n-- [%s] ", severity_name(st->severity));
		put_comment_text(out, st->reason);
		fprintf(out, "\n%s;\n", st->sql);
		if (open && st->commit_after && !format->single_transaction) {
			fputs("\nCOMMIT;\n", out);
			open = 0;
		}
	}
	if (open)
		fputs("\nCOMMIT;\n", out);
}

void warn_unhandled(const char *side, const struct snapshot *snap)
{
	struct strbuf sb = STRBUF_INIT;

	if (!snap->nunhandled)
		return;
	describe_unhandled(&sb, snap);
	warning("%s has objects pgdiff does not handle yet: %s", side, sb.buf);
	strbuf_release(&sb);
}
