/* scratch.c: uniquely named empty databases, dropped on every exit path. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "pgdiff/catalog.h"
#include "pgdiff/cluster.h"
#include "pgdiff/proc.h"
#include "pgdiff/quote.h"
#include "pgdiff/scratch.h"
#include "pgdiff/util.h"

/* A cleanup action must not wait long for a server that went away. */
#define DROP_CONNECT_TIMEOUT "10"

struct scratch {
	char *dbname;
	char *conninfo;		/* the scratch database */
	char *admin;		/* another database of the server, to drop it from */
	char *description;
	int own_cluster;	/* in the throwaway cluster, which goes whole */
	int force;		/* DROP DATABASE ... WITH (FORCE): servers from 13 */
	int handle;		/* the drop's cleanup registration; -1: none */
};

/* Appends " key='value'" to a conninfo string, quoted as libpq reads it. */
static void conninfo_add(struct strbuf *sb, const char *key, const char *value)
{
	if (sb->len)
		strbuf_addch(sb, ' ');
	strbuf_addf(sb, "%s='", key);
	for (const char *p = value; *p; p++) {
		if (*p == '\'' || *p == '\\')
			strbuf_addch(sb, '\\');
		strbuf_addch(sb, *p);
	}
	strbuf_addch(sb, '\'');
}

/* libpq's message on one line, without "connection to server ... failed:" and severity. */
static void add_message(struct strbuf *sb, const char *msg)
{
	const char *end = msg + strcspn(msg, "\n"), *failed = strstr(msg, "failed: ");

	if (failed && failed < end)
		msg = failed + strlen("failed: ");
	if (!strncmp(msg, "ERROR:  ", 8) || !strncmp(msg, "FATAL:  ", 8))
		msg += 8;
	while (end > msg && end[-1] == ' ')
		end--;
	strbuf_add(sb, msg, (size_t)(end - msg));
}

/* pgdiff_scratch_<pid>_<random>: unique across runs, threads and servers. */
static char *make_name(void)
{
	static unsigned counter;
	struct strbuf sb = STRBUF_INIT;
	unsigned int r = 0;
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);

	if (fd < 0 || read(fd, &r, sizeof(r)) != (ssize_t)sizeof(r)) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		r = (unsigned int)ts.tv_nsec ^ (unsigned int)ts.tv_sec ^
		    (++counter << 24);
	}
	if (fd >= 0)
		close(fd);
	strbuf_addf(&sb, "pgdiff_scratch_%ld_%08x", (long)getpid(), r);
	return strbuf_detach(&sb);
}

/*
 * Array entries before the expanded conninfo yield to it: a timeout the
 * user gave wins over ours.
 */
static PGconn *connect_to(const char *conninfo, int bounded)
{
	const char *keys[] = { "connect_timeout", "application_name", "dbname",
			       NULL };
	const char *values[] = { DROP_CONNECT_TIMEOUT, "pgdiff", conninfo, NULL };

	return PQconnectdbParams(keys + !bounded, values + !bounded, 1);
}

static void drop_database(struct scratch *s, int report)
{
	struct strbuf sql = STRBUF_INIT;
	PGconn *conn = connect_to(s->admin, 1);
	PGresult *res = NULL;

	/* the build command's sessions may linger: FORCE ends them */
	strbuf_adds(&sql, "DROP DATABASE IF EXISTS ");
	quote_ident(&sql, s->dbname);
	if (s->force)
		strbuf_adds(&sql, " WITH (FORCE)");
	if (PQstatus(conn) == CONNECTION_OK)
		res = PQexec(conn, sql.buf);
	if (report && PQresultStatus(res) != PGRES_COMMAND_OK) {
		struct strbuf msg = STRBUF_INIT;
		add_message(&msg, res ? PQresultErrorMessage(res)
				      : PQerrorMessage(conn));
		warning("cannot drop scratch database '%s' on \"%s\": %s",
			s->dbname, s->description, msg.buf);
		strbuf_release(&msg);
	}
	PQclear(res);
	PQfinish(conn);
	strbuf_release(&sql);
}

/* A cleanup action: pgdiff is exiting or was interrupted. */
static void drop_action(void *arg)
{
	drop_database(arg, 0);
}

static void scratch_free(struct scratch *s)
{
	free(s->dbname);
	free(s->conninfo);
	free(s->admin);
	free(s->description);
	free(s);
}

/* The throwaway cluster: the database goes with it, no drop of its own. */
static int open_in_cluster(struct scratch *s, const struct scratch_options *options,
			   struct strbuf *create, struct strbuf *err)
{
	struct strbuf base = STRBUF_INIT, sb = STRBUF_INIT, port = STRBUF_INIT;
	struct cluster_info info;
	int status = cluster_acquire(options, &info, err);

