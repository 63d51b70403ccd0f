/*
 * ts_config.c: text search configurations: a parser and, per token type,
 * the dictionaries to try.  Mappings change with ALTER TEXT SEARCH
 * CONFIGURATION ... ADD | ALTER | DROP MAPPING; another parser drops the
 * configuration and creates it again.
 */
#include <stdlib.h>
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/pgarray.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

/* A token type and its dictionaries ("public.d, pg_catalog.simple"). */
struct mapping {
	char *token;
	const char *dicts;
};

struct mappings {
	struct pgarray arr;	/* owns the text */
	struct mapping *items;
	size_t n;
};

/* Splits the `mappings` fact: "tokentype WITH schema.dict, ..." items. */
static void get_mappings(struct mappings *m, const struct object *o)
{
	if (pgarray_parse(&m->arr, obj_get(o, "mappings")) < 0)
		BUG("malformed mappings of %s", o->key);
	m->n = m->arr.n;
	m->items = xcalloc(m->n + 1, sizeof(*m->items));
	for (size_t i = 0; i < m->n; i++) {
		char *with = strstr(m->arr.items[i], " WITH ");

		if (!with)
			BUG("malformed mapping '%s' of %s", m->arr.items[i],
			    o->key);
		*with = '\0';
		m->items[i].token = m->arr.items[i];
		m->items[i].dicts = with + strlen(" WITH ");
	}
}

static void release_mappings(struct mappings *m)
{
	free(m->items);
	pgarray_release(&m->arr);
}

static const struct mapping *find_mapping(const struct mappings *m,
					  const char *token)
{
	for (size_t i = 0; i < m->n; i++)
		if (!strcmp(m->items[i].token, token))
			return &m->items[i];
	return NULL;
}

static struct stmt *add_stmt(struct plan *plan, enum action action,
			     enum change ch, const struct object *o,
			     const char *what, struct strbuf *sql)
{
	struct stmt *st = plan_add(plan, action, ch, o, what, sql);

	st->lock = LOCK_NONE;
	return st;
}

static void alter_prefix(struct strbuf *sql, const struct object *o)
{
	strbuf_adds(sql, "ALTER TEXT SEARCH CONFIGURATION ");
	quote_qualified(sql, o->schema, o->name);
}

/*
 * One ADD or ALTER MAPPING per dictionary list, for the token types of
 * `to` that pick(from_map, to_map) selects, in token type order; each runs
 * after `first`.
 */
static void map_tokens(struct plan *plan, const struct object *o,
		       const struct mappings *to, const struct mappings *from,
		       const char *verb, enum change ch, struct stmt *first,
		       int (*pick)(const struct mapping *, const struct mapping *))
{
	char *done = xcalloc(to->n + 1, 1);

	for (size_t i = 0; i < to->n; i++) {
		struct strbuf sql = STRBUF_INIT;
		const struct mapping *mi = &to->items[i];
		int n = 0;

		if (done[i])
			continue;
		alter_prefix(&sql, o);
		strbuf_addf(&sql, " %s MAPPING FOR ", verb);
		for (size_t k = i; k < to->n; k++) {
			const struct mapping *mk = &to->items[k];

			if (done[k] || strcmp(mk->dicts, mi->dicts) ||
			    !pick(from ? find_mapping(from, mk->token) : NULL,
				  mk))
				continue;
			done[k] = 1;
			/* token type names are plain words of the parser */
			strbuf_addf(&sql, "%s%s", n++ ? ", " : "", mk->token);
		}
		/* dictionaries are quoted and qualified by the query */
		strbuf_addf(&sql, " WITH %s", mi->dicts);
		if (n) {
			struct stmt *st = add_stmt(plan, ACT_ALTER, ch, o, NULL,
						   &sql);
			if (first)
				stmt_after(st, first);
			if (ch == CH_CREATE_TS_CONFIG) {
				char *name = obj_display_name(o);
				st->reason = arena_printf(&plan->arena,
					"maps token types of new text search configuration %s",
					name);
				free(name);
			}
		}
		strbuf_release(&sql);
	}
	free(done);
}

static int is_new(const struct mapping *old, const struct mapping *new)
{
	(void)new;
	return !old;
}

static int is_changed(const struct mapping *old, const struct mapping *new)
{
	return old && strcmp(old->dicts, new->dicts);
}

