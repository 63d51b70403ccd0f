/*
 * ts_dictionary.c: text search dictionaries.  Options change with ALTER
 * TEXT SEARCH DICTIONARY; another template re-creates the dictionary under
 * the configurations that map to it.
 */
#include <stdlib.h>
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"
#include "pgdiff/typekinds.h"
#include "pgdiff/util.h"

/*
 * One option of dictinitoption, as the server wrote it: the name as
 * quote_identifier gives it and the value as a literal ('x', E'x\\y') or a
 * bare number.  Both point into the fact.
 */
struct dict_option {
	const char *name, *value;
	size_t name_len, value_len;
};

struct dict_options {
	struct dict_option *items;
	size_t n, alloc;
};

/* The end of the quoted text that starts at p (a ' or a "), or NULL. */
static const char *skip_quoted(const char *p, int backslashes)
{
	char quote = *p++;

	for (; *p; p++) {
		if (backslashes && *p == '\\' && p[1]) {
			p++;
		} else if (*p == quote) {
			if (p[1] != quote)
				return p + 1;
			p++;
		}
	}
	return NULL;
}

/*
 * Splits "name = 'value', name2 = 3" (serialize_deflist's format); returns
 * -1 on text it does not expect.  NULL is no options.
 */
static int parse_options(struct dict_options *opts, const char *text)
{
	const char *p = text;

	memset(opts, 0, sizeof(*opts));
	while (p && *p) {
		struct dict_option o;

		o.name = p;
		if (*p == '"')
			p = skip_quoted(p, 0);
		else
			p += strcspn(p, " =");
		if (!p || strncmp(p, " = ", 3))
			return -1;
		o.name_len = (size_t)(p - o.name);
		p += 3;
		o.value = p;
		if (*p == 'E' && p[1] == '\'')
			p = skip_quoted(p + 1, 1);
		else if (*p == '\'')
			p = skip_quoted(p, 0);
		else
			p += strcspn(p, ",");
		if (!p || (*p && strncmp(p, ", ", 2)))
			return -1;
		o.value_len = (size_t)(p - o.value);
		if (*p)
			p += 2;
		ALLOC_GROW(opts->items, opts->n + 1, opts->alloc);
		opts->items[opts->n++] = o;
	}
	return 0;
}

static void get_options(struct dict_options *opts, const struct object *o)
{
	if (parse_options(opts, obj_get(o, "options")) < 0)
		BUG("malformed options of %s", o->key);
}

/* Index of the option named like o in opts, or -1. */
static long find_option(const struct dict_options *opts,
			const struct dict_option *o)
{
	for (size_t i = 0; i < opts->n; i++)
		if (opts->items[i].name_len == o->name_len &&
		    !memcmp(opts->items[i].name, o->name, o->name_len))
			return (long)i;
	return -1;
}

static int same_value(const struct dict_option *a, const struct dict_option *b)
{
	return a->value_len == b->value_len &&
	       !memcmp(a->value, b->value, a->value_len);
}

static void add_option(struct strbuf *sql, int *n,
		       const struct dict_option *o, int with_value)
{
	if ((*n)++)
		strbuf_adds(sql, ", ");
	strbuf_add(sql, o->name, o->name_len);
	if (with_value) {
		strbuf_adds(sql, " = ");
		strbuf_add(sql, o->value, o->value_len);
	}
}

static struct stmt *create_dictionary(struct plan *plan,
				       const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	const char *options = obj_get(o, "options");
	struct stmt *st;

	strbuf_adds(&sql, "CREATE TEXT SEARCH DICTIONARY ");
	quote_qualified(&sql, o->schema, o->name);
	/* the template is quoted and qualified by the query */
	strbuf_addf(&sql, " (TEMPLATE = %s", obj_get(o, "template"));
	/* the server's own text, valid as written (it is what pg_dump does) */
	if (options && *options)
		strbuf_addf(&sql, ", %s", options);
	strbuf_addch(&sql, ')');
	st = plan_add(plan, ACT_CREATE, CH_CREATE_TS_DICT, o, NULL, &sql);
	strbuf_release(&sql);
	return st;
}

static void ts_dictionary_create(struct plan *plan, const struct object *o)
{
	create_dictionary(plan, o);
}

static void ts_dictionary_drop(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;

	strbuf_adds(&sql, "DROP TEXT SEARCH DICTIONARY ");
	quote_qualified(&sql, o->schema, o->name);
	st = plan_add(plan, ACT_DROP, CH_DROP_TS_DICT, o, NULL, &sql);
	st->lock = LOCK_NONE;
	strbuf_release(&sql);
}

/*
 * ALTER removes each option it names and appends those given a value, so
 * the options it leaves alone stay first, in their order.  Those are the
 * longest run at the head of the target's options that the source has,
 * with the same values, in the same order; everything else is named:
 * removed if the target lacks it, else set (again) in the target's order.
 * The result is the target's text exactly.
 */
