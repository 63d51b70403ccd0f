/* oidmap.h: hash map from a catalog address (class, object, sub-object) to a pointer. */
#ifndef PGDIFF_OIDMAP_H
#define PGDIFF_OIDMAP_H

#include <stddef.h>

struct oid_address {
	unsigned int classid;
	unsigned int objid;
	int subid;
};

struct oidmap_entry {
	struct oid_address key;
	void *value;	/* NULL marks a free slot */
};

struct oidmap {
	struct oidmap_entry *slots;
	size_t nslots;
	size_t count;
};

#define OIDMAP_INIT { NULL, 0, 0 }

/* Sets key to value (not NULL); returns the previous value or NULL. */
void *oidmap_put(struct oidmap *m, struct oid_address key, void *value);
void *oidmap_get(const struct oidmap *m, struct oid_address key);
void oidmap_release(struct oidmap *m);

#endif
