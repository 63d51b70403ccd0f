/*
 * progress.c: the status line.  Its state is process-wide on purpose: the
 * two sides report from their own threads, and the line is one.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

#include "pgdiff/progress.h"
#include "pgdiff/strbuf.h"

static int enabled;
static int shown;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

void progress_init(int quiet)
{
	enabled = !quiet && isatty(STDERR_FILENO);
}

void progress_show(const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	if (!enabled)
		return;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	pthread_mutex_lock(&lock);
	/* \r and erase-to-end: the line rewrites itself */
	fprintf(stderr, "\r\033[Kpgdiff: %s...", sb.buf);
	fflush(stderr);
	shown = 1;
	pthread_mutex_unlock(&lock);
	strbuf_release(&sb);
}

void progress_clear(void)
{
	if (!enabled)
		return;
	pthread_mutex_lock(&lock);
	if (shown)
		fputs("\r\033[K", stderr);
	fflush(stderr);
	shown = 0;
	pthread_mutex_unlock(&lock);
}
