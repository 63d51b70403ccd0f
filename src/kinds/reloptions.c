/*
 * reloptions.c: storage parameters of tables, indexes and materialized
 * views, as catalog queries list them: "name=value" lines in catalog order,
 * toast table options as "toast.name=value" after the table's.  Order is
 * no difference, but ALTER ... SET appends what it sets: a new or changed
 * one sets them all, in the target's order, so that both sides end up
 * listing them alike (RESET keeps the order of the others).
 */
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"

/*
 * Option names are the server's own (validated when set); quote them only
 * if they would not read back.  "toast.name" is a namespace and a name.
 */
static void add_option_name(struct strbuf *sb, const char *name, size_t len)
{
	struct strbuf n = STRBUF_INIT;
	const char *dot = memchr(name, '.', len);

	if (dot) {
		add_option_name(sb, name, (size_t)(dot - name));
		strbuf_addch(sb, '.');
		len -= (size_t)(dot - name) + 1;
		name = dot + 1;
	}
	strbuf_add(&n, name, len);
	if (ident_needs_quotes(n.buf))
		quote_ident(sb, n.buf);
	else
		strbuf_adds(sb, n.buf);
	strbuf_release(&n);
}

/* The value of option name (len bytes) in a list, or NULL. */
static const char *find_option(const char *list, const char *name,
			       size_t len, size_t *vlen)
{
	for (const char *p = list; p && *p; ) {
		size_t line = strcspn(p, "\n");
		size_t nlen = strcspn(p, "=\n");

		if (nlen == len && !strncmp(p, name, len)) {
			const char *v = p[nlen] == '=' ? p + nlen + 1 : p + nlen;
			*vlen = (size_t)(p + line - v);
			return v;
		}
		p += line;
		if (*p == '\n')
			p++;
	}
	return NULL;
}

/*
 * Parameters that ALTER ... SET / RESET changes under a SHARE UPDATE
 * EXCLUSIVE lock (reloptions.c in PostgreSQL); the others (user_catalog_table,
 * gin's fastupdate, gist's buffering, those of extensions) take ACCESS
 * EXCLUSIVE.
 */
static const char *const weak_lock_options[] = {
	"fillfactor", "toast_tuple_target", "parallel_workers",
	"vacuum_index_cleanup", "vacuum_truncate", "log_autovacuum_min_duration",
	"deduplicate_items", "pages_per_range", "autosummarize",
	"gin_pending_list_limit",
};

static int takes_weak_lock(const char *name, size_t len)
{
	if (len > 6 && !strncmp(name, "toast.", 6))
		return 1;
	if (len > 11 && !strncmp(name, "autovacuum_", 11))
		return 1;
	for (size_t i = 0; i < sizeof(weak_lock_options) /
	     sizeof(*weak_lock_options); i++)
		if (strlen(weak_lock_options[i]) == len &&
		    !strncmp(weak_lock_options[i], name, len))
			return 1;
	return 0;
}

/*
 * Appends "name='value', ..." for the options of list that other lacks or
 * holds with another value (all of them when other is NULL); with values
 * 0, only the names of those other lacks (for RESET).  Returns how many;
 * *strong (when not NULL) is set if one of them takes an ACCESS EXCLUSIVE
 * lock.
 */
static int add_options(struct strbuf *sb, const char *list,
		       const char *other, int values, int *strong)
{
	int n = 0;

	for (const char *p = list; p && *p; ) {
		size_t line = strcspn(p, "\n");
		size_t nlen = strcspn(p, "=\n");
		const char *v = p[nlen] == '=' ? p + nlen + 1 : p + nlen;
		size_t vlen = (size_t)(p + line - v), olen = 0;
		const char *ov = find_option(other, p, nlen, &olen);
		int wanted = values ? !ov || olen != vlen || strncmp(ov, v, vlen)
				    : !ov;

		if (wanted) {
			if (n++)
				strbuf_adds(sb, ", ");
			add_option_name(sb, p, nlen);
			if (strong && !takes_weak_lock(p, nlen))
				*strong = 1;
			if (values) {
				struct strbuf val = STRBUF_INIT;
				strbuf_add(&val, v, vlen);
				strbuf_addch(sb, '=');
				quote_literal(sb, val.buf);
				strbuf_release(&val);
			}
		}
		p += line;
		if (*p == '\n')
			p++;
	}
	return n;
}

void reloptions_with(struct strbuf *sb, const char *options)
{
	if (!options || !*options)
		return;
	strbuf_adds(sb, " WITH (");
	add_options(sb, options, NULL, 1, NULL);
	strbuf_addch(sb, ')');
}

int reloptions_differ(const char *a, const char *b)
{
	struct strbuf sb = STRBUF_INIT;
	int n = add_options(&sb, a, b, 1, NULL) + add_options(&sb, b, a, 0, NULL);

	strbuf_release(&sb);
	return n > 0;
}

int reloptions_alter(struct strbuf *sb, const char *old, const char *new,
		     int *strong)
{
	struct strbuf set = STRBUF_INIT, reset = STRBUF_INIT;
	int n = 0;

	*strong = 0;
	/* one added or changed: all, so that they keep the target's order */
	if (add_options(&set, new, old, 1, NULL)) {
		strbuf_reset(&set);
		add_options(&set, new, NULL, 1, strong);
		strbuf_addf(sb, " SET (%s)", set.buf);
	}
	if (add_options(&reset, old, new, 0, strong))
		strbuf_addf(sb, "%s RESET (%s)", set.len ? "," : "", reset.buf);
	n = set.len || reset.len;
	strbuf_release(&set);
	strbuf_release(&reset);
	return n;
}
