/* migrations.h: schema files and migration directories, applied in version order. */
#ifndef PGDIFF_MIGRATIONS_H
#define PGDIFF_MIGRATIONS_H

#include "pgdiff/strbuf.h"

/*
 * Applies a .sql file or a directory of migrations to the database at
 * conninfo.  Returns 0, or an exit status (EXIT_BAD_INPUT for a failing or
 * malformed migration, naming file:line) with a one-line err.
 */
int migrations_apply(const char *path, const char *conninfo, int verbose,
		     struct strbuf *err);

/*
 * Runs a shell command with DATABASE_URL and PG* pointing at conninfo,
 * its output sent to stderr.  Non-zero exit: EXIT_BAD_INPUT, err holding
 * the status and the command's last lines.
 */
int build_run(const char *command, const char *conninfo, struct strbuf *err);

#endif
