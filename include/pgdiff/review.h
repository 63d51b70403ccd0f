/* review.h: what the review outputs (report, summary, terminal) share. */
#ifndef PGDIFF_REVIEW_H
#define PGDIFF_REVIEW_H

#include "pgdiff/plan.h"
#include "pgdiff/strbuf.h"

/* One line on what a hazard means: "data stored in the database is lost". */
const char *hazard_reason(enum hazard hz);

/* "critical drift: some changes can lose data or break running code" */
const char *review_verdict(enum severity worst);

/*
 * Walks the names of struct unhandled ("public.a, public.f(integer, text)"):
 * splits at ", " outside parentheses and double quotes.
 */
struct unhandled_names {
	const char *rest;
	struct strbuf name;
};

void unhandled_names_init(struct unhandled_names *it, const char *names);
/* The next name (valid until the next call), or NULL at the end. */
const char *unhandled_names_next(struct unhandled_names *it);
void unhandled_names_release(struct unhandled_names *it);

#endif
