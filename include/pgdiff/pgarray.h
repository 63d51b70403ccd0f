/* pgarray.h: reads PostgreSQL's text form of a one-dimensional array. */
#ifndef PGDIFF_PGARRAY_H
#define PGDIFF_PGARRAY_H

#include <stddef.h>

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
/* Index of s in arr, or -1. */
long pgarray_find(const struct pgarray *arr, const char *s);

#endif
