/*
 * function.c: functions and procedures, keyed by their argument types:
 * ALTER for attributes, CREATE OR REPLACE for bodies, drop and create for
 * what CREATE OR REPLACE refuses (return type, parameter names, defaults).
 */
#include <stdlib.h>
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

static const char *routine_word(const struct object *o)
{
	return o->kind == OBJ_PROCEDURE ? "PROCEDURE" : "FUNCTION";
}

/* "function public.f(integer, text)": what reasons call it. */
static const char *routine_name(struct plan *plan, const struct object *o)
{
	char *name = obj_display_name(o);
	const char *what = arena_printf(&plan->arena, "%s %s(%s)",
					obj_kind_name(o->kind), name,
					o->args ? o->args : "");
	free(name);
	return what;
}

/* "public.f(a integer, b text)": what DROP and ALTER take. */
static void add_signature(struct strbuf *sql, const struct object *o)
{
	const char *identity = obj_get(o, "identity");

	quote_qualified(sql, o->schema, o->name);
	strbuf_addf(sql, "(%s)", identity ? identity : "");
}

/*
 * pg_get_functiondef writes the header clauses on lines of their own,
 * indented by one space; the body (AS ..., RETURN ..., BEGIN ATOMIC ...)
 * starts on the first line that is not.
 */
static const char *body_of(const char *def)
{
	const char *p = def ? strchr(def, '\n') : NULL;

	while (p && p[1] == ' ')
		p = strchr(p + 1, '\n');
	return p ? p + 1 : "";
}

/* One " SET name TO value" header line: the clause and the setting's name. */
struct setting {
	const char *clause;	/* "SET work_mem TO '64MB'" */
	size_t clause_len;
	const char *name;	/* "work_mem", quoted as in the clause */
	size_t name_len;
};

struct settings {
	struct setting *items;
	size_t n, alloc;
};

static void settings_of(struct settings *s, const struct object *o)
{
	const char *def = obj_get(o, "definition");
	const char *line = def ? strchr(def, '\n') : NULL;

	memset(s, 0, sizeof(*s));
	while (line && line[1] == ' ') {
		const char *start = line + 2;
		const char *end = strchr(start, '\n');
		size_t len = end ? (size_t)(end - start) : strlen(start);

		line = end;
		if (strncmp(start, "SET ", 4) != 0)
			continue;
		ALLOC_GROW(s->items, s->n + 1, s->alloc);
		s->items[s->n].clause = start;
		s->items[s->n].clause_len = len;
		s->items[s->n].name = start + 4;
		{
			/* a quoted name may hold " TO " itself */
			const char *p = start + 4;
			if (*p == '"') {
				for (p++; *p && *p != '\n'; p++)
					if (*p == '"' && *++p != '"')
						break;
			}
			p = strstr(p, " TO ");
			s->items[s->n].name_len = p && p < start + len ?
				(size_t)(p - (start + 4)) : len - 4;
		}
		s->n++;
	}
}

static const struct setting *find_setting(const struct settings *s,
					  const struct setting *like,
					  int whole_clause)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct setting *x = &s->items[i];
		if (whole_clause ?
		    x->clause_len == like->clause_len &&
		    !memcmp(x->clause, like->clause, x->clause_len) :
		    x->name_len == like->name_len &&
		    !memcmp(x->name, like->name, x->name_len))
			return x;
	}
	return NULL;
}

/* " SET a TO 'x' RESET b": the settings of to that from lacks or has otherwise. */
static void add_setting_changes(struct strbuf *sql, const struct object *from,
				const struct object *to)
{
	struct settings old, new;

	settings_of(&old, from);
	settings_of(&new, to);
	for (size_t i = 0; i < new.n; i++)
		if (!find_setting(&old, &new.items[i], 1))
			strbuf_addf(sql, " %.*s", (int)new.items[i].clause_len,
				    new.items[i].clause);
	for (size_t i = 0; i < old.n; i++)
		if (!find_setting(&new, &old.items[i], 0))
			strbuf_addf(sql, " RESET %.*s", (int)old.items[i].name_len,
				    old.items[i].name);
	free(old.items);
	free(new.items);
}

