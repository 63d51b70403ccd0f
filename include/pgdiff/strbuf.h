/* strbuf.h: the one growable string; buf is never NULL and always terminated. */
#ifndef PGDIFF_STRBUF_H
#define PGDIFF_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *buf;
	size_t len;
	size_t alloc;
};

#define STRBUF_INIT { strbuf_empty, 0, 0 }
extern char strbuf_empty[];

void strbuf_init(struct strbuf *sb);
/* Frees the buffer and leaves sb empty but usable. */
void strbuf_release(struct strbuf *sb);
/* Empties sb, keeping its memory. */
void strbuf_reset(struct strbuf *sb);
/* Hands the buffer to the caller (caller frees) and leaves sb empty. */
char *strbuf_detach(struct strbuf *sb);
void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_add(struct strbuf *sb, const void *data, size_t len);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, char c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
void strbuf_setlen(struct strbuf *sb, size_t len);
/* Removes the suffix if sb ends with it; returns whether it did. */
int strbuf_strip_suffix(struct strbuf *sb, const char *suffix);

#endif