static void alter_options(struct plan *plan, const struct object *from,
			  const struct object *to)
{
	struct dict_options old, new;
	struct strbuf sql = STRBUF_INIT;
	size_t kept = 0;
	long last = -1;
	int n = 0;

	get_options(&old, from);
	get_options(&new, to);
	for (; kept < new.n; kept++) {
		long at = find_option(&old, &new.items[kept]);

		if (at <= last || !same_value(&old.items[at], &new.items[kept]))
			break;
		last = at;
	}
	strbuf_adds(&sql, "ALTER TEXT SEARCH DICTIONARY ");
	quote_qualified(&sql, to->schema, to->name);
	strbuf_adds(&sql, " (");
	for (size_t i = 0; i < old.n; i++)
		if (find_option(&new, &old.items[i]) < 0)
			add_option(&sql, &n, &old.items[i], 0);
	for (size_t i = kept; i < new.n; i++)
		add_option(&sql, &n, &new.items[i], 1);
	strbuf_addch(&sql, ')');
	if (n)
		plan_add(plan, ACT_ALTER, CH_ALTER_TS_DICT, to, NULL, &sql);
	strbuf_release(&sql);
	free(old.items);
	free(new.items);
}

/* "schema.name__pgdiff_old": where a rebuilt dictionary waits. */
static void add_old_name(struct plan *plan, struct strbuf *sql,
			 const struct object *o)
{
	quote_qualified(sql, o->schema,
			arena_printf(&plan->arena, "%s%s", o->name,
				     TYPE_OLD_SUFFIX));
}

/*
 * Another template: the old dictionary is renamed away, the new one
 * created, the configurations that map to the old one moved to it with
 * ALTER MAPPING REPLACE, and the old one dropped.  Dropping it first would
 * take the configurations with it, and with them the indexes and generated
 * columns that name them; this way they stay.  The statements keep their
 * own keys so that nothing counts the dictionary as dropped.
 */
static void rebuild_dictionary(struct plan *plan, const struct object *from,
			       const struct object *to)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *rename, *create, *drop_old;
	struct stmt **moves = xcalloc(from->nusers + 1, sizeof(*moves));
	size_t nmoves = 0;

	strbuf_adds(&sql, "ALTER TEXT SEARCH DICTIONARY ");
	quote_qualified(&sql, from->schema, from->name);
	strbuf_adds(&sql, " RENAME TO ");
	quote_ident(&sql, arena_printf(&plan->arena, "%s%s", from->name,
				       TYPE_OLD_SUFFIX));
	rename = plan_add(plan, ACT_ALTER, CH_REBUILD_TS_DICT, to, NULL, &sql);
	rename->custom_keys = 1;
	rename->lock = LOCK_NONE;
	create = create_dictionary(plan, to);
	stmt_after(create, rename);
	for (size_t i = 0; i < from->nusers; i++) {
		const struct object *cfg = from->users[i];
		const struct object *kept = plan_target_of(plan, cfg);
		char *name, *dict;
		struct stmt *st;

		if (cfg->kind != OBJ_TS_CONFIG)
			continue;
		strbuf_adds(&sql, "ALTER TEXT SEARCH CONFIGURATION ");
		quote_qualified(&sql, cfg->schema, cfg->name);
		strbuf_adds(&sql, " ALTER MAPPING REPLACE ");
		add_old_name(plan, &sql, from);
		strbuf_adds(&sql, " WITH ");
		quote_qualified(&sql, to->schema, to->name);
		st = plan_add(plan, ACT_ALTER, CH_ALTER_TS_MAPPING,
			      kept ? kept : cfg, NULL, &sql);
		name = obj_display_name(cfg);
		dict = obj_display_name(to);
		st->reason = arena_printf(&plan->arena,
			"moves text search configuration %s to the re-created dictionary %s",
			name, dict);
		free(name);
		free(dict);
		st->lock = LOCK_NONE;
		st->custom_keys = 1;
		keylist_add(plan, &st->needs, to->key);
		/* the configuration is dropped (if it is) only after */
		keylist_add(plan, &st->unneeds, cfg->key);
		stmt_after(st, rename);
		moves[nmoves++] = st;
	}
	strbuf_adds(&sql, "DROP TEXT SEARCH DICTIONARY ");
	add_old_name(plan, &sql, from);
	drop_old = plan_add(plan, ACT_DROP, CH_DROP_OLD_TS_DICT, from, NULL,
			    &sql);
	drop_old->custom_keys = 1;
	drop_old->lock = LOCK_NONE;
	stmt_after(drop_old, rename);
	for (size_t i = 0; i < nmoves; i++)
		stmt_after(drop_old, moves[i]);
	free(moves);
	strbuf_release(&sql);
}

static void ts_dictionary_alter(struct plan *plan, const struct object *from,
				const struct object *to)
{
	if (obj_same_attrs(from, to))
		return;
	if (obj_attr_differs(from, to, "template")) {
		rebuild_dictionary(plan, from, to);
		return;
	}
	alter_options(plan, from, to);
}

const struct kind_ops ts_dictionary_ops = {
	ts_dictionary_create, ts_dictionary_drop, ts_dictionary_alter
};
