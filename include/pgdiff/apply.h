/* apply.h: runs SQL files against a scratch database, one statement at a time. */
#ifndef PGDIFF_APPLY_H
#define PGDIFF_APPLY_H

#include <stddef.h>

#include "pgdiff/strbuf.h"

struct applier;		/* opaque: a session on the database */

/* Connects to conninfo; NULL with err and *status an exit status on failure. */
struct applier *applier_open(const char *conninfo, int verbose,
			     struct strbuf *err, int *status);
/*
 * Runs text[0..len), whose lines count from first_line, as the file path:
 * in one transaction, unless no_transaction is set or a statement cannot
 * run in one or the file controls transactions itself; each file starts
 * with a fresh session state.  Returns 0, or EXIT_BAD_INPUT with err as
 * "path:line: SQLSTATE message", line being where the failing statement
 * (or COPY row) starts.
 */
int applier_run(struct applier *a, const char *path, const char *text,
		size_t len, unsigned first_line, int no_transaction,
		struct strbuf *err);
/* Statements run so far, for -v. */
size_t applier_statements(const struct applier *a);
void applier_close(struct applier *a);

#endif
