/* pgarray.c: a small reader for array_agg(...)::text output. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pgdiff/pgarray.h"
#include "pgdiff/strbuf.h"
#include "pgdiff/util.h"

/*
 * Decodes the element at p into *w (advanced past it, not terminated);
 * returns what follows it, or NULL for an unterminated quoted one.
 * quoted tells a quoted "NULL" from the NULL element.
 */
static const char *read_item(const char *p, char **w, int *quoted)
{
	*quoted = *p == '"';
	if (!*quoted) {
		while (*p && *p != ',' && *p != '}')
			*(*w)++ = *p++;
		return p;
	}
	for (p++; *p && *p != '"'; p++) {
		if (*p == '\\' && p[1])
			p++;
		*(*w)++ = *p;
	}
	return *p == '"' ? p + 1 : NULL;
}

/* One buffer holds every element, so release is two frees. */
int pgarray_parse(struct pgarray *arr, const char *text)
{
	size_t len, alloc = 0;
	char *store, *w;
	const char *p;

	memset(arr, 0, sizeof(*arr));
	if (!text)
		return 0;
	len = strlen(text);
	if (len < 2 || text[0] != '{' || text[len - 1] != '}')
		return -1;
	store = xmalloc(len + 1);
	w = store;
	p = text + 1;
	while (*p != '}') {
		char *item = w;
		int quoted;

		if (!(p = read_item(p, &w, &quoted)))
			goto bad;
		*w++ = '\0';
		ALLOC_GROW(arr->items, arr->n + 1, alloc);
		arr->items[arr->n++] = item;
		if (*p == ',')
			p++;
		else if (*p != '}')
			goto bad;
	}
	if (!arr->n)
		free(store);
	return 0;
bad:
	free(store);
	free(arr->items);
	memset(arr, 0, sizeof(*arr));
	return -1;
}

void pgarray_release(struct pgarray *arr)
{
	if (arr->n)
		free(arr->items[0]);
	free(arr->items);
	memset(arr, 0, sizeof(*arr));
}

long pgarray_find(const struct pgarray *arr, const char *s)
{
	for (size_t i = 0; i < arr->n; i++)
		if (!strcmp(arr->items[i], s))
			return (long)i;
	return -1;
}

const char *pgarray_pair_value(const struct pgarray *pairs, const char *name)
{
	for (size_t i = 0; i + 1 < pairs->n; i += 2)
		if (!strcmp(pairs->items[i], name))
			return pairs->items[i + 1];
	return NULL;
}

char *pgarray_missing(const char *a, const char *b)
{
	struct pgarray x, y;
	struct strbuf sb = STRBUF_INIT;

	if (pgarray_parse(&x, a) < 0 || pgarray_parse(&y, b) < 0)
		BUG("malformed array '%s' or '%s'", a ? a : "", b ? b : "");
	for (size_t i = 0; i < x.n; i++)
		if (pgarray_find(&y, x.items[i]) < 0)
			strbuf_addf(&sb, "%s%s", sb.len ? ", " : "",
				    x.items[i]);
	pgarray_release(&x);
	pgarray_release(&y);
	if (!sb.len) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb);
}

/* Whether array_out would quote item: it quotes to keep it one element. */
static int needs_quotes(const char *item)
{
	if (!*item || !strcasecmp(item, "NULL"))
		return 1;
	return strpbrk(item, "\"\\{}, \t\n\r\v\f") != NULL;
}

void pgarray_add_item(struct strbuf *sb, const char *item)
{
	if (!needs_quotes(item)) {
		strbuf_adds(sb, item);
		return;
	}
	strbuf_addch(sb, '"');
	for (; *item; item++) {
		if (*item == '"' || *item == '\\')
			strbuf_addch(sb, '\\');
		strbuf_addch(sb, *item);
	}
	strbuf_addch(sb, '"');
}

char *pgarray_map(const char *text,
		  const char *(*fn)(void *ctx, const char *item), void *ctx)
{
	struct strbuf out = STRBUF_INIT;
	char *item, *w;
	const char *p = text;
	int changed = 0;

	if (!text || *p++ != '{')
		return NULL;
	item = xmalloc(strlen(text) + 1);
	strbuf_addch(&out, '{');
	while (p && *p && *p != '}') {
		int quoted;

		w = item;
		p = read_item(p, &w, &quoted);
		*w = '\0';
		if (!p)
			break;
		if (out.len > 1)
			strbuf_addch(&out, ',');
		if (!quoted && !strcasecmp(item, "NULL")) {
			strbuf_adds(&out, "NULL");
		} else {
			const char *mapped = fn(ctx, item);
			changed |= strcmp(mapped, item) != 0;
			pgarray_add_item(&out, mapped);
		}
		if (*p == ',')
			p++;
		else if (*p != '}')
			p = NULL;
	}
	free(item);
	if (!p || *p != '}' || p[1] || !changed) {
		strbuf_release(&out);
		return NULL;
	}
	strbuf_addch(&out, '}');
	return strbuf_detach(&out);
}
