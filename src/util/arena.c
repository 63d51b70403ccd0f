/* arena.c: chunked bump allocator; everything in it is freed at once. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pgdiff/arena.h"
#include "pgdiff/util.h"

#define ARENA_CHUNK_SIZE (64 * 1024)
#define ARENA_ALIGN 16

struct arena_chunk {
	struct arena_chunk *next;
	size_t size;		/* bytes in data */
	size_t used;
	unsigned char data[];
};

/* Enough room for size bytes at a 16-byte boundary, whatever malloc gave. */
static struct arena_chunk *chunk_new(size_t size)
{
	size_t data_size = ARENA_CHUNK_SIZE - sizeof(struct arena_chunk);
	struct arena_chunk *c;

	if (size > SIZE_MAX - sizeof(struct arena_chunk) - ARENA_ALIGN)
		die(EXIT_INTERNAL, "out of memory");
	if (size + ARENA_ALIGN - 1 > data_size)
		data_size = size + ARENA_ALIGN - 1;
	/* calloc: bump allocation never reuses memory, so all of it stays zero. */
	c = xcalloc(1, sizeof(*c) + data_size);
	c->size = data_size;
	return c;
}

/* Where an allocation of size would start in c, or NULL if it does not fit. */
static void *chunk_take(struct arena_chunk *c, size_t size)
{
	uintptr_t base = (uintptr_t)c->data;
	uintptr_t at = (base + c->used + ARENA_ALIGN - 1) &
		~(uintptr_t)(ARENA_ALIGN - 1);
	size_t offset = (size_t)(at - base);

	if (offset > c->size || size > c->size - offset)
		return NULL;
	c->used = offset + size;
	return c->data + offset;
}

void *arena_alloc(struct arena *a, size_t size)
{
	struct arena_chunk *c;
	void *p;

	/* Distinct allocations get distinct addresses, even empty ones. */
	if (!size)
		size = 1;
	if (a->head && (p = chunk_take(a->head, size)))
		return p;
	c = chunk_new(size);
	if (c->size > ARENA_CHUNK_SIZE && a->head) {
		/*
		 * A large block gets a chunk of its own behind the head, so
		 * the free space left in the head is still used.
		 */
		c->next = a->head->next;
		a->head->next = c;
	} else {
		c->next = a->head;
		a->head = c;
	}
	return chunk_take(c, size);
}

char *arena_strdup(struct arena *a, const char *s)
{
	if (!s)
		return NULL;
	return arena_strndup(a, s, strlen(s));
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p;

	if (!s)
		return NULL;
	n = strnlen(s, n);
	p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	char *p;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		BUG("vsnprintf failed on format '%s'", fmt);
	p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void arena_release(struct arena *a)
{
	struct arena_chunk *c = a->head;

	while (c) {
		struct arena_chunk *next = c->next;

		free(c);
		c = next;
	}
	a->head = NULL;
}
