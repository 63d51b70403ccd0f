/* main.c: runs the unit tests and prints "N passed, N failed". */
#include <stdio.h>
#include <string.h>

#include "test.h"

#define TEST(name) void test_##name(void);
#include "tests.h"
#undef TEST

struct test {
	const char *name;
	void (*run)(void);
};

static const struct test tests[] = {
#define TEST(name) { #name, test_##name },
#include "tests.h"
#undef TEST
};

static int passed, failed;

int test_check(int ok, const char *expr, const char *file, int line)
{
	if (ok) {
		passed++;
		return 1;
	}
	failed++;
	printf("%s:%d: check failed: %s\n", file, line, expr);
	return 0;
}

/* Prints s as a C string, so an unseen space or newline shows. */
static void print_string(const char *s)
{
	if (!s) {
		fputs("NULL", stdout);
		return;
	}
	putchar('"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c == '\n')
			fputs("\\n", stdout);
		else if (c == '\t')
			fputs("\\t", stdout);
		else if (c < 0x20 || c == 0x7f)
			printf("\\%03o", c);
		else
			putchar(c);
	}
	putchar('"');
}

int test_check_str(const char *got, const char *want, const char *expr,
		   const char *file, int line)
{
	int ok = got && want ? strcmp(got, want) == 0 : got == want;

	if (!test_check(ok, expr, file, line)) {
		fputs("\tgot:  ", stdout);
		print_string(got);
		fputs("\n\twant: ", stdout);
		print_string(want);
		putchar('\n');
	}
	return ok;
}

#define NTESTS (sizeof(tests) / sizeof(tests[0]))

/* With arguments, runs only the tests named, e.g. "run-unit quote". */
int main(int argc, char **argv)
{
	size_t i;
	int j;

	/* A misspelt name must not pass by running nothing. */
	for (j = 1; j < argc; j++) {
		for (i = 0; i < NTESTS; i++) {
			if (strcmp(argv[j], tests[i].name) == 0)
				break;
		}
		if (i == NTESTS) {
			fprintf(stderr, "no unit test named '%s'\n", argv[j]);
			return 2;
		}
	}
	for (i = 0; i < NTESTS; i++) {
		int wanted = argc < 2;

		for (j = 1; j < argc; j++)
			wanted |= strcmp(argv[j], tests[i].name) == 0;
		if (wanted)
			tests[i].run();
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
