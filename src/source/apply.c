/*
 * apply.c: runs a file's statements one by one (so that an error names its
 * line), with COPY rows sent as COPY data, in a transaction per file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <libpq-fe.h>

#include "pgdiff/apply.h"
#include "pgdiff/migrations.h"
#include "pgdiff/sqlsplit.h"
#include "pgdiff/utf8.h"
#include "pgdiff/util.h"

/* PQputCopyData takes an int; rows go in pieces of this size. */
#define COPY_CHUNK (1024 * 1024)

struct applier {
	PGconn *conn;
	int verbose;
	const char *path;	/* the file being run, for notices */
	size_t nstatements;
	int nfiles;
};

/* Migrations chatter (DROP ... IF EXISTS); only -v wants to hear it. */
static void on_notice(void *arg, const char *message)
{
	struct applier *a = arg;

	if (a->verbose)
		fprintf(stderr, "pgdiff: %s: %s", a->path ? a->path : "",
			message);
}

struct applier *applier_open(const char *conninfo, int verbose,
			     struct strbuf *err, int *status)
{
	const char *keys[] = { "dbname", "client_encoding", "application_name",
			       NULL };
	const char *values[] = { conninfo, "UTF8", "pgdiff", NULL };
	struct applier *a = xcalloc(1, sizeof(*a));

	a->verbose = verbose;
	a->conn = PQconnectdbParams(keys, values, 1);
	if (PQstatus(a->conn) != CONNECTION_OK) {
		const char *msg = PQerrorMessage(a->conn);
		strbuf_addf(err, "cannot connect to the scratch database: %.*s",
			    (int)strcspn(msg, "\n"), msg);
		*status = EXIT_UNREACHABLE;
		applier_close(a);
		return NULL;
	}
	PQsetNoticeProcessor(a->conn, on_notice, a);
	return a;
}

void applier_close(struct applier *a)
{
	if (!a)
		return;
	PQfinish(a->conn);
	free(a);
}

size_t applier_statements(const struct applier *a)
{
	return a->nstatements;
}

/* After COPY: the command's own result, or its first error. */
static PGresult *final_result(PGconn *conn)
{
	PGresult *keep = NULL, *r;

	while ((r = PQgetResult(conn))) {
		if (!keep || PQresultStatus(keep) != PGRES_FATAL_ERROR) {
			PQclear(keep);
			keep = r;
		} else {
			PQclear(r);
		}
	}
	return keep;
}

static int send_copy_data(PGconn *conn, const char *data, size_t len)
{
	while (len) {
		size_t n = len < COPY_CHUNK ? len : COPY_CHUNK;
		if (PQputCopyData(conn, data, (int)n) != 1)
			return -1;
		data += n;
		len -= n;
	}
	return 0;
}

/* "COPY t, line 3": the row's line in the file, else the statement's. */
static unsigned error_line(const PGresult *res, const struct sql_stmt *st)
{
	const char *ctx = PQresultErrorField(res, PG_DIAG_CONTEXT);
	const char *at = ctx ? strstr(ctx, ", line ") : NULL;

	if (!(st->flags & STMT_COPY_IN) || !at || strncmp(ctx, "COPY ", 5))
		return st->line;
	return st->data_line + (unsigned)strtoul(at + 7, NULL, 10) - 1;
}

/* "path:line: SQLSTATE message" (or "path: where: ..."), on one line. */
static void add_error(struct strbuf *err, const char *path, unsigned line,
		      const char *where, const PGresult *res, PGconn *conn)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;

	if (where)
		strbuf_addf(err, "%s: %s: ", path, where);
	else
		strbuf_addf(err, "%s:%u: ", path, line);
	if (state)
		strbuf_addf(err, "%s ", state);
	if (!msg)
		msg = PQerrorMessage(conn);
	strbuf_add(err, msg, strcspn(msg, "\n"));
}

static int ok_status(ExecStatusType st)
{
	return st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK ||
	       st == PGRES_EMPTY_QUERY;
}

static PGresult *run_statement(struct applier *a, const char *text,
			       const struct sql_stmt *st, struct strbuf *sql)
{
	PGresult *res;

	strbuf_reset(sql);
	strbuf_add(sql, text + st->start, st->end - st->start);
	res = PQexec(a->conn, sql->buf);
	a->nstatements++;
	switch (PQresultStatus(res)) {
	case PGRES_COPY_IN:
		PQclear(res);
		if (!(st->flags & STMT_COPY_IN))
			PQputCopyEnd(a->conn, "the file holds no rows for this COPY");
		else if (send_copy_data(a->conn, text + st->data_start,
					st->data_end - st->data_start) < 0)
			PQputCopyEnd(a->conn, "could not send the rows");
		else
			PQputCopyEnd(a->conn, NULL);
		return final_result(a->conn);
	case PGRES_COPY_OUT: {
		char *row;
		PQclear(res);
		while (PQgetCopyData(a->conn, &row, 0) > 0)
			PQfreemem(row);
		return final_result(a->conn);
	}
	default:
		return res;
	}
}

