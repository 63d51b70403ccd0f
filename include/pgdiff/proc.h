/* proc.h: child processes and temporary trees that pgdiff must not leave behind. */
#ifndef PGDIFF_PROC_H
#define PGDIFF_PROC_H

#include <sys/types.h>

#include "pgdiff/strbuf.h"

struct proc_spec {
	const char *path;		/* the program, an absolute path */
	char *const *argv;
	char *const *envp;		/* NULL: pgdiff's own environment */
	const char *dir;		/* working directory; NULL: unchanged */
	int out_fd;			/* stdout and stderr; -1: /dev/null */
	int as_user;			/* run as uid/gid (pgdiff runs as root) */
	uid_t uid;
	gid_t gid;
};

/*
 * Starts spec in a session of its own (so that a terminal's ^C reaches
 * pgdiff alone, and the whole group can be stopped), stdin from /dev/null.
 * SIGINT, SIGTERM and SIGHUP stay blocked from before the fork until
 * *pid_out is set, so a cleanup action always sees the child.  Returns 0,
 * or -1 with err saying why the program could not be run.
 */
int proc_spawn(const struct proc_spec *spec, volatile pid_t *pid_out,
	       struct strbuf *err);
/* pipe() with both ends close-on-exec, safe against a concurrent spawn. */
int proc_pipe(int fds[2]);
/* Waits for pid; returns its wait status, or -1 if it is not our child. */
int proc_wait(pid_t pid);
/*
 * Sends sig to pid (to its whole process group when group is set), waits
 * up to timeout_ms for it to exit, then SIGKILLs the group and reaps it.
 * Allocates nothing, so cleanup actions may call it from a signal handler.
 */
void proc_stop(pid_t pid, int sig, int group, int timeout_ms);
/* Appends "exit status 2" or "killed by signal 9 (Killed)". */
void proc_describe_status(struct strbuf *sb, int status);
/* Sleeps ms milliseconds (nanosleep: safe in a signal handler). */
void proc_sleep_ms(int ms);

/*
 * Removes path and everything below it, not following symbolic links.
 * Uses no heap of its own, for cleanup actions run from a signal handler.
 */
void remove_tree(const char *path);

/*
 * cleanup_register and cleanup_done, serialised: both sides may open
 * scratch databases from two threads at once.
 */
int proc_cleanup_register(void (*fn)(void *arg), void *arg);
void proc_cleanup_done(int handle);

/* Finds name in $PATH (an executable file); appends its path to sb. */
int find_in_path(const char *name, struct strbuf *sb);

#endif
