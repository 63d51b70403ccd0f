/* proc.c: starting, stopping and reaping children; removing temporary trees. */
/* setgroups() is not POSIX, but dropping root without it keeps root's groups. */
#define _DEFAULT_SOURCE

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "pgdiff/cleanup.h"
#include "pgdiff/proc.h"
#include "pgdiff/util.h"

extern char **environ;

static pthread_mutex_t cleanup_lock = PTHREAD_MUTEX_INITIALIZER;
/*
 * Held from creating a pipe until it is close-on-exec, and around fork:
 * a child forked by the other thread in between would inherit the pipe's
 * write end and keep it open for as long as it runs.
 */
static pthread_mutex_t spawn_lock = PTHREAD_MUTEX_INITIALIZER;

int proc_cleanup_register(void (*fn)(void *arg), void *arg)
{
	int handle;

	pthread_mutex_lock(&cleanup_lock);
	handle = cleanup_register(fn, arg);
	pthread_mutex_unlock(&cleanup_lock);
	return handle;
}

void proc_cleanup_done(int handle)
{
	pthread_mutex_lock(&cleanup_lock);
	cleanup_done(handle);
	pthread_mutex_unlock(&cleanup_lock);
}

void proc_sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

static void block_exit_signals(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, old);
}

/* Only async-signal-safe calls between fork and exec: other threads may hold locks. */
static _Noreturn void exec_child(const struct proc_spec *spec, int report_fd,
				 const sigset_t *mask)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE };
	int err, null_fd;

	/* pgdiff's handlers would clean up pgdiff's things from the child */
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		signal(sigs[i], SIG_DFL);
	/* the child has one thread */
	sigprocmask(SIG_SETMASK, mask, NULL);
	setsid();
	null_fd = open("/dev/null", O_RDWR);
	if (null_fd < 0)
		goto fail;
	if (dup2(null_fd, 0) < 0 ||
	    dup2(spec->out_fd >= 0 ? spec->out_fd : null_fd, 1) < 0 ||
	    dup2(spec->out_fd >= 0 ? spec->out_fd : null_fd, 2) < 0)
		goto fail;
	if (spec->as_user) {
		gid_t gid = spec->gid;
		if (setgroups(1, &gid) < 0 || setgid(spec->gid) < 0 ||
		    setuid(spec->uid) < 0)
			goto fail;
	}
	if (spec->dir && chdir(spec->dir) < 0)
		goto fail;
	execve(spec->path, spec->argv, spec->envp ? spec->envp : environ);
fail:
	err = errno;
	if (write(report_fd, &err, sizeof(err)) < 0)
		_exit(127);
	_exit(127);
}

static int pipe_cloexec(int fds[2])
{
	if (pipe(fds) < 0)
		return -1;
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	return 0;
}

int proc_pipe(int fds[2])
{
	int r;

	pthread_mutex_lock(&spawn_lock);
	r = pipe_cloexec(fds);
	pthread_mutex_unlock(&spawn_lock);
	return r;
}

int proc_spawn(const struct proc_spec *spec, volatile pid_t *pid_out,
	       struct strbuf *err)
{
	int report[2], child_errno = 0;
	sigset_t old;
	ssize_t n;
	pid_t pid;

	pthread_mutex_lock(&spawn_lock);
	/* Tells exec failures from a program that ran and failed. */
	if (pipe_cloexec(report) < 0) {
		pthread_mutex_unlock(&spawn_lock);
		strbuf_addf(err, "cannot run '%s': %s", spec->path,
			    strerror(errno));
		return -1;
	}
	block_exit_signals(&old);
	pid = fork();
	if (pid == 0)
		exec_child(spec, report[1], &old);
	if (pid > 0)
		*pid_out = pid;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	pthread_mutex_unlock(&spawn_lock);
	close(report[1]);
	if (pid < 0) {
		strbuf_addf(err, "cannot run '%s': %s", spec->path,
			    strerror(errno));
		close(report[0]);
		return -1;
	}
	do
		n = read(report[0], &child_errno, sizeof(child_errno));
	while (n < 0 && errno == EINTR);
	close(report[0]);
	if (n > 0) {
		proc_wait(pid);
		*pid_out = 0;
		strbuf_addf(err, "cannot run '%s': %s", spec->path,
			    strerror(child_errno));
		return -1;
	}
	return 0;
}

int proc_wait(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return status;
}

void proc_stop(pid_t pid, int sig, int group, int timeout_ms)
{
	int status;

	if (pid <= 0)
		return;
	kill(group ? -pid : pid, sig);
	for (int waited = 0; waited < timeout_ms; waited += 10) {
		pid_t r = waitpid(pid, &status, WNOHANG);
		if (r == pid || (r < 0 && errno != EINTR))
			goto reaped;
		proc_sleep_ms(10);
	}
	kill(-pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
reaped:
	/* whatever the group left running (a build's background jobs) */
	if (group)
		kill(-pid, SIGKILL);
}

void proc_describe_status(struct strbuf *sb, int status)
{
	if (status < 0)
		strbuf_adds(sb, "an unknown status");
	else if (WIFEXITED(status))
		strbuf_addf(sb, "exit status %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		strbuf_addf(sb, "signal %d (%s)", WTERMSIG(status),
			    strsignal(WTERMSIG(status)));
	else
		strbuf_addf(sb, "wait status %d", status);
}

/* path is a PATH_MAX buffer holding len bytes; it is restored on return. */
static void remove_below(char *path, size_t len)
{
	DIR *d = opendir(path);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		struct stat st;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (len + 1 + n >= PATH_MAX)
			continue;
		path[len] = '/';
		memcpy(path + len + 1, e->d_name, n + 1);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			remove_below(path, len + 1 + n);
			rmdir(path);
		} else {
			unlink(path);
		}
		path[len] = '\0';
	}
	closedir(d);
}

void remove_tree(const char *path)
{
	char buf[PATH_MAX];
	size_t len = strlen(path);
	struct stat st;

	if (len >= sizeof(buf) || lstat(path, &st) < 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	memcpy(buf, path, len + 1);
	remove_below(buf, len);
	rmdir(path);
}

int find_in_path(const char *name, struct strbuf *sb)
{
	const char *p = getenv("PATH");
	size_t start = sb->len;

	if (!p || !*p)
		p = "/usr/bin:/bin";
	while (*p) {
		size_t n = strcspn(p, ":");

		strbuf_setlen(sb, start);
		if (n)
			strbuf_add(sb, p, n);
		else
			strbuf_addch(sb, '.');
		strbuf_addf(sb, "/%s", name);
		if (access(sb->buf, X_OK) == 0) {
			struct stat st;
			if (stat(sb->buf, &st) == 0 && S_ISREG(st.st_mode))
				return 0;
		}
		p += n;
		if (*p == ':')
			p++;
	}
	strbuf_setlen(sb, start);
	return -1;
}