	if (status)
		return status;
	s->own_cluster = 1;
	strbuf_addf(&port, "%d", CLUSTER_PORT);
	conninfo_add(&base, "host", info.socket_dir);
	/* empty, so that a PGHOSTADDR in the environment cannot redirect us */
	conninfo_add(&base, "hostaddr", "");
	conninfo_add(&base, "port", port.buf);
	conninfo_add(&base, "user", CLUSTER_USER);
	strbuf_adds(&sb, base.buf);
	conninfo_add(&sb, "dbname", "postgres");
	s->admin = strbuf_detach(&sb);
	strbuf_adds(&sb, base.buf);
	conninfo_add(&sb, "dbname", s->dbname);
	s->conninfo = strbuf_detach(&sb);
	strbuf_addf(&sb, "throwaway cluster in %s", info.socket_dir);
	s->description = strbuf_detach(&sb);
	/* with fsync off, copying the files beats WAL-logging every block */
	if (info.major >= 15)
		strbuf_adds(create, " STRATEGY FILE_COPY");
	strbuf_release(&base);
	strbuf_release(&port);
	return 0;
}

/*
 * The conninfo of the database named dbname on the server conn reached:
 * what the user wrote, with the host, port and user conn actually used.
 */
static char *server_conninfo(const char *spec, PGconn *conn,
			     const char *dbname)
{
	static const char *const resolved[] = { "dbname", "host", "hostaddr",
						"port", "user", NULL };
	PQconninfoOption *opts = PQconninfoParse(spec, NULL);
	struct strbuf sb = STRBUF_INIT;
	int had_hostaddr = 0;

	for (PQconninfoOption *o = opts; o && o->keyword; o++) {
		int skip = 0;

		if (!o->val || !*o->val)
			continue;
		for (int i = 0; resolved[i]; i++)
			skip |= !strcmp(o->keyword, resolved[i]);
		had_hostaddr |= !strcmp(o->keyword, "hostaddr");
		if (!skip)
			conninfo_add(&sb, o->keyword, o->val);
	}
	PQconninfoFree(opts);
	if (PQhost(conn) && *PQhost(conn))
		conninfo_add(&sb, "host", PQhost(conn));
	if (had_hostaddr && PQhostaddr(conn) && *PQhostaddr(conn))
		conninfo_add(&sb, "hostaddr", PQhostaddr(conn));
	if (PQport(conn) && *PQport(conn))
		conninfo_add(&sb, "port", PQport(conn));
	conninfo_add(&sb, "user", PQuser(conn));
	conninfo_add(&sb, "dbname", dbname);
	return strbuf_detach(&sb);
}

static int open_on_server(struct scratch *s, const char *server,
			  struct strbuf *create, struct strbuf *err)
{
	PGconn *conn = connect_to(server, 0);
	struct strbuf sb = STRBUF_INIT;

	if (PQstatus(conn) != CONNECTION_OK) {
		char *shown = conn_display(server);
		strbuf_addf(err, "cannot reach the scratch server \"%s\": ", shown);
		add_message(err, PQerrorMessage(conn));
		free(shown);
		PQfinish(conn);
		return EXIT_UNREACHABLE;
	}
	s->admin = server_conninfo(server, conn, PQdb(conn));
	s->conninfo = server_conninfo(server, conn, s->dbname);
	strbuf_addf(&sb, "%s:%s", PQhost(conn), PQport(conn));
	s->description = strbuf_detach(&sb);
	s->force = PQserverVersion(conn) >= 130000;
	PQfinish(conn);
	/*
	 * template0 holds nothing a server's administrator added to template1;
	 * UTF8 and C always go together, whatever the server's locale.
	 */
	strbuf_adds(create, " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
	/* registered first: an interrupted CREATE DATABASE may still commit */
	s->handle = proc_cleanup_register(drop_action, s);
	return 0;
}

struct scratch *scratch_open(const struct scratch_options *options,
			     struct strbuf *err, int *status)
{
	struct scratch *s = xcalloc(1, sizeof(*s));
	struct strbuf create = STRBUF_INIT;
	PGconn *conn = NULL;
	PGresult *res = NULL;

	s->handle = -1;
	s->dbname = make_name();
	strbuf_adds(&create, "CREATE DATABASE ");
	quote_ident(&create, s->dbname);
	if (options->server)
		*status = open_on_server(s, options->server, &create, err);
	else
		*status = open_in_cluster(s, options, &create, err);
	if (*status)
		goto fail;
	conn = connect_to(s->admin, 0);
	if (PQstatus(conn) == CONNECTION_OK)
		res = PQexec(conn, create.buf);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		strbuf_addf(err, "cannot create a scratch database on \"%s\": ",
			    s->description);
		add_message(err, res ? PQresultErrorMessage(res)
				     : PQerrorMessage(conn));
		*status = EXIT_UNREACHABLE;
	}
	PQclear(res);
	PQfinish(conn);
	strbuf_release(&create);
	if (!*status)
		return s;
	scratch_close(s);
	return NULL;
fail:
	strbuf_release(&create);
	scratch_free(s);
	return NULL;
}

const char *scratch_conninfo(const struct scratch *s)
{
	return s->conninfo;
}

const char *scratch_describe(const struct scratch *s)
{
	return s->description;
}

void scratch_close(struct scratch *s)
{
	if (!s)
		return;
	if (s->own_cluster) {
		cluster_release();
	} else {
		drop_database(s, 1);
		proc_cleanup_done(s->handle);
	}
	scratch_free(s);
}
