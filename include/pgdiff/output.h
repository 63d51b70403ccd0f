/* output.h: writing a plan for people and programs. */
#ifndef PGDIFF_OUTPUT_H
#define PGDIFF_OUTPUT_H

#include <stdio.h>

#include "pgdiff/plan.h"

/*
 * Writes the plan as an SQL script: a header naming both sides and the
 * counts, then each statement after a comment with its severity and reason.
 * Writes nothing at all when the plan is empty.
 */
void output_sql(FILE *out, const struct plan *plan);

/* One warning line per side listing the objects pgdiff does not handle. */
void warn_unhandled(const char *side, const struct snapshot *snap);

#endif
