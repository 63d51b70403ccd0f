/* review.c: the hazard reasons, verdicts and name lists the review outputs share. */
#include "pgdiff/review.h"
#include "pgdiff/util.h"

/* What each hazard means for whoever runs the statement, in one line. */
static const struct {
	enum hazard hazard;
	const char *reason;
} hazard_reasons[HZ_COUNT] = {
	{ HZ_DATA_LOSS, "data stored in the database is lost" },
	{ HZ_BREAKS_DEPENDENTS,
	  "code or objects that rely on the object break or lose a guarantee" },
	{ HZ_TABLE_REWRITE,
	  "the table is rewritten; it is locked for the whole rewrite" },
	{ HZ_MAY_FAIL, "fails if an existing row does not fit" },
	{ HZ_EXCLUSIVE_LOCK,
	  "holds an ACCESS EXCLUSIVE lock: reads and writes wait until it ends" },
	{ HZ_SLOWER_QUERIES, "queries can become slower, at least for a while" },
	{ HZ_NOT_TRANSACTIONAL, "cannot run inside a transaction block" },
};

const char *hazard_reason(enum hazard hz)
{
	for (size_t i = 0; i < HZ_COUNT; i++)
		if (hazard_reasons[i].hazard == hz)
			return hazard_reasons[i].reason;
	BUG("no reason for hazard %d", (int)hz);
}

const char *review_verdict(enum severity worst)
{
	switch (worst) {
	case SEV_NONE:
		return "no drift: the schemas do not differ";
	case SEV_MINOR:
		return "minor drift: every change is safe to run";
	case SEV_MAJOR:
		return "major drift: some changes need planning: "
		       "locks, rewrites, or checks that can fail";
	case SEV_CRITICAL:
		return "critical drift: some changes can lose data or break running code";
	}
	BUG("bad severity %d", (int)worst);
}

void unhandled_names_init(struct unhandled_names *it, const char *names)
{
	it->rest = names ? names : "";
	strbuf_init(&it->name);
}

const char *unhandled_names_next(struct unhandled_names *it)
{
	const char *p = it->rest;
	int depth = 0, quoted = 0;

	if (!*p)
		return NULL;
	for (; *p; p++) {
		if (*p == '"')
			quoted = !quoted;	/* "" inside a name toggles twice */
		else if (quoted)
			continue;
		else if (*p == '(')
			depth++;
		else if (*p == ')' && depth > 0)
			depth--;
		else if (!depth && p[0] == ',' && p[1] == ' ')
			break;
	}
	strbuf_reset(&it->name);
	strbuf_add(&it->name, it->rest, (size_t)(p - it->rest));
	it->rest = *p ? p + 2 : p;
	return it->name.buf;
}

void unhandled_names_release(struct unhandled_names *it)
{
	strbuf_release(&it->name);
	it->rest = "";
}
