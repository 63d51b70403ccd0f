/*
 * build.c: --build CMD, run by /bin/sh against a scratch database named in
 * DATABASE_URL and PG*, its output passed through to stderr while the last
 * lines are kept for the error message.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "pgdiff/migrations.h"
#include "pgdiff/proc.h"
#include "pgdiff/util.h"

#define TAIL_LINES 10
/* Output kept before trimming to the last lines. */
#define TAIL_KEEP (64 * 1024)
#define POLL_MS 100
/* How long a stopped command's process group gets to exit before SIGKILL. */
#define STOP_TIMEOUT_MS 3000

extern char **environ;

/* What a build command reads, unless pgdiff sets it. */
static const char *const replaced_vars[] = {
	"DATABASE_URL", "DATABASE_URL_SQLALCHEMY", "PGHOST", "PGHOSTADDR",
	"PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD", "PGSERVICE", NULL
};

struct target {
	const char *host, *hostaddr, *port, *user, *password, *dbname, *service;
	PQconninfoOption *opts;	/* owns the strings */
};

struct job {
	volatile pid_t pid;
};

/* A cleanup action: the command and whatever it started go first. */
static void stop_job(void *arg)
{
	struct job *job = arg;
	pid_t pid = job->pid;

	job->pid = 0;
	proc_stop(pid, SIGTERM, 1, STOP_TIMEOUT_MS);
}

static void parse_target(struct target *t, const char *conninfo)
{
	memset(t, 0, sizeof(*t));
	t->opts = PQconninfoParse(conninfo, NULL);
	for (PQconninfoOption *o = t->opts; o && o->keyword; o++) {
		const char *v = o->val && *o->val ? o->val : NULL;

		if (!strcmp(o->keyword, "host")) t->host = v;
		else if (!strcmp(o->keyword, "hostaddr")) t->hostaddr = v;
		else if (!strcmp(o->keyword, "port")) t->port = v;
		else if (!strcmp(o->keyword, "user")) t->user = v;
		else if (!strcmp(o->keyword, "password")) t->password = v;
		else if (!strcmp(o->keyword, "dbname")) t->dbname = v;
		else if (!strcmp(o->keyword, "service")) t->service = v;
	}
}

/* RFC 3986: everything but the unreserved characters is %-encoded. */
static void add_escaped(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~", c))
			strbuf_addch(sb, (char)c);
		else
			strbuf_addf(sb, "%%%02X", c);
	}
}

static void add_query(struct strbuf *sb, int *nparams, const char *key,
		      const char *value)
{
	strbuf_addch(sb, (*nparams)++ ? '&' : '?');
	strbuf_addf(sb, "%s=", key);
	add_escaped(sb, value);
}

/*
 * scheme://user:password@host:port/dbname?...; a socket directory goes in
 * the query (?host=/dir&port=N), the form both libpq and SQLAlchemy read.
 */
static void add_url(struct strbuf *sb, const char *scheme, const struct target *t)
{
	int socket = t->host && t->host[0] == '/';
	int nparams = 0;

	strbuf_addf(sb, "%s://", scheme);
	if (t->user) {
		add_escaped(sb, t->user);
		if (t->password) {
			strbuf_addch(sb, ':');
			add_escaped(sb, t->password);
		}
		strbuf_addch(sb, '@');
	}
	if (t->host && !socket) {
		if (strchr(t->host, ':'))
			strbuf_addf(sb, "[%s]", t->host);
		else
			add_escaped(sb, t->host);
		if (t->port)
			strbuf_addf(sb, ":%s", t->port);
	}
	strbuf_addch(sb, '/');
	if (t->dbname)
		add_escaped(sb, t->dbname);
	if (socket) {
		add_query(sb, &nparams, "host", t->host);
		if (t->port)
			add_query(sb, &nparams, "port", t->port);
	}
	for (PQconninfoOption *o = t->opts; o && o->keyword; o++) {
		static const char *const in_url[] = { "host", "port", "user",
						      "password", "dbname", NULL };
		int skip = !o->val || !*o->val;

		for (int i = 0; !skip && in_url[i]; i++)
			skip = !strcmp(o->keyword, in_url[i]);
		if (!skip)
			add_query(sb, &nparams, o->keyword, o->val);
	}
}

static void add_var(char ***envp, size_t *n, size_t *alloc, const char *name,
		    const char *value)
{
	struct strbuf sb = STRBUF_INIT;

	if (!value)
		return;
	strbuf_addf(&sb, "%s=%s", name, value);
	ALLOC_GROW(*envp, *n + 1, *alloc);
	(*envp)[(*n)++] = strbuf_detach(&sb);
}

