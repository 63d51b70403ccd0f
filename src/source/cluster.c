/*
 * cluster.c: the throwaway local cluster, started once per run and shared
 * by both sides.  Its state is process state on purpose: the cleanup
 * action that stops it may run from a signal handler, on any thread.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <libpq-fe.h>

#include "pgdiff/cluster.h"
#include "pgdiff/proc.h"
#include "pgdiff/util.h"

/* A Unix socket path holds about 107 bytes; the socket is DIR/.s.PGSQL.5432. */
#define MAX_DIR 90
#define DIR_TEMPLATE "pgdiff-scratch-XXXXXX"
#define READY_TIMEOUT_MS 60000
#define STOP_TIMEOUT_MS 10000
/* Below this much free space, /dev/shm is left alone (containers give 64MB). */
#define SHM_MIN_FREE (1024.0 * 1024 * 1024)

static struct {
	pthread_mutex_t lock;
	int refs;
	int handle;			/* the cleanup registration */
	int major;
	char dir[MAX_DIR + 1];		/* the temporary directory and socket */
	volatile pid_t child;		/* initdb, then the postmaster */
	volatile int stop_signal;	/* how to stop child */
	volatile int stop_group;	/* signal its whole process group */
} cluster = { PTHREAD_MUTEX_INITIALIZER, 0, -1, 0, "", 0, 0, 0 };

/* The server's account: PostgreSQL refuses to run as root. */
struct account {
	int switch_user;
	uid_t uid;
	gid_t gid;
};

/* A cleanup action: immediate shutdown, then the directory goes. */
static void cluster_remove(void *arg)
{
	pid_t pid = cluster.child;

	(void)arg;
	if (pid > 0)
		proc_stop(pid, cluster.stop_signal, cluster.stop_group,
			  STOP_TIMEOUT_MS);
	cluster.child = 0;
	if (cluster.dir[0])
		remove_tree(cluster.dir);
	cluster.dir[0] = '\0';
}

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int server_account(struct account *acct, struct strbuf *err)
{
	struct passwd pw, *found = NULL;
	char buf[4096];

	acct->switch_user = geteuid() == 0;
	if (!acct->switch_user)
		return 0;
	if (getpwnam_r(CLUSTER_USER, &pw, buf, sizeof(buf), &found) != 0 ||
	    !found) {
		strbuf_adds(err, "PostgreSQL will not run as root and there is no 'postgres' account to run it as; run pgdiff as a normal user or give --scratch URL");
		return EXIT_UNREACHABLE;
	}
	acct->uid = pw.pw_uid;
	acct->gid = pw.pw_gid;
	return 0;
}

/* Whether the account can reach a directory under path (ignoring extra groups). */
static int reachable(const char *path, const struct account *acct)
{
	struct strbuf prefix = STRBUF_INIT;
	const char *p = path;
	int ok = 1;

	if (!acct->switch_user)
		return 1;
	while (ok && *p) {
		struct stat st;
		const char *next = strchr(p + 1, '/');
		size_t n = next ? (size_t)(next - path) : strlen(path);

		strbuf_reset(&prefix);
		strbuf_add(&prefix, path, n ? n : 1);
		if (stat(prefix.buf, &st) < 0)
			ok = 0;
		else if (st.st_uid == acct->uid)
			ok = (st.st_mode & S_IXUSR) != 0;
		else if (st.st_gid == acct->gid)
			ok = (st.st_mode & S_IXGRP) != 0;
		else
			ok = (st.st_mode & S_IXOTH) != 0;
		if (!next)
			break;
		p = next;
	}
	strbuf_release(&prefix);
	return ok;
}

/* TMPDIR if usable, else /dev/shm when it has room (initdb is faster there), else /tmp. */
static const char *temp_base(const struct account *acct)
{
	const char *tmpdir = getenv("TMPDIR");
	struct statvfs vfs;

	if (tmpdir && tmpdir[0] == '/' &&
	    strlen(tmpdir) + 1 + strlen(DIR_TEMPLATE) <= MAX_DIR &&
	    access(tmpdir, W_OK | X_OK) == 0 && reachable(tmpdir, acct))
		return tmpdir;
	if (statvfs("/dev/shm", &vfs) == 0 &&
	    (double)vfs.f_bavail * (double)vfs.f_frsize >= SHM_MIN_FREE &&
	    access("/dev/shm", W_OK | X_OK) == 0 && reachable("/dev/shm", acct))
		return "/dev/shm";
	return "/tmp";
}

