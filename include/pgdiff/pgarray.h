/* pgarray.h: reads PostgreSQL's text form of a one-dimensional array. */
#ifndef PGDIFF_PGARRAY_H
#define PGDIFF_PGARRAY_H

#include <stddef.h>

#include "pgdiff/strbuf.h"

/* A parsed array: elements point into one allocation. */
struct pgarray {
	char **items;
	size_t n;
};

/* Parses "{a,"b c",NULL}"; returns -1 on malformed text.  NULL → no items. */
int pgarray_parse(struct pgarray *arr, const char *text);
void pgarray_release(struct pgarray *arr);
/*
 * The items of array text a that b lacks, as "x, y" (caller frees); NULL
 * when there are none.  Malformed text is a bug.
 */
char *pgarray_missing(const char *a, const char *b);
/* Appends item to array text as PostgreSQL writes it: quoted if it must be. */
void pgarray_add_item(struct strbuf *sb, const char *item);
/*
 * Array text with fn applied to every element but NULLs, quoted as
 * PostgreSQL's array output quotes (caller frees); NULL when text is no
 * array or fn changed nothing.
 */
char *pgarray_map(const char *text,
		  const char *(*fn)(void *ctx, const char *item), void *ctx);
/* In an array of name, value pairs: the value after name, or NULL. */
const char *pgarray_pair_value(const struct pgarray *pairs, const char *name);
/* Index of s in arr, or -1. */
long pgarray_find(const struct pgarray *arr, const char *s);

#endif
