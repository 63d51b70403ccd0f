/* helpers.c: building snapshots and reading plans, shared by the unit tests. */
#include <string.h>

#include "helpers.h"

struct object *test_object(struct snapshot *s, enum obj_kind kind,
			   const char *schema, const char *name,
			   struct object *parent, const char *const *facts)
{
	struct attr attrs[16] = { { NULL, NULL } };
	size_t n = 0;

	for (; facts && facts[2 * n]; n++) {
		attrs[n].name = facts[2 * n];
		attrs[n].value = facts[2 * n + 1];
	}
	return snapshot_add(s, kind, schema, name, parent, attrs, n, NULL);
}

long plan_position(const struct plan *p, const char *sql_prefix)
{
	for (size_t i = 0; i < p->nstmts; i++)
		if (!strncmp(p->stmts[i]->sql, sql_prefix, strlen(sql_prefix)))
			return (long)i;
	return -1;
}

int plan_runs_before(const struct plan *p, const char *first, const char *then)
{
	long a = plan_position(p, first), b = plan_position(p, then);
	return a >= 0 && b >= 0 && a < b;
}