/* pgdiff's environment without the variables above, then the scratch database's. */
static char **make_env(const struct target *t)
{
	struct strbuf url = STRBUF_INIT;
	char **envp = NULL;
	size_t n = 0, alloc = 0;

	for (char **e = environ; *e; e++) {
		int replaced = 0;
		for (int i = 0; replaced_vars[i]; i++) {
			size_t len = strlen(replaced_vars[i]);
			replaced |= !strncmp(*e, replaced_vars[i], len) &&
				    (*e)[len] == '=';
		}
		/* a password from pgdiff's own environment still applies */
		if (replaced && !t->password && !strncmp(*e, "PGPASSWORD=", 11))
			replaced = 0;
		if (!replaced) {
			ALLOC_GROW(envp, n + 1, alloc);
			envp[n++] = xstrdup(*e);
		}
	}
	add_url(&url, "postgresql", t);
	add_var(&envp, &n, &alloc, "DATABASE_URL", url.buf);
	strbuf_reset(&url);
	add_url(&url, "postgresql+psycopg", t);
	add_var(&envp, &n, &alloc, "DATABASE_URL_SQLALCHEMY", url.buf);
	add_var(&envp, &n, &alloc, "PGHOST", t->host);
	add_var(&envp, &n, &alloc, "PGHOSTADDR", t->hostaddr);
	add_var(&envp, &n, &alloc, "PGPORT", t->port);
	add_var(&envp, &n, &alloc, "PGDATABASE", t->dbname);
	add_var(&envp, &n, &alloc, "PGUSER", t->user);
	add_var(&envp, &n, &alloc, "PGPASSWORD", t->password);
	add_var(&envp, &n, &alloc, "PGSERVICE", t->service);
	ALLOC_GROW(envp, n + 1, alloc);
	envp[n] = NULL;
	strbuf_release(&url);
	return envp;
}

static void free_env(char **envp)
{
	for (char **e = envp; *e; e++)
		free(*e);
	free(envp);
}

/* Keeps the last n lines of sb (a final newline ends the last one). */
static void keep_last_lines(struct strbuf *sb, int n)
{
	size_t i = sb->len;
	int lines = 0;

	if (i && sb->buf[i - 1] == '\n')
		i--;
	while (i > 0) {
		if (sb->buf[i - 1] == '\n' && ++lines == n)
			break;
		i--;
	}
	if (i > 0) {
		memmove(sb->buf, sb->buf + i, sb->len - i);
		strbuf_setlen(sb, sb->len - i);
	}
}

static void pass_through(const char *buf, size_t n)
{
	while (n) {
		ssize_t w = write(2, buf, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		buf += w;
		n -= (size_t)w;
	}
}

/* Returns 0 at end of output, 1 after reading some, -1 when nothing is ready. */
static int read_some(int fd, struct strbuf *tail, int timeout_ms)
{
	struct pollfd p = { fd, POLLIN, 0 };
	char buf[8192];
	ssize_t n;

	if (poll(&p, 1, timeout_ms) <= 0)
		return -1;
	n = read(fd, buf, sizeof(buf));
	if (n < 0)
		return errno == EINTR || errno == EAGAIN ? -1 : 0;
	if (n == 0)
		return 0;
	pass_through(buf, (size_t)n);
	strbuf_add(tail, buf, (size_t)n);
	if (tail->len > TAIL_KEEP)
		keep_last_lines(tail, TAIL_LINES);
	return 1;
}

/*
 * Reads until the output ends or the shell exits; a background job that
 * keeps the pipe open must not keep pgdiff waiting.
 */
static int collect(pid_t pid, int fd, struct strbuf *tail)
{
	int status, r;

	for (;;) {
		r = read_some(fd, tail, POLL_MS);
		if (r == 0)
			return proc_wait(pid);
		if (r < 0 && waitpid(pid, &status, WNOHANG) == pid) {
			while (read_some(fd, tail, 0) > 0)
				;
			return status;
		}
	}
}

static void report_failure(struct strbuf *err, const char *command,
			   int status, struct strbuf *tail)
{
	strbuf_addf(err, "build command '%s' %s ", command,
		    status >= 0 && WIFSIGNALED(status) ? "was killed by" :
		    "failed with");
	proc_describe_status(err, status);
	if (status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 127)
		strbuf_adds(err, " (command not found?)");
	keep_last_lines(tail, TAIL_LINES);
	if (!tail->len) {
		strbuf_adds(err, "; it printed nothing");
		return;
	}
	strbuf_addf(err, "; its last lines of output:\n%s", tail->buf);
	strbuf_strip_suffix(err, "\n");
}

int build_run(const char *command, const char *conninfo, struct strbuf *err)
{
	char *argv[] = { "/bin/sh", "-c", (char *)command, NULL };
	struct proc_spec spec = { 0 };
	struct strbuf tail = STRBUF_INIT;
	struct target target;
	struct job job = { 0 };
	char **envp;
	int fds[2], handle, status;
	pid_t pid;

	parse_target(&target, conninfo);
	envp = make_env(&target);
	if (proc_pipe(fds) < 0) {
		strbuf_addf(err, "cannot run the build command: %s",
			    strerror(errno));
		status = EXIT_INTERNAL;
		goto out;
	}
	spec.path = argv[0];
	spec.argv = argv;
	spec.envp = envp;
	spec.out_fd = fds[1];
	handle = proc_cleanup_register(stop_job, &job);
	if (proc_spawn(&spec, &job.pid, err) < 0) {
		proc_cleanup_done(handle);
		close(fds[0]);
		close(fds[1]);
		status = EXIT_INTERNAL;
		goto out;
	}
	close(fds[1]);
	/*
	 * A copy: a cleanup action on another thread zeroes job.pid, and
	 * kill(-0) would signal pgdiff's own process group.
	 */
	pid = job.pid;
	status = pid > 0 ? collect(pid, fds[0], &tail) : -1;
	/* what it left running in the background goes too */
	if (pid > 0)
		kill(-pid, SIGTERM);
	job.pid = 0;
	proc_cleanup_done(handle);
	close(fds[0]);
	if (status != 0) {
		report_failure(err, command, status, &tail);
		status = EXIT_BAD_INPUT;
	}
out:
	free_env(envp);
	PQconninfoFree(target.opts);
	strbuf_release(&tail);
	return status;
}