static int make_dir(const struct account *acct, struct strbuf *err)
{
	struct strbuf path = STRBUF_INIT;
	int status = 0;

	strbuf_addf(&path, "%s/%s", temp_base(acct), DIR_TEMPLATE);
	if (!mkdtemp(path.buf)) {
		strbuf_addf(err, "cannot create a directory in '%.*s': %s",
			    (int)(strrchr(path.buf, '/') - path.buf), path.buf,
			    strerror(errno));
		status = EXIT_UNREACHABLE;
	} else {
		memcpy(cluster.dir, path.buf, path.len + 1);
		if (chmod(cluster.dir, 0700) < 0 ||
		    (acct->switch_user &&
		     chown(cluster.dir, acct->uid, acct->gid) < 0)) {
			strbuf_addf(err, "cannot prepare '%s': %s",
				    cluster.dir, strerror(errno));
			status = EXIT_UNREACHABLE;
		}
	}
	strbuf_release(&path);
	return status;
}

/* The last line of a log that says something, for a one-line error. */
static void add_last_line(struct strbuf *sb, const char *log)
{
	struct strbuf text = STRBUF_INIT;
	char buf[4096];
	ssize_t n;
	int fd = open(log, O_RDONLY | O_CLOEXEC);
	char *end, *start;

	if (fd < 0)
		return;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		strbuf_add(&text, buf, (size_t)n);
	close(fd);
	end = text.buf + text.len;
	while (end > text.buf && (end[-1] == '\n' || end[-1] == ' '))
		end--;
	*end = '\0';
	start = strrchr(text.buf, '\n');
	start = start ? start + 1 : text.buf;
	if (*start)
		strbuf_addf(sb, ": %s", start);
	strbuf_release(&text);
}

/* Runs argv with output to DIR/log; 0, or an exit status with err. */
static int run_step(const char *what, char **argv, const char *log,
		    const struct account *acct, int *exited, struct strbuf *err)
{
	struct strbuf path = STRBUF_INIT;
	struct proc_spec spec = { 0 };
	int fd, status = 0;

	strbuf_addf(&path, "%s/%s", cluster.dir, log);
	fd = open(path.buf, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		strbuf_addf(err, "cannot create '%s': %s", path.buf,
			    strerror(errno));
		strbuf_release(&path);
		return EXIT_UNREACHABLE;
	}
	spec.path = argv[0];
	spec.argv = argv;
	spec.dir = cluster.dir;
	spec.out_fd = fd;
	spec.as_user = acct->switch_user;
	spec.uid = acct->uid;
	spec.gid = acct->gid;
	/*
	 * initdb and its bootstrap backend go by group; the postmaster takes
	 * SIGQUIT (immediate shutdown) and stops its children itself.
	 */
	cluster.stop_signal = exited ? SIGTERM : SIGQUIT;
	cluster.stop_group = exited != NULL;
	if (proc_spawn(&spec, &cluster.child, err) < 0) {
		status = EXIT_UNREACHABLE;
	} else if (exited) {
		/* a copy: a cleanup action may zero cluster.child meanwhile */
		pid_t pid = cluster.child;
		int ws = pid > 0 ? proc_wait(pid) : -1;
		cluster.child = 0;
		if (ws != 0) {
			strbuf_addf(err, "%s failed (", what);
			proc_describe_status(err, ws);
			strbuf_addch(err, ')');
			add_last_line(err, path.buf);
			status = EXIT_UNREACHABLE;
		}
	}
	close(fd);
	strbuf_release(&path);
	return status;
}

static int run_initdb(const char *bindir, const struct account *acct,
		      struct strbuf *err)
{
	struct strbuf prog = STRBUF_INIT, data = STRBUF_INIT;
	int status;

	strbuf_addf(&prog, "%s/initdb", bindir);
	strbuf_addf(&data, "%s/data", cluster.dir);
	{
		/* -N: no fsync, the cluster is thrown away; C: always there */
		char *argv[] = { prog.buf, "-D", data.buf, "-U", CLUSTER_USER,
				 "-A", "trust", "-E", "UTF8", "--locale=C",
				 "-N", NULL };
		int exited = 1;
		status = run_step("initdb", argv, "initdb.log", acct, &exited,
				  err);
	}
	strbuf_release(&prog);
	strbuf_release(&data);
	return status;
}

/* PG_VERSION holds the major the data directory was made for. */
static int read_major(void)
{
	struct strbuf path = STRBUF_INIT;
	char buf[16] = "";
	int fd, major = 0;

	strbuf_addf(&path, "%s/data/PG_VERSION", cluster.dir);
	fd = open(path.buf, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		if (read(fd, buf, sizeof(buf) - 1) > 0)
			major = atoi(buf);
		close(fd);
	}
	strbuf_release(&path);
	return major;
}

/*
 * The postmaster runs directly, not through pg_ctl, so that its pid is ours
 * to signal and reap.  Durability is off: the data is thrown away.
 */
static int start_server(const char *bindir, const struct account *acct,
			struct strbuf *err)
{
	struct strbuf prog = STRBUF_INIT, data = STRBUF_INIT, port = STRBUF_INIT;
	int status;

