/* test_arena.c: unit tests for the bump allocator. */
#include <stdint.h>
#include <string.h>

#include "pgdiff/arena.h"
#include "test.h"

static int all_zero(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i])
			return 0;
	}
	return 1;
}

static void test_alloc(void)
{
	struct arena a = ARENA_INIT;
	unsigned char *p, *q, *big, *after;
	int i, aligned = 1, zeroed = 1;

	p = arena_alloc(&a, 3);
	q = arena_alloc(&a, 5);
	CHECK(p && q && p != q);
	CHECK((uintptr_t)p % 16 == 0 && (uintptr_t)q % 16 == 0);
	CHECK(all_zero(p, 3) && all_zero(q, 5));
	memset(p, 0xff, 3);
	CHECK(all_zero(q, 5));
	CHECK(arena_alloc(&a, 0) != arena_alloc(&a, 0));

	/* Fill several chunks with odd sizes; each block aligned and zero. */
	for (i = 0; i < 20000; i++) {
		size_t n = (size_t)(i % 97) + 1;
		unsigned char *r = arena_alloc(&a, n);

		aligned &= (uintptr_t)r % 16 == 0;
		zeroed &= all_zero(r, n);
		memset(r, 0xaa, n);
	}
	CHECK(aligned);
	CHECK(zeroed);

	/* Bigger than a chunk: its own chunk, the rest of the head kept. */
	big = arena_alloc(&a, 1000000);
	CHECK((uintptr_t)big % 16 == 0);
	CHECK(all_zero(big, 1000000));
	memset(big, 0x55, 1000000);
	after = arena_alloc(&a, 16);
	CHECK(all_zero(after, 16));
	CHECK(after + 16 <= big || after >= big + 1000000);
	arena_release(&a);
	CHECK(a.head == NULL);
	/* Usable again after release. */
	CHECK(arena_alloc(&a, 10) != NULL);
	arena_release(&a);
	arena_release(&a);
}

static void test_strings(void)
{
	struct arena a = ARENA_INIT;
	const char *src = "public.orders";
	char *s;

	s = arena_strdup(&a, src);
	CHECK_STR(s, src);
	CHECK(s != src);
	CHECK(arena_strdup(&a, NULL) == NULL);
	CHECK(arena_strndup(&a, NULL, 3) == NULL);
	CHECK_STR(arena_strndup(&a, src, 6), "public");
	CHECK_STR(arena_strndup(&a, "ab", 10), "ab");
	CHECK_STR(arena_strndup(&a, src, 0), "");
	CHECK_STR(arena_strdup(&a, ""), "");
	CHECK_STR(arena_printf(&a, "%s.%s(%d)", "s", "f", 2), "s.f(2)");
	CHECK_STR(arena_printf(&a, "%s", ""), "");
	s = arena_printf(&a, "%070000d", 7);
	CHECK(strlen(s) == 70000 && s[69999] == '7' && s[0] == '0');
	arena_release(&a);
}

void test_arena(void)
{
	test_alloc();
	test_strings();
}