static struct stmt *create_routine(struct plan *plan, const struct object *o,
				   enum action action, enum change ch)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;

	strbuf_adds(&sql, obj_get(o, "definition"));
	while (sql.len && sql.buf[sql.len - 1] == '\n')
		strbuf_setlen(&sql, sql.len - 1);
	st = plan_add(plan, action, ch, o, routine_name(plan, o), &sql);
	strbuf_release(&sql);
	return st;
}

static void routine_create(struct plan *plan, const struct object *o)
{
	create_routine(plan, o, ACT_CREATE, CH_CREATE_FUNCTION);
}

static struct stmt *drop_routine(struct plan *plan, const struct object *o,
				 enum change ch)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;

	strbuf_addf(&sql, "DROP %s ", routine_word(o));
	add_signature(&sql, o);
	st = plan_add(plan, ACT_DROP, ch, o, routine_name(plan, o), &sql);
	strbuf_release(&sql);
	return st;
}

static void routine_drop(struct plan *plan, const struct object *o)
{
	drop_routine(plan, o, CH_DROP_FUNCTION);
}

/*
 * CREATE OR REPLACE refuses another return type (OUT parameters
 * included), renamed parameters, another kind and fewer defaults.
 */
static int needs_recreate(const struct object *from, const struct object *to)
{
	const char *old_defaults = obj_get(from, "ndefaults");
	const char *new_defaults = obj_get(to, "ndefaults");

	return obj_attr_differs(from, to, "result") ||
	       obj_attr_differs(from, to, "parameters") ||
	       obj_attr_differs(from, to, "window") ||
	       atoi(new_defaults ? new_defaults : "0") <
			atoi(old_defaults ? old_defaults : "0");
}

static int needs_replace(const struct object *from, const struct object *to)
{
	return obj_attr_differs(from, to, "language") ||
	       obj_attr_differs(from, to, "arguments") ||
	       obj_attr_differs(from, to, "support") ||
	       strcmp(body_of(obj_get(from, "definition")),
		      body_of(obj_get(to, "definition"))) != 0;
}

/* The clauses of ALTER FUNCTION, by the fact they set. */
static void add_attribute_changes(struct strbuf *sql, const struct object *from,
				  const struct object *to)
{
	static const struct {
		const char *attr, *value, *clause;
	} clauses[] = {
		{ "volatility", "i", " IMMUTABLE" },
		{ "volatility", "s", " STABLE" },
		{ "volatility", "v", " VOLATILE" },
		{ "strict", "t", " STRICT" },
		{ "strict", "f", " CALLED ON NULL INPUT" },
		{ "security_definer", "t", " SECURITY DEFINER" },
		{ "security_definer", "f", " SECURITY INVOKER" },
		{ "leakproof", "t", " LEAKPROOF" },
		{ "leakproof", "f", " NOT LEAKPROOF" },
		{ "parallel", "s", " PARALLEL SAFE" },
		{ "parallel", "r", " PARALLEL RESTRICTED" },
		{ "parallel", "u", " PARALLEL UNSAFE" },
	};

	for (size_t i = 0; i < sizeof(clauses) / sizeof(*clauses); i++)
		if (obj_attr_differs(from, to, clauses[i].attr) &&
		    str_equal(obj_get(to, clauses[i].attr), clauses[i].value))
			strbuf_adds(sql, clauses[i].clause);
	if (obj_attr_differs(from, to, "cost"))
		strbuf_addf(sql, " COST %s", obj_get(to, "cost"));
	if (obj_attr_differs(from, to, "rows") &&
	    !str_equal(obj_get(to, "rows"), "0"))
		strbuf_addf(sql, " ROWS %s", obj_get(to, "rows"));
	add_setting_changes(sql, from, to);
}