	strbuf_addf(&prog, "%s/postgres", bindir);
	strbuf_addf(&data, "%s/data", cluster.dir);
	strbuf_addf(&port, "%d", CLUSTER_PORT);
	{
		char *argv[] = { prog.buf, "-D", data.buf, "-k", cluster.dir,
				 "-p", port.buf,
				 "-c", "listen_addresses=",
				 "-c", "fsync=off",
				 "-c", "full_page_writes=off",
				 "-c", "synchronous_commit=off",
				 "-c", "wal_level=minimal",
				 "-c", "max_wal_senders=0",
				 "-c", "autovacuum=off",
				 "-c", "jit=off",
				 NULL };
		status = run_step("postgres", argv, "server.log", acct, NULL,
				  err);
	}
	strbuf_release(&prog);
	strbuf_release(&data);
	strbuf_release(&port);
	return status;
}

/* Polls until the server accepts connections, or reports why it exited. */
static int wait_ready(struct strbuf *err)
{
	struct strbuf port = STRBUF_INIT, log = STRBUF_INIT;
	const char *keys[] = { "host", "port", "user", "dbname", NULL };
	const char *values[] = { cluster.dir, NULL, CLUSTER_USER, "postgres",
				 NULL };
	int status = EXIT_UNREACHABLE;
	pid_t pid = cluster.child;	/* a copy, as in run_step */

	strbuf_addf(&port, "%d", CLUSTER_PORT);
	values[1] = port.buf;
	strbuf_addf(&log, "%s/server.log", cluster.dir);
	for (int waited = 0; pid > 0 && waited < READY_TIMEOUT_MS; waited += 10) {
		int ws;

		PGPing ping = PQpingParams(keys, values, 0);

		if (ping == PQPING_OK) {
			status = 0;
			goto out;
		}
		if (ping == PQPING_NO_ATTEMPT) {
			/* the parameters are wrong (say, PGSERVICE names no service) */
			PGconn *conn = PQconnectdbParams(keys, values, 0);
			const char *msg = PQerrorMessage(conn);
			strbuf_addf(err, "cannot connect to it: %.*s",
				    (int)strcspn(msg, "\n"), msg);
			PQfinish(conn);
			goto out;
		}
		if (waitpid(pid, &ws, WNOHANG) == pid) {
			cluster.child = 0;
			strbuf_adds(err, "the server exited (");
			proc_describe_status(err, ws);
			strbuf_addch(err, ')');
			add_last_line(err, log.buf);
			goto out;
		}
		proc_sleep_ms(10);
	}
	strbuf_addf(err, "the server did not accept connections within %d s",
		    READY_TIMEOUT_MS / 1000);
out:
	strbuf_release(&port);
	strbuf_release(&log);
	return status;
}

static int start(const struct scratch_options *options, struct strbuf *err)
{
	struct strbuf bindir = STRBUF_INIT, why = STRBUF_INIT;
	struct account acct = { 0 };
	double t0 = now_seconds();
	int status;

	status = cluster_find_bindir(options->prefer_major, &bindir, err);
	if (!status)
		status = server_account(&acct, err);
	if (status)
		goto out;
	cluster.handle = proc_cleanup_register(cluster_remove, NULL);
	status = make_dir(&acct, &why);
	if (!status)
		status = run_initdb(bindir.buf, &acct, &why);
	if (!status) {
		cluster.major = read_major();
		if (options->prefer_major > 0 && cluster.major &&
		    cluster.major != options->prefer_major && !options->quiet)
			warning("the throwaway cluster runs PostgreSQL %d (from '%s'), the other side %d; set PGDIFF_PG_BINDIR to a PostgreSQL %d server's binaries to match",
				cluster.major, bindir.buf,
				options->prefer_major, options->prefer_major);
		status = start_server(bindir.buf, &acct, &why);
	}
	if (!status)
		status = wait_ready(&why);
	if (status) {
		strbuf_addf(err, "cannot start a throwaway PostgreSQL cluster: %s",
			    why.buf);
		cluster_remove(NULL);
		proc_cleanup_done(cluster.handle);
		goto out;
	}
	if (options->verbose)
		fprintf(stderr, "pgdiff: starting a throwaway PostgreSQL %d cluster in '%s' took %.3f s\n",
			cluster.major, cluster.dir, now_seconds() - t0);
out:
	strbuf_release(&bindir);
	strbuf_release(&why);
	return status;
}

int cluster_acquire(const struct scratch_options *options,
		    struct cluster_info *info, struct strbuf *err)
{
	int status = 0;

	pthread_mutex_lock(&cluster.lock);
	if (!cluster.refs)
		status = start(options, err);
	if (!status) {
		cluster.refs++;
		info->socket_dir = cluster.dir;
		info->major = cluster.major;
	}
	pthread_mutex_unlock(&cluster.lock);
	return status;
}

void cluster_release(void)
{
	pthread_mutex_lock(&cluster.lock);
	if (cluster.refs > 0 && --cluster.refs == 0) {
		cluster_remove(NULL);
		proc_cleanup_done(cluster.handle);
	}
	pthread_mutex_unlock(&cluster.lock);
}
