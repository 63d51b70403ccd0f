/* output.h: writing a plan for people and programs. */
#ifndef PGDIFF_OUTPUT_H
#define PGDIFF_OUTPUT_H

#include <stdio.h>

#include "pgdiff/plan.h"
#include "pgdiff/strbuf.h"

/* How the script runs: timeouts (NULL or "0": none) and transactions. */
struct sql_format {
	const char *lock_timeout;
	const char *statement_timeout;
	int single_transaction;	/* one BEGIN ... COMMIT around everything */
	const char *filters;	/* recorded in the header, or NULL */
};

/*
 * Writes the plan as a script for psql -v ON_ERROR_STOP=1: a header naming
 * both sides and the counts, the timeouts, then the statements, each after
 * a comment with its severity and reason, grouped in transactions.
 * Writes nothing at all when the plan is empty.
 */
void output_sql(FILE *out, const struct plan *plan,
		const struct sql_format *format);

/* Comment text on one line: a name with a newline must not end the comment. */
void put_comment_text(FILE *out, const char *s);
/*
 * The notes of the script's header: likely renames, look-alike names, then
 * tables whose columns end in another order than the target's.
 */
size_t plan_nnotes(const struct plan *plan);
void describe_note(struct strbuf *sb, const struct plan *plan, size_t i);
/* A warning per note. */
void warn_notes(const struct plan *plan);
/* "column public.t.a may have been renamed to b (--rename public.t.a=public.t.b)" */
void describe_hint(struct strbuf *sb, const struct rename_hint *hint);

/* One warning line per side listing the objects pgdiff does not handle. */
void warn_unhandled(const char *side, const struct snapshot *snap);
/* "foreign table: 2 (public.f1, public.f2); cast: 1 (...)" */
void describe_unhandled(struct strbuf *sb, const struct snapshot *snap);

/* What the review outputs need beyond the plan. */
struct review {
	const struct plan *plan;
	const char *fingerprint[2];	/* hex SHA-256 of source and target */
	const char *filters;		/* how the sides were filtered, or NULL */
};

/* drift-report.json: the documented, versioned machine-readable report. */
int output_report(FILE *out, const struct review *review, struct strbuf *err);
/* drift-summary.md: a pull-request comment. */
int output_summary(FILE *out, const struct review *review, struct strbuf *err);
/* The verdict, counts and the critical and major items, for a terminal. */
void output_terminal(FILE *out, const struct review *review, int color);

#endif