/*
 * A column default that uses a routine keeps it from being dropped: drop
 * the default first and set it again once the routine is back.  A default
 * that changes too is set by the column's own statement.
 */
static void defaults_around(struct plan *plan, const struct object *from,
			    const struct object *to)
{
	struct strbuf sql = STRBUF_INIT;
	const char *what = routine_name(plan, to);

	for (size_t i = 0; i < from->nusers; i++) {
		const struct object *col = from->users[i], *tcol;
		const char *def;
		struct stmt *st;
		char *name;

		if (col->kind != OBJ_COLUMN || !obj_get(col, "default"))
			continue;
		tcol = plan_target_of(plan, col);
		if (!tcol || !obj_depends_on(tcol, to->key) ||
		    !(def = obj_get(tcol, "default")))
			continue;
		name = obj_display_name(col);
		strbuf_adds(&sql, "ALTER TABLE ");
		quote_qualified(&sql, tcol->parent->schema, tcol->parent->name);
		strbuf_adds(&sql, " ALTER COLUMN ");
		quote_ident(&sql, tcol->name);
		strbuf_adds(&sql, " DROP DEFAULT");
		st = plan_add(plan, ACT_ALTER, CH_DROP_DEFAULT, tcol, NULL, &sql);
		st->reason = arena_printf(&plan->arena,
			"drops the default of column %s while %s is re-created",
			name, what);
		st->custom_keys = 1;
		keylist_add(plan, &st->unneeds, from->key);
		if (!strcmp(obj_get(col, "default"), def)) {
			strbuf_adds(&sql, "ALTER TABLE ");
			quote_qualified(&sql, tcol->parent->schema,
					tcol->parent->name);
			strbuf_adds(&sql, " ALTER COLUMN ");
			quote_ident(&sql, tcol->name);
			strbuf_addf(&sql, " SET DEFAULT %s", def);
			st = plan_add(plan, ACT_ALTER, CH_SET_DEFAULT, tcol,
				      NULL, &sql);
			st->reason = arena_printf(&plan->arena,
				"sets the default of column %s again after %s is re-created",
				name, what);
			st->custom_keys = 1;
			keylist_add(plan, &st->needs, tcol->key);
			for (size_t k = 0; k < tcol->ndeps; k++)
				keylist_add(plan, &st->needs,
					    tcol->deps[k].on->key);
		}
		free(name);
	}
	strbuf_release(&sql);
}

static void routine_alter(struct plan *plan, const struct object *from,
			  const struct object *to)
{
	struct strbuf sql = STRBUF_INIT;
	size_t base;

	if (needs_recreate(from, to)) {
		drop_routine(plan, from, CH_RECREATE_FUNCTION);
		defaults_around(plan, from, to);
		create_routine(plan, to, ACT_CREATE, CH_CREATE_FUNCTION);
		return;
	}
	if (needs_replace(from, to)) {
		create_routine(plan, to, ACT_ALTER, CH_REPLACE_FUNCTION);
		return;
	}
	strbuf_addf(&sql, "ALTER %s ", routine_word(to));
	add_signature(&sql, to);
	base = sql.len;
	add_attribute_changes(&sql, from, to);
	if (sql.len > base)
		plan_add(plan, ACT_ALTER, CH_ALTER_FUNCTION, to,
			 routine_name(plan, to), &sql);
	else if (obj_attr_differs(from, to, "definition"))
		/* a clause this file does not know: the definition has it */
		create_routine(plan, to, ACT_ALTER, CH_REPLACE_FUNCTION);
	strbuf_release(&sql);
}

const struct kind_ops function_ops = {
	routine_create, routine_drop, routine_alter
};

const struct kind_ops procedure_ops = {
	routine_create, routine_drop, routine_alter
};
