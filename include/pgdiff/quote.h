/* quote.h: SQL identifier and literal quoting, appended to the caller's buffer. */
#ifndef PGDIFF_QUOTE_H
#define PGDIFF_QUOTE_H

#include "pgdiff/strbuf.h"

/*
 * Appends name as an identifier, in double quotes only when it is not a
 * plain lower-case name or is a keyword PostgreSQL would not accept bare.
 */
void quote_ident(struct strbuf *sb, const char *name);
/* Appends schema.name, each part quoted as needed; schema may be NULL. */
void quote_qualified(struct strbuf *sb, const char *schema, const char *name);
/* Appends s as a standard-conforming string literal ('it''s'). */
void quote_literal(struct strbuf *sb, const char *s);
/* Whether name must be double-quoted to be read back unchanged. */
int ident_needs_quotes(const char *name);
/*
 * Whether byte c can continue an identifier in SQL text, quoted or not
 * (any case, digits, _ and $, any byte of a multi-byte character): where
 * a name written in a definition begins and ends.
 */
int sql_ident_char(char c);

#endif
