/* migrations.h: schema files and migration directories, applied in version order. */
#ifndef PGDIFF_MIGRATIONS_H
#define PGDIFF_MIGRATIONS_H

#include <stddef.h>

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

/* The naming conventions a directory's migrations may follow (one per directory). */
enum migration_naming {
	NAMING_NUMBERED,	/* 001_init.sql, 20240101120000_x.sql: dbmate, Supabase, plain */
	NAMING_UP_DOWN,		/* 20240101120000_x.up.sql: golang-migrate */
	NAMING_FLYWAY,		/* V1__x.sql, V1.1__x.sql, R__x.sql */
	NAMING_PRISMA		/* 20240101120000_x/migration.sql */
};

struct migration {
	char *path;		/* the file, as messages name it */
	char *name;		/* its directory entry */
	char *version;		/* digits and dots; NULL: a Flyway repeatable */
	enum migration_naming naming;
};

struct migration_list {
	struct migration *items;
	size_t n, alloc;
	char *dir;		/* the directory read: DIR, or DIR/supabase/migrations ... */
};

#define MIGRATION_LIST_INIT { NULL, 0, 0, NULL }

/*
 * Lists the migrations of dir, or of its supabase/migrations or
 * prisma/migrations when it is a project's root, in the order they apply:
 * by version, then Flyway's repeatables by name.  Returns 0, or
 * EXIT_BAD_INPUT with err naming the files when versions repeat, naming
 * conventions mix, or files follow no convention and are not clearly
 * something else (README, *.md, *.down.sql ...).
 */
int migrations_list(const char *dir, struct migration_list *list,
		    struct strbuf *err);
void migration_list_release(struct migration_list *list);

/* Dotted numeric versions: 2 < 10, 1.2 < 1.10, 001 == 1, 1 == 1.0. */
int version_compare(const char *a, const char *b);
/* Names with runs of digits compared as numbers: a2 < a10. */
int natural_compare(const char *a, const char *b);

/*
 * dbmate keeps both directions in one file, after "-- migrate:up" and
 * "-- migrate:down" lines.  Sets [*start, *end) to the part to apply and
 * *first_line to its first line (all of text, from line 1, without
 * markers), and *no_transaction for "transaction:false".  Returns -1 with
 * err when there is a down part but no up part.
 */
int migration_up_part(const char *text, size_t len, size_t *start,
		      size_t *end, unsigned *first_line, int *no_transaction,
		      struct strbuf *err);

#endif
