/* pgarray.c: a small reader for array_agg(...)::text output. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pgdiff/pgarray.h"
#include "pgdiff/strbuf.h"
#include "pgdiff/util.h"

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

		if (*p == '"') {
			for (p++; *p && *p != '"'; p++) {
				if (*p == '\\' && p[1])
					p++;
				*w++ = *p;
			}
			if (*p != '"')
				goto bad;
			p++;
		} else {
			while (*p && *p != ',' && *p != '}')
				*w++ = *p++;
		}
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
	struct strbuf out = STRBUF_INIT, item = STRBUF_INIT;
	const char *p = text;
	int changed = 0;

	if (!text || *p++ != '{')
		return NULL;
	strbuf_addch(&out, '{');
	while (*p && *p != '}') {
		int quoted = *p == '"';
		const char *mapped;

		strbuf_reset(&item);
		if (quoted) {
			for (p++; *p && *p != '"'; p++) {
				if (*p == '\\' && p[1])
					p++;
				strbuf_addch(&item, *p);
			}
			if (*p)
				p++;
		} else {
			while (*p && *p != ',' && *p != '}')
				strbuf_addch(&item, *p++);
		}
		if (out.len > 1)
			strbuf_addch(&out, ',');
		if (!quoted && !strcasecmp(item.buf, "NULL")) {
			strbuf_adds(&out, "NULL");
		} else {
			mapped = fn(ctx, item.buf);
			changed |= strcmp(mapped, item.buf) != 0;
			pgarray_add_item(&out, mapped);
		}
		if (*p == ',')
			p++;
		else if (*p != '}')
			break;
	}
	strbuf_release(&item);
	if (*p != '}' || p[1] || !changed) {
		strbuf_release(&out);
		return NULL;
	}
	strbuf_addch(&out, '}');
	return strbuf_detach(&out);
}
