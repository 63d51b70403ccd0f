/* test_strmap.c: unit tests for the string-keyed hash map. */
#include <stdio.h>
#include <stdlib.h>

#include "pgdiff/strmap.h"
#include "test.h"

static void test_basic(void)
{
	struct strmap m = STRMAP_INIT;
	int one = 1, two = 2, three = 3;
	char key[] = "public.t";

	CHECK(strmap_get(&m, "x") == NULL);
	CHECK(strmap_put(&m, "public.t", &one) == NULL);
	CHECK(strmap_put(&m, "public.u", &two) == NULL);
	CHECK(m.count == 2);
	/* Looked up by content, not by pointer. */
	CHECK(strmap_get(&m, key) == &one);
	CHECK(strmap_get(&m, "public.u") == &two);
	CHECK(strmap_get(&m, "public.v") == NULL);
	CHECK(strmap_get(&m, "") == NULL);
	CHECK(strmap_put(&m, key, &three) == &one);
	CHECK(strmap_get(&m, "public.t") == &three);
	CHECK(m.count == 2);
	CHECK(strmap_put(&m, "", &one) == NULL);
	CHECK(strmap_get(&m, "") == &one);
	/* A NULL value is stored, and reads back as absent. */
	CHECK(strmap_put(&m, "nothing", NULL) == NULL);
	CHECK(m.count == 4);
	strmap_release(&m);
	CHECK(m.slots == NULL && m.count == 0 && m.nslots == 0);
	CHECK(strmap_get(&m, "public.t") == NULL);
	strmap_release(&m);
}

static void test_growth(void)
{
	enum { N = 150000 };
	struct strmap m = STRMAP_INIT;
	char (*keys)[16] = malloc(sizeof(*keys) * N);
	int i, found = 1, replaced = 1;

	if (!CHECK(keys != NULL))
		return;
	for (i = 0; i < N; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%d", i);
		strmap_put(&m, keys[i], keys[i]);
	}
	CHECK(m.count == N);
	CHECK(m.count * 10 <= m.nslots * 7);
	CHECK((m.nslots & (m.nslots - 1)) == 0);
	for (i = 0; i < N; i++)
		found &= strmap_get(&m, keys[i]) == keys[i];
	CHECK(found);
	CHECK(strmap_get(&m, "k150000") == NULL);
	CHECK(strmap_get(&m, "k-1") == NULL);
	for (i = 0; i < N; i += 2)
		replaced &= strmap_put(&m, keys[i], &m) == keys[i];
	CHECK(replaced);
	CHECK(m.count == N);
	CHECK(strmap_get(&m, "k1000") == &m);
	CHECK(strmap_get(&m, "k1001") == keys[1001]);
	strmap_release(&m);
	free(keys);
}

void test_strmap(void)
{
	test_basic();
	test_growth();
}
