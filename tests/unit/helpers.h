/* helpers.h: building snapshots and reading plans, shared by the unit tests. */
#ifndef PGDIFF_TEST_HELPERS_H
#define PGDIFF_TEST_HELPERS_H

#include "pgdiff/model.h"
#include "pgdiff/plan.h"

/* Adds an object whose facts are NULL-terminated name, value pairs. */
struct object *test_object(struct snapshot *s, enum obj_kind kind,
			   const char *schema, const char *name,
			   struct object *parent, const char *const *facts);
/* The index of the first statement starting with sql_prefix, or -1. */
long plan_position(const struct plan *p, const char *sql_prefix);
/* Whether both statements are there and first runs before then. */
int plan_runs_before(const struct plan *p, const char *first, const char *then);

#endif
