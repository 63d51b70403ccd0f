/* strbuf.c: the growable string behind every piece of SQL and every message. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pgdiff/strbuf.h"
#include "pgdiff/util.h"

/*
 * What buf points to until the first allocation, so that an initialised
 * strbuf can be read as "" without a malloc.  Never written to: alloc == 0
 * marks a strbuf still pointing here.
 */
char strbuf_empty[1];

void strbuf_init(struct strbuf *sb)
{
	sb->buf = strbuf_empty;
	sb->len = 0;
	sb->alloc = 0;
}

void strbuf_release(struct strbuf *sb)
{
	if (sb->alloc)
		free(sb->buf);
	strbuf_init(sb);
}

void strbuf_reset(struct strbuf *sb)
{
	strbuf_setlen(sb, 0);
}

char *strbuf_detach(struct strbuf *sb)
{
	/* The caller must be able to free() what it gets, even for "". */
	char *s = sb->alloc ? sb->buf : xcalloc(1, 1);

	strbuf_init(sb);
	return s;
}

void strbuf_grow(struct strbuf *sb, size_t extra)
{
	int fresh = !sb->alloc;
	void *p = fresh ? NULL : sb->buf;

	if (extra >= SIZE_MAX - sb->len)
		die(EXIT_INTERNAL, "out of memory");
	grow_array(&p, &sb->alloc, sb->len + extra + 1, 1);
	sb->buf = p;
	if (fresh)
		sb->buf[0] = '\0';
}

void strbuf_add(struct strbuf *sb, const void *data, size_t len)
{
	if (!len)
		return;
	strbuf_grow(sb, len);
	memcpy(sb->buf + sb->len, data, len);
	strbuf_setlen(sb, sb->len + len);
}

void strbuf_adds(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void strbuf_addch(struct strbuf *sb, char c)
{
	strbuf_grow(sb, 1);
	sb->buf[sb->len++] = c;
	sb->buf[sb->len] = '\0';
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	/* Most additions are short: one vsnprintf usually does it. */
	if (sb->alloc - sb->len < 64)
		strbuf_grow(sb, 64);
	va_copy(copy, ap);
	n = vsnprintf(sb->buf + sb->len, sb->alloc - sb->len, fmt, copy);
	va_end(copy);
	if (n < 0)
		BUG("vsnprintf failed on format '%s'", fmt);
	if ((size_t)n >= sb->alloc - sb->len) {
		strbuf_grow(sb, (size_t)n);
		n = vsnprintf(sb->buf + sb->len, sb->alloc - sb->len, fmt, ap);
		if (n < 0 || (size_t)n >= sb->alloc - sb->len)
			BUG("vsnprintf changed its mind on format '%s'", fmt);
	}
	strbuf_setlen(sb, sb->len + (size_t)n);
}

void strbuf_setlen(struct strbuf *sb, size_t len)
{
	if (!sb->alloc) {
		if (len)
			BUG("strbuf_setlen(%zu) on an empty strbuf", len);
		return;
	}
	if (len >= sb->alloc)
		BUG("strbuf_setlen(%zu) beyond alloc %zu", len, sb->alloc);
	sb->len = len;
	sb->buf[len] = '\0';
}

int strbuf_strip_suffix(struct strbuf *sb, const char *suffix)
{
	size_t n = strlen(suffix);

	if (n > sb->len || memcmp(sb->buf + sb->len - n, suffix, n) != 0)
		return 0;
	strbuf_setlen(sb, sb->len - n);
	return 1;
}
