/* sqlsplit.h: cuts an SQL file into statements as psql would, with no server. */
#ifndef PGDIFF_SQLSPLIT_H
#define PGDIFF_SQLSPLIT_H

#include <stddef.h>

#include "pgdiff/strbuf.h"

enum stmt_flag {
	STMT_COPY_IN = 1 << 0,		/* COPY ... FROM STDIN: rows follow it */
	STMT_NO_TRANSACTION = 1 << 1,	/* cannot run in a transaction block */
	STMT_TRANSACTION = 1 << 2	/* BEGIN, COMMIT, ROLLBACK, ... */
};

struct sql_stmt {
	size_t start, end;	/* the text, through its semicolon if any */
	unsigned line;		/* the line of its first token */
	unsigned flags;		/* enum stmt_flag */
	/* STMT_COPY_IN: the rows, without the terminating \. line */
	size_t data_start, data_end;
	unsigned data_line;	/* the line of the first row */
};

struct sql_script {
	struct sql_stmt *stmts;
	size_t n, alloc;
	unsigned flags;		/* every statement's flags, or-ed */
};

#define SQL_SCRIPT_INIT { NULL, 0, 0, 0 }

/*
 * Splits text[0..len) at semicolons outside quotes, dollar quotes,
 * comments, parentheses and BEGIN ATOMIC bodies; the rows of a COPY ...
 * FROM STDIN run to a line holding only "\.".  Lines count from
 * first_line.  A backslash outside all of these is a psql meta-command,
 * which the server cannot run: returns -1 with *bad_line and err saying
 * which.  (pg_dump's \restrict and \unrestrict lines between statements
 * are skipped.)  Otherwise appends to script and returns 0.
 */
int sql_split(struct sql_script *script, const char *text, size_t len,
	      unsigned first_line, unsigned *bad_line, struct strbuf *err);
void sql_script_release(struct sql_script *script);

#endif
