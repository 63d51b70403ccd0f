/* strmap.c: string-keyed hash map, open addressing with linear probing. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pgdiff/strmap.h"
#include "pgdiff/util.h"

#define STRMAP_MIN_SLOTS 16

/* FNV-1a: short, and good enough for schema and object names. */
static uint64_t hash_string(const char *s)
{
	uint64_t h = UINT64_C(14695981039346656037);

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= UINT64_C(1099511628211);
	}
	return h;
}

/* nslots is a power of two, so a mask picks the home slot. */
static struct strmap_entry *find_slot(const struct strmap_entry *slots,
				      size_t nslots, const char *key)
{
	size_t mask = nslots - 1;
	size_t i = (size_t)hash_string(key) & mask;

	/* The load limit guarantees an empty slot, so this terminates. */
	while (slots[i].key && strcmp(slots[i].key, key) != 0)
		i = (i + 1) & mask;
	return (struct strmap_entry *)&slots[i];
}

static void rehash(struct strmap *m, size_t nslots)
{
	struct strmap_entry *slots = xcalloc(nslots, sizeof(*slots));
	size_t i;

	for (i = 0; i < m->nslots; i++) {
		if (m->slots[i].key)
			*find_slot(slots, nslots, m->slots[i].key) =
				m->slots[i];
	}
	free(m->slots);
	m->slots = slots;
	m->nslots = nslots;
}

void *strmap_put(struct strmap *m, const char *key, void *value)
{
	struct strmap_entry *e;
	void *old;

	if (!key)
		BUG("strmap_put with a NULL key");
	/* Past 70% full, probe sequences get long: double first. */
	if (!m->nslots)
		rehash(m, STRMAP_MIN_SLOTS);
	else if ((m->count + 1) * 10 > m->nslots * 7) {
		if (m->nslots > SIZE_MAX / 2 / sizeof(*m->slots))
			die(EXIT_INTERNAL, "out of memory");
		rehash(m, m->nslots * 2);
	}
	e = find_slot(m->slots, m->nslots, key);
	if (!e->key) {
		e->key = key;
		e->value = value;
		m->count++;
		return NULL;
	}
	old = e->value;
	e->value = value;
	return old;
}

void *strmap_get(const struct strmap *m, const char *key)
{
	if (!m->nslots || !key)
		return NULL;
	return find_slot(m->slots, m->nslots, key)->value;
}

void strmap_release(struct strmap *m)
{
	free(m->slots);
	m->slots = NULL;
	m->nslots = 0;
	m->count = 0;
}
