/* test.h: unit-test checks; a failure is reported and the run goes on. */
#ifndef PGDIFF_TEST_H
#define PGDIFF_TEST_H

#include <stddef.h>

/*
 * Both return whether the check passed, so a test can stop when later
 * checks would only crash: if (!CHECK(p != NULL)) return;
 */
#define CHECK(cond) test_check(!!(cond), #cond, __FILE__, __LINE__)
/* Compares two C strings, either of which may be NULL. */
#define CHECK_STR(got, want) \
	test_check_str((got), (want), "CHECK_STR(" #got ", " #want ")", \
		       __FILE__, __LINE__)

int test_check(int ok, const char *expr, const char *file, int line);
int test_check_str(const char *got, const char *want, const char *expr,
		   const char *file, int line);

#endif
