/* util.h: error reporting tiers and allocation that never returns NULL. */
#ifndef PGDIFF_UTIL_H
#define PGDIFF_UTIL_H

#include <stddef.h>

/* Exit statuses, as documented in pgdiff(1). */
enum exit_status {
	EXIT_NO_DIFF = 0,
	EXIT_MINOR = 1,
	EXIT_MAJOR = 2,
	EXIT_CRITICAL = 3,
	EXIT_USAGE = 64,
	EXIT_BAD_INPUT = 65,
	EXIT_UNREACHABLE = 69,
	EXIT_INTERNAL = 70
};

/*
 * Runs before die() exits, so that whatever must not outlive the process
 * (a temporary output file, later a scratch database) is removed.
 */
void set_exit_hook(void (*hook)(void));

/* Prints "pgdiff: message" on stderr and exits with status. */
_Noreturn void die(int status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Prints "pgdiff: message" on stderr and returns -1. */
int error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "pgdiff: warning: message" on stderr. */
void warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* An internal invariant broke: report file:line and exit 70. */
#define BUG(...) bug_at(__FILE__, __LINE__, __VA_ARGS__)
_Noreturn void bug_at(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
/* Grows *array (of *alloc elements of size elem) to hold at least n. */
void grow_array(void **array, size_t *alloc, size_t n, size_t elem);
#define ALLOC_GROW(array, n, alloc) \
	grow_array((void **)&(array), &(alloc), (n), sizeof(*(array)))

int str_equal(const char *a, const char *b);	/* NULL-safe */

#endif
