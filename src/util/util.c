/* util.c: the die/error/warning/BUG tiers and allocation that never fails. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pgdiff/util.h"

static void (*exit_hook)(void);
/* The status of the first die() or BUG(), once one has begun exiting. */
static int exiting_status = -1;

void set_exit_hook(void (*hook)(void))
{
	exit_hook = hook;
}

/*
 * A hook that itself dies (say, it cannot remove a file) reports its own
 * message but neither runs again nor replaces the status of the error
 * that started the exit, which is the one the caller needs to see.
 */
static _Noreturn void exit_after_hook(int status)
{
	void (*hook)(void) = exit_hook;

	if (exiting_status >= 0)
		exit(exiting_status);
	exiting_status = status;
	exit_hook = NULL;
	if (hook)
		hook();
	exit(status);
}

static void report(const char *prefix, const char *fmt, va_list ap)
{
	/* stdout may hold buffered output; keep it ahead of the message. */
	fflush(stdout);
	fputs("pgdiff: ", stderr);
	if (prefix)
		fputs(prefix, stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

_Noreturn void die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(NULL, fmt, ap);
	va_end(ap);
	exit_after_hook(status);
}

int error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(NULL, fmt, ap);
	va_end(ap);
	return -1;
}

void warning(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report("warning: ", fmt, ap);
	va_end(ap);
}

_Noreturn void bug_at(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "pgdiff: BUG at %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit_after_hook(EXIT_INTERNAL);
}

/* malloc(0) may return NULL, which must not read as out of memory. */
void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		die(EXIT_INTERNAL, "out of memory");
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p;

	if (!n || !size)
		n = size = 1;
	p = calloc(n, size);
	if (!p)
		die(EXIT_INTERNAL, "out of memory");
	return p;
}

/* realloc(p, 0) may free p and return NULL; never ask for zero bytes. */
void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (!p)
		die(EXIT_INTERNAL, "out of memory");
	return p;
}

char *xstrdup(const char *s)
{
	size_t len = strlen(s) + 1;

	return memcpy(xmalloc(len), s, len);
}

void grow_array(void **array, size_t *alloc, size_t n, size_t elem)
{
	size_t want;

	if (n <= *alloc)
		return;
	/* Doubling keeps appending one element at a time amortised O(1). */
	want = *alloc < SIZE_MAX / 2 ? *alloc * 2 : SIZE_MAX;
	if (want < 16)
		want = 16;
	if (want < n)
		want = n;
	if (elem && want > SIZE_MAX / elem)
		die(EXIT_INTERNAL, "out of memory");
	*array = xrealloc(*array, want * elem);
	*alloc = want;
}

int str_equal(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}
