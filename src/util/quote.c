/* quote.c: minimal identifier quoting and standard string literals. */
#include <string.h>

#include "pgdiff/keywords.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

/*
 * Bytes are tested one by one and not with <ctype.h>, whose answers follow
 * the locale: a name must be quoted the same way on every machine.  Any
 * byte of a multi-byte UTF-8 character fails both tests, so "café" is
 * quoted: the server would accept it bare, but quoting costs nothing and
 * keeps the rule simple.
 */
static int is_ident_start(char c)
{
	return (c >= 'a' && c <= 'z') || c == '_';
}

static int is_ident_char(char c)
{
	return is_ident_start(c) || (c >= '0' && c <= '9');
}

int sql_ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '$' ||
	       (unsigned char)c >= 0x80;
}

int ident_needs_quotes(const char *name)
{
	const char *p;
	int category;

	if (!is_ident_start(name[0]))
		return 1;
	for (p = name + 1; *p; p++) {
		if (!is_ident_char(*p))
			return 1;
	}
	/* Only unreserved keywords read back as names in every position. */
	category = keyword_category(name);
	return category && category != 'U';
}

/* Appends s between q characters, doubling every q inside it. */
static void add_quoted(struct strbuf *sb, const char *s, char q)
{
	const char *p;

	strbuf_addch(sb, q);
	while ((p = strchr(s, q))) {
		strbuf_add(sb, s, (size_t)(p - s) + 1);
		strbuf_addch(sb, q);
		s = p + 1;
	}
	strbuf_adds(sb, s);
	strbuf_addch(sb, q);
}

void quote_ident(struct strbuf *sb, const char *name)
{
	if (!name)
		BUG("quote_ident of a NULL name");
	if (ident_needs_quotes(name))
		add_quoted(sb, name, '"');
	else
		strbuf_adds(sb, name);
}

void quote_qualified(struct strbuf *sb, const char *schema, const char *name)
{
	if (schema) {
		quote_ident(sb, schema);
		strbuf_addch(sb, '.');
	}
	quote_ident(sb, name);
}

/*
 * Backslashes are left alone: with standard_conforming_strings on (the
 * default since PostgreSQL 9.1) they are ordinary characters in '...'.
 * A NULL string becomes the NULL keyword, which is what a caller
 * writing a value from the catalog means.
 */
void quote_literal(struct strbuf *sb, const char *s)
{
	if (!s) {
		strbuf_adds(sb, "NULL");
		return;
	}
	add_quoted(sb, s, '\'');
}