/* BEGIN, COMMIT, DISCARD ALL: statements of pgdiff's own, not the file's. */
static int run_own(struct applier *a, const char *sql, const char *path,
		   const char *where, struct strbuf *err)
{
	PGresult *res = PQexec(a->conn, sql);
	int status = 0;

	if (!ok_status(PQresultStatus(res))) {
		add_error(err, path, 0, where, res, a->conn);
		status = EXIT_BAD_INPUT;
	}
	PQclear(res);
	return status;
}

int applier_run(struct applier *a, const char *path, const char *text,
		size_t len, unsigned first_line, int no_transaction,
		struct strbuf *err)
{
	struct sql_script script = SQL_SCRIPT_INIT;
	struct strbuf sql = STRBUF_INIT, why = STRBUF_INIT;
	unsigned bad_line = 0;
	int wrap, status = 0;

	a->path = path;
	if (sql_split(&script, text, len, first_line, &bad_line, &why) < 0) {
		strbuf_addf(err, "%s:%u: %s", path, bad_line, why.buf);
		status = EXIT_BAD_INPUT;
		goto out;
	}
	wrap = !no_transaction &&
	       !(script.flags & (STMT_NO_TRANSACTION | STMT_TRANSACTION));
	/* as psql -f would: SET, temporary tables and roles end with the file */
	if (a->nfiles++)
		status = run_own(a, "DISCARD ALL", path,
				 "before the file (DISCARD ALL)", err);
	if (!status && wrap)
		status = run_own(a, "BEGIN", path, "before the file (BEGIN)",
				 err);
	for (size_t i = 0; !status && i < script.n; i++) {
		const struct sql_stmt *st = &script.stmts[i];
		PGresult *res = run_statement(a, text, st, &sql);

		if (!ok_status(PQresultStatus(res))) {
			add_error(err, path, error_line(res, st), NULL, res,
				  a->conn);
			status = EXIT_BAD_INPUT;
		}
		PQclear(res);
	}
	/* deferred constraints are checked here */
	if (!status && wrap)
		status = run_own(a, "COMMIT", path,
				 "at the end of the file (COMMIT)", err);
	if (!status && PQtransactionStatus(a->conn) != PQTRANS_IDLE) {
		strbuf_addf(err, "%s: the file ends inside a transaction block (BEGIN without COMMIT)",
			    path);
		status = EXIT_BAD_INPUT;
	}
out:
	a->path = NULL;
	sql_script_release(&script);
	strbuf_release(&sql);
	strbuf_release(&why);
	return status;
}

/* "-- migrate:up" and the like; *rest: what follows the marker. */
static int dbmate_marker(const char *line, size_t n, const char *which,
			 const char **rest)
{
	size_t i = 2, m = strlen(which);

	if (n < 2 || line[0] != '-' || line[1] != '-')
		return 0;
	while (i < n && (line[i] == ' ' || line[i] == '\t'))
		i++;
	if (n - i < m || memcmp(line + i, which, m))
		return 0;
	*rest = line + i + m;
	return 1;
}

int migration_up_part(const char *text, size_t len, size_t *start,
		      size_t *end, unsigned *first_line, int *no_transaction,
		      struct strbuf *err)
{
	size_t up = 0, down = len, pos = 0;
	unsigned line = 1, up_line = 0;
	int has_down = 0;

	*start = 0;
	*end = len;
	*first_line = 1;
	*no_transaction = 0;
	while (pos < len) {
		size_t eol = pos;
		const char *rest;

		while (eol < len && text[eol] != '\n')
			eol++;
		if (!up_line && dbmate_marker(text + pos, eol - pos,
					      "migrate:up", &rest)) {
			up_line = line;
			up = eol < len ? eol + 1 : eol;
			/* options on the marker's line, as dbmate reads them */
			struct strbuf opts = STRBUF_INIT;
			strbuf_add(&opts, rest, (size_t)(text + eol - rest));
			*no_transaction = !!strstr(opts.buf, "transaction:false");
			strbuf_release(&opts);
		} else if (dbmate_marker(text + pos, eol - pos,
					 "migrate:down", &rest)) {
			has_down = 1;
			if (up_line && down == len)
				down = pos;
		}
		pos = eol < len ? eol + 1 : eol;
		line++;
	}
	if (!up_line) {
		*no_transaction = 0;
		if (has_down) {
			strbuf_adds(err, "has a '-- migrate:down' section but no '-- migrate:up'");
			return -1;
		}
		return 0;
	}
	*start = up;
	*end = down;
	*first_line = up_line + 1;
	return 0;
}

