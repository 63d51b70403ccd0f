/* oidmap.c: open addressing over catalog addresses; no strings, no formatting. */
#include <stdint.h>
#include <stdlib.h>

#include "pgdiff/oidmap.h"
#include "pgdiff/util.h"

static size_t hash(struct oid_address k)
{
	uint64_t h = ((uint64_t)k.classid << 32) ^ k.objid;
	h ^= (uint64_t)(uint32_t)k.subid * 0x9e3779b97f4a7c15ULL;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return (size_t)h;
}

static int same(struct oid_address a, struct oid_address b)
{
	return a.classid == b.classid && a.objid == b.objid &&
	       a.subid == b.subid;
}

static struct oidmap_entry *find_slot(const struct oidmap *m,
				      struct oid_address key)
{
	size_t mask = m->nslots - 1, i = hash(key) & mask;

	while (m->slots[i].value && !same(m->slots[i].key, key))
		i = (i + 1) & mask;
	return &m->slots[i];
}

static void grow(struct oidmap *m)
{
	struct oidmap_entry *old = m->slots;
	size_t nold = m->nslots;

	m->nslots = nold ? nold * 2 : 64;
	m->slots = xcalloc(m->nslots, sizeof(*m->slots));
	for (size_t i = 0; i < nold; i++)
		if (old[i].value)
			*find_slot(m, old[i].key) = old[i];
	free(old);
}

void *oidmap_put(struct oidmap *m, struct oid_address key, void *value)
{
	struct oidmap_entry *e;
	void *prev;

	if (!value)
		BUG("oidmap values must not be NULL");
	if ((m->count + 1) * 10 > m->nslots * 7)
		grow(m);
	e = find_slot(m, key);
	prev = e->value;
	if (!prev)
		m->count++;
	e->key = key;
	e->value = value;
	return prev;
}

void *oidmap_get(const struct oidmap *m, struct oid_address key)
{
	if (!m->nslots)
		return NULL;
	return find_slot(m, key)->value;
}

void oidmap_release(struct oidmap *m)
{
	free(m->slots);
	m->slots = NULL;
	m->nslots = m->count = 0;
}
