/*
 * conn.c: how a connection spec is shown to people, connection strings with
 * their secrets taken out, and libpq's own version.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "pgdiff/catalog.h"
#include "pgdiff/strbuf.h"
#include "pgdiff/util.h"

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

/* Appends value as a conninfo value: bare when it can be, else quoted. */
static void add_conninfo_value(struct strbuf *sb, const char *value)
{
	if (*value && !value[strcspn(value, " \t\n\r\f\v'\\")]) {
		strbuf_adds(sb, value);
		return;
	}
	strbuf_addch(sb, '\'');
	for (const char *p = value; *p; p++) {
		if (*p == '\'' || *p == '\\')
			strbuf_addch(sb, '\\');
		strbuf_addch(sb, *p);
	}
	strbuf_addch(sb, '\'');
}

static int cmp_keyword(const void *a, const void *b)
{
	const PQconninfoOption *x = *(const PQconninfoOption *const *)a;
	const PQconninfoOption *y = *(const PQconninfoOption *const *)b;
	return strcmp(x->keyword, y->keyword);
}

/* libpq marks the options it never displays (passwords) with '*'. */
static int is_secret(const PQconninfoOption *opt)
{
	return opt->dispchar && opt->dispchar[0] == '*';
}

int conninfo_strip(const char *conninfo, struct conninfo_parts *parts)
{
	PQconninfoOption *opts = PQconninfoParse(conninfo, NULL);
	const PQconninfoOption **set;
	struct strbuf options = STRBUF_INIT, secrets = STRBUF_INIT;
	size_t n = 0, total = 0;

	memset(parts, 0, sizeof(*parts));
	/* its error message may quote the string: it is not kept */
	if (!opts)
		return -1;
	for (const PQconninfoOption *opt = opts; opt->keyword; opt++)
		total++;
	set = xcalloc(total + 1, sizeof(*set));
	for (const PQconninfoOption *opt = opts; opt->keyword; opt++)
		if (opt->val)
			set[n++] = opt;
	qsort(set, n, sizeof(*set), cmp_keyword);
	for (size_t i = 0; i < n; i++) {
		if (is_secret(set[i])) {
			strbuf_adds(&secrets, secrets.len ? "," : "{");
			strbuf_adds(&secrets, set[i]->keyword);
			continue;
		}
		if (options.len)
			strbuf_addch(&options, ' ');
		strbuf_addf(&options, "%s=", set[i]->keyword);
		add_conninfo_value(&options, set[i]->val);
	}
	/* wipe the secret values before libpq frees them */
	for (PQconninfoOption *opt = opts; opt->keyword; opt++)
		if (opt->val && is_secret(opt))
			memset(opt->val, 0, strlen(opt->val));
	PQconninfoFree(opts);
	free(set);
	parts->options = strbuf_detach(&options);
	if (secrets.len) {
		strbuf_addch(&secrets, '}');
		parts->secrets = strbuf_detach(&secrets);
		parts->text = xstrdup(parts->options);
	} else {
		strbuf_release(&secrets);
		parts->text = xstrdup(conninfo);
	}
	return 0;
}

void conninfo_parts_release(struct conninfo_parts *parts)
{
	free(parts->text);
	free(parts->options);
	free(parts->secrets);
	memset(parts, 0, sizeof(*parts));
}

void libpq_version(struct strbuf *sb)
{
	int v = PQlibVersion();
	strbuf_addf(sb, "%d.%d", v / 10000, v % 10000);
}