struct loaded {
	char *path;
	struct strbuf text;
};

static int load_file(const char *path, struct strbuf *text, struct strbuf *err)
{
	FILE *f = fopen(path, "rb");
	char buf[65536];
	const char *nul;
	size_t n, bad;

	if (!f) {
		strbuf_addf(err, "cannot open '%s': %s", path, strerror(errno));
		return EXIT_BAD_INPUT;
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(text, buf, n);
	if (ferror(f)) {
		strbuf_addf(err, "cannot read '%s': %s", path, strerror(errno));
		fclose(f);
		return EXIT_BAD_INPUT;
	}
	fclose(f);
	if (!utf8_valid(text->buf, text->len, &bad)) {
		strbuf_addf(err, "'%s' is not valid UTF-8: bad byte sequence at byte offset %zu",
			    path, bad);
		return EXIT_BAD_INPUT;
	}
	/* a NUL would cut the statement short on its way to libpq */
	nul = memchr(text->buf, '\0', text->len);
	if (nul) {
		strbuf_addf(err, "'%s' holds a NUL byte at byte offset %zu",
			    path, (size_t)(nul - text->buf));
		return EXIT_BAD_INPUT;
	}
	return 0;
}

/* Every file is read and checked before anything runs. */
static int load_all(const char *path, struct loaded **files, size_t *nfiles,
		    struct strbuf *err)
{
	struct migration_list list = MIGRATION_LIST_INIT;
	struct stat st;
	int status = 0;

	*files = NULL;
	*nfiles = 0;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		status = migrations_list(path, &list, err);
		if (!status) {
			*files = xcalloc(list.n ? list.n : 1, sizeof(**files));
			for (size_t i = 0; i < list.n; i++)
				(*files)[i].path = xstrdup(list.items[i].path);
			*nfiles = list.n;
		}
		migration_list_release(&list);
	} else {
		*files = xcalloc(1, sizeof(**files));
		(*files)[0].path = xstrdup(path);
		*nfiles = 1;
	}
	for (size_t i = 0; i < *nfiles; i++)
		strbuf_init(&(*files)[i].text);
	for (size_t i = 0; !status && i < *nfiles; i++)
		status = load_file((*files)[i].path, &(*files)[i].text, err);
	return status;
}

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* One file: its dbmate up part, without a byte order mark. */
static int apply_one(struct applier *a, const struct loaded *f,
		     struct strbuf *err)
{
	const char *text = f->text.buf;
	size_t start, end;
	unsigned first_line;
	int no_transaction;
	struct strbuf why = STRBUF_INIT;

	if (migration_up_part(text, f->text.len, &start, &end, &first_line,
			      &no_transaction, &why) < 0) {
		strbuf_addf(err, "%s: %s", f->path, why.buf);
		strbuf_release(&why);
		return EXIT_BAD_INPUT;
	}
	strbuf_release(&why);
	if (start == 0 && f->text.len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3))
		start = 3;
	return applier_run(a, f->path, text + start, end - start, first_line,
			   no_transaction, err);
}

int migrations_apply(const char *path, const char *conninfo, int verbose,
		     struct strbuf *err)
{
	struct loaded *files;
	struct applier *a = NULL;
	size_t nfiles;
	double t0 = now_seconds();
	int status = load_all(path, &files, &nfiles, err);

	if (!status)
		a = applier_open(conninfo, verbose, err, &status);
	for (size_t i = 0; !status && i < nfiles; i++)
		status = apply_one(a, &files[i], err);
	if (!status && verbose)
		fprintf(stderr, "pgdiff: applying %zu file%s (%zu statements) from '%s' took %.3f s\n",
			nfiles, nfiles == 1 ? "" : "s", applier_statements(a),
			path, now_seconds() - t0);
	applier_close(a);
	for (size_t i = 0; i < nfiles; i++) {
		free(files[i].path);
		strbuf_release(&files[i].text);
	}
	free(files);
	return status;
}
