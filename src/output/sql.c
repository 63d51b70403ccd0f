/* sql.c: the plan as a reviewable, runnable SQL script. */
#include "pgdiff/output.h"
#include "pgdiff/strbuf.h"
#include "pgdiff/util.h"
#include "pgdiff/version.h"

/* Comment text on one line: a name with a newline must not end the comment. */
static void put_comment_text(FILE *out, const char *s)
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
static void describe_unhandled(struct strbuf *sb, const struct snapshot *snap)
{
	for (size_t i = 0; i < snap->nunhandled; i++) {
		const struct unhandled *u = &snap->unhandled[i];
		strbuf_addf(sb, "%s%s: %zu (%s%s)", i ? "; " : "", u->kind,
			    u->count, u->names, u->count > 5 ? ", ..." : "");
	}
}

static void header(FILE *out, const struct plan *plan)
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
	if (plan->ncycles)
		fprintf(out, "-- warning: %zu dependency cycle(s) were broken; review the order\n",
			plan->ncycles);
}

void output_sql(FILE *out, const struct plan *plan)
{
	if (!plan->nstmts)
		return;
	header(out, plan);
	for (size_t i = 0; i < plan->nstmts; i++) {
		const struct stmt *st = plan->stmts[i];
		fprintf(out, "\n-- [%s] ", severity_name(st->severity));
		put_comment_text(out, st->reason);
		fprintf(out, "\n%s;\n", st->sql);
	}
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
