/* conn.c: how a connection spec is shown to people, and libpq's own version. */
#include <ctype.h>
#include <string.h>

#include <libpq-fe.h>

#include "pgdiff/catalog.h"
#include "pgdiff/strbuf.h"

static int has_prefix(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* Appends value up to stop (exclusive), or "****" when mask is set. */
static const char *copy_masked(struct strbuf *sb, const char *p,
			       const char *stops, int mask)
{
	const char *end = p + strcspn(p, stops);

	if (mask)
		strbuf_adds(sb, "****");
	else
		strbuf_add(sb, p, (size_t)(end - p));
	return end;
}

/* postgresql://user:secret@host/db?password=x → user:****@host, password=****. */
static void mask_uri(struct strbuf *sb, const char *spec)
{
	const char *p = strstr(spec, "://") + 3;
	const char *auth_end = p + strcspn(p, "/?");
	const char *at = NULL;

	strbuf_add(sb, spec, (size_t)(p - spec));
	for (const char *q = p; q < auth_end; q++)
		if (*q == '@')
			at = q;
	if (at) {
		const char *colon = memchr(p, ':', (size_t)(at - p));
		if (colon) {
			strbuf_add(sb, p, (size_t)(colon - p + 1));
			strbuf_adds(sb, "****");
			p = at;
		}
	}
	while (*p) {
		if ((p[-1] == '?' || p[-1] == '&') && has_prefix(p, "password=")) {
			strbuf_adds(sb, "password=");
			p = copy_masked(sb, p + 9, "&", 1);
			continue;
		}
		strbuf_addch(sb, *p++);
	}
}

/* host=x password='a b' → host=x password=****. */
static void mask_conninfo(struct strbuf *sb, const char *spec)
{
	const char *p = spec;

	while (*p) {
		const char *word = p;
		int is_password;

		while (*p && !isspace((unsigned char)*p) && *p != '=')
			p++;
		is_password = (size_t)(p - word) == 8 && has_prefix(word, "password");
		strbuf_add(sb, word, (size_t)(p - word));
		while (isspace((unsigned char)*p))
			strbuf_addch(sb, *p++);
		if (*p != '=')
			continue;
		strbuf_addch(sb, *p++);
		while (isspace((unsigned char)*p))
			strbuf_addch(sb, *p++);
		if (*p == '\'') {
			const char *q = p + 1;
			while (*q && *q != '\'')
				q += (*q == '\\' && q[1]) ? 2 : 1;
			if (*q)
				q++;
			if (is_password)
				strbuf_adds(sb, "****");
			else
				strbuf_add(sb, p, (size_t)(q - p));
			p = q;
		} else {
			p = copy_masked(sb, p, " \t\n", is_password);
		}
	}
}

char *conn_display(const char *spec)
{
	struct strbuf sb = STRBUF_INIT;

	if (has_prefix(spec, "postgresql://") || has_prefix(spec, "postgres://"))
		mask_uri(&sb, spec);
	else
		mask_conninfo(&sb, spec);
	return strbuf_detach(&sb);
}

void libpq_version(struct strbuf *sb)
{
	int v = PQlibVersion();
	strbuf_addf(sb, "%d.%d", v / 10000, v % 10000);
}