static void ts_config_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	struct mappings m;
	struct stmt *st;

	strbuf_adds(&sql, "CREATE TEXT SEARCH CONFIGURATION ");
	quote_qualified(&sql, o->schema, o->name);
	/* the parser is quoted and qualified by the query */
	strbuf_addf(&sql, " (PARSER = %s)", obj_get(o, "parser"));
	st = add_stmt(plan, ACT_CREATE, CH_CREATE_TS_CONFIG, o, NULL, &sql);
	strbuf_release(&sql);
	get_mappings(&m, o);
	map_tokens(plan, o, &m, NULL, "ADD", CH_CREATE_TS_CONFIG, st, is_new);
	release_mappings(&m);
}

/*
 * A stored generated column that names the configuration keeps it from
 * being dropped, and PostgreSQL before 17 cannot change its expression:
 * when the configuration is re-created, the column is dropped before and
 * added again after (last in its table).
 */
static void regenerate_columns(struct plan *plan, const struct object *o)
{
	for (size_t i = 0; i < o->nusers; i++) {
		const struct object *col = o->users[i], *tcol;
		size_t first = plan->nstmts;
		char *name, *cfg;

		if (col->kind != OBJ_COLUMN || !obj_get(col, "generated"))
			continue;
		tcol = plan_target_of(plan, col);
		/* a new expression: the column re-creates itself */
		if (!tcol || !obj_depends_on(tcol, o->key) ||
		    !str_equal(obj_get(col, "generated"),
			       obj_get(tcol, "generated")))
			continue;
		kind_ops(OBJ_COLUMN)->drop(plan, col);
		name = obj_display_name(col);
		cfg = obj_display_name(o);
		for (size_t k = first; k < plan->nstmts; k++) {
			struct stmt *st = plan->stmts[k];

			st->change = CH_RECREATE_COLUMN;
			st->hazards = rule_for(CH_RECREATE_COLUMN)->hazards;
			st->severity = severity_of_hazards(st->hazards);
			st->reason = arena_printf(&plan->arena,
				"drops and re-adds generated column %s, because text search configuration %s is re-created: its values are computed anew",
				name, cfg);
		}
		free(name);
		free(cfg);
		kind_ops(OBJ_COLUMN)->create(plan, tcol);
	}
}

static void drop_config(struct plan *plan, const struct object *o,
			enum change ch)
{
	struct strbuf sql = STRBUF_INIT;
	const char *what = NULL;

	if (plan_target_of(plan, o))
		regenerate_columns(plan, o);
	strbuf_adds(&sql, "DROP TEXT SEARCH CONFIGURATION ");
	quote_qualified(&sql, o->schema, o->name);
	/* the generic re-create rule does not say what kind it drops */
	if (ch == CH_RECREATE_DROP) {
		char *name = obj_display_name(o);
		what = arena_printf(&plan->arena,
				    "text search configuration %s", name);
		free(name);
	}
	add_stmt(plan, ACT_DROP, ch, o, what, &sql);
	strbuf_release(&sql);
}

static void ts_config_drop(struct plan *plan, const struct object *o)
{
	drop_config(plan, o, CH_DROP_TS_CONFIG);
}

/* DROP MAPPING for the token types `to` no longer maps, in one statement. */
static struct stmt *unmap_tokens(struct plan *plan, const struct object *o,
				 const struct mappings *from,
				 const struct mappings *to)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st = NULL;
	int n = 0;

	alter_prefix(&sql, o);
	strbuf_adds(&sql, " DROP MAPPING FOR ");
	for (size_t i = 0; i < from->n; i++)
		if (!find_mapping(to, from->items[i].token))
			strbuf_addf(&sql, "%s%s", n++ ? ", " : "",
				    from->items[i].token);
	if (n)
		st = add_stmt(plan, ACT_ALTER, CH_ALTER_TS_MAPPING, o, NULL,
			      &sql);
	strbuf_release(&sql);
	return st;
}

static void ts_config_alter(struct plan *plan, const struct object *from,
			    const struct object *to)
{
	struct mappings old, new;
	struct stmt *unmap;

	if (obj_same_attrs(from, to))
		return;
	if (obj_attr_differs(from, to, "parser")) {
		drop_config(plan, from, CH_RECREATE_DROP);
		ts_config_create(plan, to);
		return;
	}
	get_mappings(&old, from);
	get_mappings(&new, to);
	unmap = unmap_tokens(plan, to, &old, &new);
	map_tokens(plan, to, &new, &old, "ALTER", CH_ALTER_TS_MAPPING, unmap,
		   is_changed);
	map_tokens(plan, to, &new, &old, "ADD", CH_ALTER_TS_MAPPING, unmap,
		   is_new);
	release_mappings(&old);
	release_mappings(&new);
}

const struct kind_ops ts_config_ops = {
	ts_config_create, ts_config_drop, ts_config_alter
};
