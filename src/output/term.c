/* term.c: the verdict, counts and serious changes, for a person at a terminal. */
#include <stdlib.h>
#include <string.h>

#include "pgdiff/output.h"
#include "pgdiff/review.h"
#include "pgdiff/strbuf.h"
#include "pgdiff/utf8.h"

#define NAME_COLUMN_MAX 40	/* longer names push their reason right */
#define ITEMS_MAX 20		/* the rest are in the script and the report */

static const char *const colors[] = {
	[SEV_NONE] = "\033[32m",	/* green */
	[SEV_MINOR] = "\033[32m",
	[SEV_MAJOR] = "\033[33m",	/* yellow */
	[SEV_CRITICAL] = "\033[1;31m",	/* bold red */
};
#define COLOR_RESET "\033[0m"

/*
 * s with control characters shown as escapes (\n, \x1b, \u009b): a name
 * from the database must not move the cursor or change the colours.
 */
static void add_clean(struct strbuf *sb, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\n')
			strbuf_adds(sb, "\\n");
		else if (*p < 0x20 || *p == 0x7f)
			strbuf_addf(sb, "\\x%02x", *p);
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			strbuf_addf(sb, "\\u%04x", *++p);
		else
			strbuf_addch(sb, (char)*p);
	}
}

static void put_severity(FILE *out, enum severity sev, int color)
{
	if (color)
		fprintf(out, "%s%s%s", colors[sev], severity_name(sev),
			COLOR_RESET);
	else
		fputs(severity_name(sev), out);
}

/* Pads s to width terminal columns: wide characters count two. */
static void put_padded(FILE *out, const char *s, size_t width)
{
	size_t w = utf8_width(s);

	fputs(s, out);
	while (w++ < width)
		fputc(' ', out);
}

struct item {
	const struct stmt *st;
	struct strbuf name;
	struct strbuf reason;
};

/* The critical, then the major statements, in script order within each. */
static size_t collect(const struct plan *plan, struct item *items, size_t max)
{
	size_t n = 0;

	for (int sev = SEV_CRITICAL; sev >= SEV_MAJOR; sev--) {
		for (size_t i = 0; i < plan->nstmts && n < max; i++) {
			const struct stmt *st = plan->stmts[i];
			struct item *it = &items[n];

			if (st->severity != (enum severity)sev)
				continue;
			it->st = st;
			strbuf_init(&it->name);
			strbuf_init(&it->reason);
			if (st->obj) {
				char *name = obj_display_name(st->obj);
				add_clean(&it->name, name);
				free(name);
			}
			add_clean(&it->reason, st->reason);
			n++;
		}
	}
	return n;
}

void output_terminal(FILE *out, const struct review *review, int color)
{
	const struct plan *plan = review->plan;
	const char *verdict = review_verdict(plan->worst);
	size_t word = strcspn(verdict, " ");
	size_t serious = plan->counts[SEV_CRITICAL] + plan->counts[SEV_MAJOR];
	struct item items[ITEMS_MAX];
	size_t n, width = 0;

	/* "pgdiff: critical drift: ...", the level in its colour */
	fputs("pgdiff: ", out);
	if (color)
		fprintf(out, "%s%.*s%s", colors[plan->worst], (int)word, verdict,
			COLOR_RESET);
	else
		fprintf(out, "%.*s", (int)word, verdict);
	fprintf(out, "%s\n", verdict + word);
	if (!plan->nstmts)
		return;
	fprintf(out, "  %zu statement%s: %zu critical, %zu major, %zu minor\n",
		plan->nstmts, plan->nstmts == 1 ? "" : "s",
		plan->counts[SEV_CRITICAL], plan->counts[SEV_MAJOR],
		plan->counts[SEV_MINOR]);

	n = collect(plan, items, ITEMS_MAX);
	for (size_t i = 0; i < n; i++) {
		size_t w = utf8_width(items[i].name.buf);

		if (w > width && w <= NAME_COLUMN_MAX)
			width = w;
	}
	for (size_t i = 0; i < n; i++) {
		enum severity sev = items[i].st->severity;

		fputs("  ", out);
		put_severity(out, sev, color);
		put_padded(out, "", strlen("critical") - strlen(severity_name(sev)));
		fputs("  ", out);
		put_padded(out, items[i].name.buf, width);
		fprintf(out, "  %s\n", items[i].reason.buf);
		strbuf_release(&items[i].name);
		strbuf_release(&items[i].reason);
	}
	if (serious > n)
		fprintf(out, "  ... and %zu more critical or major change%s: see the script\n",
			serious - n, serious - n == 1 ? "" : "s");
}
