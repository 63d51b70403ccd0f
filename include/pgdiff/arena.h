/* arena.h: bump allocator that owns a snapshot's or a plan's memory, freed whole. */
#ifndef PGDIFF_ARENA_H
#define PGDIFF_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;
};

#define ARENA_INIT { NULL }

void *arena_alloc(struct arena *a, size_t size);	/* zeroed */
char *arena_strdup(struct arena *a, const char *s);	/* NULL stays NULL */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void arena_release(struct arena *a);

#endif
