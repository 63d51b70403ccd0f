/* bindir.c: where the PostgreSQL server programs for the throwaway cluster are. */
/* realpath() is XSI in glibc's eyes. */
#define _XOPEN_SOURCE 700

#include <errno.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pgdiff/cluster.h"
#include "pgdiff/proc.h"
#include "pgdiff/util.h"

static int is_server_bindir(const char *dir)
{
	struct strbuf sb = STRBUF_INIT;
	int ok;

	strbuf_addf(&sb, "%s/initdb", dir);
	ok = access(sb.buf, X_OK) == 0;
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s/postgres", dir);
	ok = ok && access(sb.buf, X_OK) == 0;
	strbuf_release(&sb);
	return ok;
}

/* 15 for .../postgresql/15/bin, the Debian layout; 0 when the path does not say. */
static int major_of_path(const char *dir)
{
	const char *p = strstr(dir, "postgresql/");
	int major = 0;

	if (!p)
		return 0;
	for (p += strlen("postgresql/"); *p >= '0' && *p <= '9'; p++)
		major = major * 10 + (*p - '0');
	return strcmp(p, "/bin") == 0 ? major : 0;
}

/* The directory initdb really lives in (PATH may hold symbolic links to it). */
static int bindir_from_path(struct strbuf *bindir)
{
	struct strbuf found = STRBUF_INIT;
	char *real;
	int r = -1;

	if (find_in_path("initdb", &found) < 0)
		goto out;
	real = realpath(found.buf, NULL);
	if (real) {
		char *slash = strrchr(real, '/');
		if (slash) {
			*slash = '\0';
			if (is_server_bindir(real)) {
				strbuf_adds(bindir, real);
				r = 0;
			}
		}
		free(real);
	}
out:
	strbuf_release(&found);
	return r;
}

/* `pg_config --bindir`: libpq's development package may name a server's directory. */
static int bindir_from_pg_config(struct strbuf *bindir)
{
	struct strbuf path = STRBUF_INIT, out = STRBUF_INIT, err = STRBUF_INIT;
	char *argv[3] = { NULL, "--bindir", NULL };
	struct proc_spec spec = { 0 };
	volatile pid_t pid = 0;
	int fds[2], r = -1;
	char buf[512];
	ssize_t n;

	if (find_in_path("pg_config", &path) < 0 || proc_pipe(fds) < 0)
		goto out;
	argv[0] = path.buf;
	spec.path = path.buf;
	spec.argv = argv;
	spec.out_fd = fds[1];
	if (proc_spawn(&spec, &pid, &err) < 0) {
		close(fds[0]);
		close(fds[1]);
		goto out;
	}
	close(fds[1]);
	while ((n = read(fds[0], buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		strbuf_add(&out, buf, (size_t)n);
	}
	close(fds[0]);
	if (proc_wait(pid) == 0) {
		strbuf_setlen(&out, strcspn(out.buf, "\r\n"));
		if (out.len && is_server_bindir(out.buf)) {
			strbuf_adds(bindir, out.buf);
			r = 0;
		}
	}
out:
	strbuf_release(&path);
	strbuf_release(&out);
	strbuf_release(&err);
	return r;
}

/* /usr/lib/postgresql/N/bin: N == prefer if there is one, else the newest. */
static int bindir_from_debian(int prefer, struct strbuf *bindir)
{
	glob_t g;
	int best = 0, best_major = -1;

	if (glob("/usr/lib/postgresql/*/bin", 0, NULL, &g) != 0)
		return -1;
	for (size_t i = 0; i < g.gl_pathc; i++) {
		int major = major_of_path(g.gl_pathv[i]);

		if (!is_server_bindir(g.gl_pathv[i]))
			continue;
		if (best_major < 0 || (major == prefer && best_major != prefer) ||
		    (best_major != prefer && major > best_major)) {
			best = (int)i;
			best_major = major;
		}
	}
	if (best_major >= 0)
		strbuf_adds(bindir, g.gl_pathv[best]);
	globfree(&g);
	return best_major >= 0 ? 0 : -1;
}

int cluster_find_bindir(int prefer, struct strbuf *bindir, struct strbuf *err)
{
	const char *env = getenv("PGDIFF_PG_BINDIR");

	if (env && *env) {
		/* an explicit choice that does not work is an error, not a hint */
		if (is_server_bindir(env)) {
			strbuf_adds(bindir, env);
			return 0;
		}
		strbuf_addf(err, "PGDIFF_PG_BINDIR '%s' holds no PostgreSQL server binaries (initdb and postgres)",
			    env);
		return EXIT_UNREACHABLE;
	}
	if (bindir_from_path(bindir) == 0 || bindir_from_pg_config(bindir) == 0) {
		struct strbuf preferred = STRBUF_INIT;
		int major = major_of_path(bindir->buf);

		if (prefer > 0 && major && major != prefer &&
		    bindir_from_debian(prefer, &preferred) == 0 &&
		    major_of_path(preferred.buf) == prefer) {
			strbuf_reset(bindir);
			strbuf_adds(bindir, preferred.buf);
		}
		strbuf_release(&preferred);
		return 0;
	}
	if (bindir_from_debian(prefer, bindir) == 0)
		return 0;
	strbuf_adds(err, "no PostgreSQL server binaries found; install postgresql or set PGDIFF_PG_BINDIR");
	return EXIT_UNREACHABLE;
}
