/* strmap.h: open-addressing hash map from borrowed string keys to pointers. */
#ifndef PGDIFF_STRMAP_H
#define PGDIFF_STRMAP_H

#include <stddef.h>

struct strmap_entry {
	const char *key;	/* borrowed: must outlive the map */
	void *value;
};

struct strmap {
	struct strmap_entry *slots;
	size_t nslots;
	size_t count;
};

#define STRMAP_INIT { NULL, 0, 0 }

/* Sets key to value; returns the previous value or NULL. */
void *strmap_put(struct strmap *m, const char *key, void *value);
void *strmap_get(const struct strmap *m, const char *key);
void strmap_release(struct strmap *m);

#endif
