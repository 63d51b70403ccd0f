/* renames.c: explicit renames (--rename) and likely ones spotted for the reviewer. */
#include <stdlib.h>
#include <string.h>

#include "pgdiff/pgarray.h"
#include "pgdiff/quote.h"
#include "pgdiff/renames.h"
#include "pgdiff/strmap.h"
#include "pgdiff/utf8.h"
#include "pgdiff/util.h"

/*
 * Splits a name as written at its unquoted dots: last gets the part after
 * the last one, prefix the parts before it joined by dots, all unquoted
 * ("x"".y" is x".y).  Returns whether there was a dot.
 */
static int split_name(const char *spec, struct strbuf *prefix,
		      struct strbuf *last)
{
	int quoted = 0, dotted = 0;

	for (const char *p = spec; *p; p++) {
		if (*p == '"') {
			if (quoted && p[1] == '"') {
				strbuf_addch(last, '"');
				p++;
			} else {
				quoted = !quoted;
			}
		} else if (*p == '.' && !quoted) {
			strbuf_adds(prefix, dotted ? "." : "");
			strbuf_adds(prefix, last->buf);
			strbuf_reset(last);
			dotted = 1;
		} else {
			strbuf_addch(last, *p);
		}
	}
	return dotted;
}

/* The part after the last unquoted dot, unquoted. */
static char *last_name(const char *spec)
{
	struct strbuf prefix = STRBUF_INIT, last = STRBUF_INIT;

	split_name(spec, &prefix, &last);
	strbuf_release(&prefix);
	return strbuf_detach(&last);
}

/* The parts before the last unquoted dot, or NULL for a name of one part. */
static char *qualifier(const char *spec)
{
	struct strbuf prefix = STRBUF_INIT, last = STRBUF_INIT;
	int dotted = split_name(spec, &prefix, &last);

	strbuf_release(&last);
	if (!dotted) {
		strbuf_release(&prefix);
		return NULL;
	}
	return strbuf_detach(&prefix);
}

/*
 * Whether NEW, when qualified, names the place OLD is in: a rename
 * changes the last part only; moving to another schema or table is none.
 */
static int same_place(const char *old, const char *new)
{
	char *a = qualifier(old), *b = qualifier(new);
	int same = !b || str_equal(a, b);

	free(a);
	free(b);
	return same;
}

/* OLD's display name with its last part replaced by new_name. */
static char *renamed_display(const char *old, const char *new_name)
{
	struct strbuf sb = STRBUF_INIT;
	const char *last_dot = NULL;
	int quoted = 0;

	for (const char *p = old; *p; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (*p == '.' && !quoted)
			last_dot = p;
	}
	if (last_dot)
		strbuf_add(&sb, old, (size_t)(last_dot - old + 1));
	quote_ident(&sb, new_name);
	return strbuf_detach(&sb);
}

/* The '=' that separates OLD from NEW, outside quotes. */
static const char *split_equals(const char *spec)
{
	int quoted = 0;

	for (const char *p = spec; *p; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (*p == '=' && !quoted)
			return p;
	}
	return NULL;
}

/*
 * Whether spec names o as reasons name it, or, for an operator class or
 * family, without its " USING method" (which may then name two).
 */
static int named_by(const struct object *o, const char *spec)
{
	char *shown = obj_display_name(o);
	int same = !strcmp(shown, spec);

	free(shown);
	if (!same && (o->kind == OBJ_OPCLASS || o->kind == OBJ_OPFAMILY)) {
		struct strbuf sb = STRBUF_INIT;
		quote_qualified(&sb, o->schema, o->name);
		same = !strcmp(sb.buf, spec);
		strbuf_release(&sb);
	}
	return same;
}

static int names_object(const struct snapshot *snap, const char *shown_name)
{
	for (size_t i = 0; i < snap->nobjects; i++)
		if (named_by(snap->objects[i], shown_name))
			return 1;
	return 0;
}

/* How replace_token matches. */
enum replace_how {
	REPLACE_ALL = 0,
	REPLACE_ONCE = 1,		/* only the first match */
	REPLACE_UNQUALIFIED = 2		/* not right after a dot */
};

static int token_at(const char *text, const char *p, const char *from,
		    size_t n, int how)
{
	if (strncmp(p, from, n))
		return 0;
	if (p > text && sql_ident_char(p[-1]) && sql_ident_char(from[0]))
		return 0;
	if (p > text && p[-1] == '.' && (how & REPLACE_UNQUALIFIED))
		return 0;
	return !sql_ident_char(p[n]) || !sql_ident_char(from[n - 1]);
}

/*
 * Replaces whole identifier tokens `from` by `to` in SQL text, outside
 * string literals unless `from` is one: catalog definitions name columns
 * and tables this way, and sequences as 'public.s'::regclass.
 */
static const char *replace_token(struct arena *arena, const char *text,
				 const char *from, const char *to, int how)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n = strlen(from);
	const char *p = text, *out;
	int changed = 0;

	while (*p) {
		if (!(changed && (how & REPLACE_ONCE)) &&
		    token_at(text, p, from, n, how)) {
			strbuf_adds(&sb, to);
			p += n;
			changed = 1;
			continue;
		}
		if (*p == '\'') {
			const char *q = p + 1;
			while (*q && !(*q == '\'' && q[1] != '\''))
				q += *q == '\'' ? 2 : 1;
			if (*q)
				q++;
			strbuf_add(&sb, p, (size_t)(q - p));
			p = q;
			continue;
		}
		strbuf_addch(&sb, *p++);
	}
	out = changed ? arena_strdup(arena, sb.buf) : text;
	strbuf_release(&sb);
	return out;
}

struct replacement {
	struct arena *arena;
	const char *from, *to;
	int how;
};

static const char *replace_in_item(void *ctx, const char *item)
{
	const struct replacement *r = ctx;

	return replace_token(r->arena, item, r->from, r->to, r->how);
}

/*
 * Facts that are arrays ("{public.t,\"word WITH public.d\"}") are rewritten
 * element by element: a new name that needs quotes must be escaped there.
 */
static void rewrite_facts(struct arena *arena, struct object *o,
			  const char *from, const char *to, int how)
{
	struct replacement r = { arena, from, to, how };

	for (size_t i = 0; i < o->nattrs; i++) {
		const char *v = o->attrs[i].value;
		char *array;

		if (!v)
			continue;
		array = v[0] == '{' ? pgarray_map(v, replace_in_item, &r) : NULL;
		if (array) {
			o->attrs[i].value = arena_strdup(arena, array);
			free(array);
		} else {
			o->attrs[i].value = replace_token(arena, v, from, to,
							  how);
		}
	}
}

/*
 * A definition read back from the catalog (pg_get_indexdef,
 * pg_get_functiondef and the like) names the object itself first: an
 * index, trigger or rule by its bare name, the others (statistics objects
 * too) qualified.
 */
static void rewrite_own_name(struct arena *arena, struct object *o,
			     const char *new_name)
{
	struct strbuf from = STRBUF_INIT, to = STRBUF_INIT;

	if (o->parent && o->kind != OBJ_STATISTICS) {
		quote_ident(&from, o->name);
		quote_ident(&to, new_name);
	} else {
		quote_qualified(&from, o->schema, o->name);
		quote_qualified(&to, o->schema, new_name);
	}
	for (size_t i = 0; i < o->nattrs; i++)
		if (!strcmp(o->attrs[i].name, "definition") && o->attrs[i].value)
			o->attrs[i].value = replace_token(arena,
				o->attrs[i].value, from.buf, to.buf, REPLACE_ONCE);
	strbuf_release(&from);
	strbuf_release(&to);
}

/* Whether x's texts may name o (see rewrite_references). */
static int may_name(const struct object *x, const struct object *o)
{
	const struct object *table = o->kind == OBJ_COLUMN ? o->parent : o;

	if (x == o)
		return 0;
	/* a column's default may name another column (generated ones do) */
	if (x->parent == table)
		return 1;
	if (o->kind == OBJ_COLUMN)
		return 0;
	return obj_depends_on(x, o->key) || o->kind == OBJ_SCHEMA ||
	       o->kind == OBJ_TABLE;
}

/*
 * PostgreSQL follows a rename in every definition that mentions the old
 * name; do the same to the source's texts (indexes, constraints, column
 * types and defaults, view queries, OWNED BY) so that they compare equal
 * to the target's.  A view query also uses a relation's bare name to
 * qualify its columns ("orders.id"), and a default names a sequence in
 * a regclass literal (a text search index its configuration in a
 * regconfig one).
 */
/* The reg* type whose literals name objects of this kind, or NULL. */
static const char *reg_type(enum obj_kind kind)
{
	if (obj_kind_flags(kind) & KIND_RELATION)
		return "regclass";
	switch (kind) {
	case OBJ_TS_CONFIG: return "regconfig";
	case OBJ_TS_DICT: return "regdictionary";
	case OBJ_COLLATION: return "regcollation";
	case OBJ_BASE_TYPE:
	case OBJ_ENUM:
	case OBJ_DOMAIN:
	case OBJ_COMPOSITE:
	case OBJ_RANGE:
		return "regtype";
	default: return NULL;
	}
}

static void rewrite_references(struct snapshot *snap, const struct object *o,
			       const char *new_name)
{
	struct strbuf from = STRBUF_INIT, to = STRBUF_INIT;
	struct strbuf bare_from = STRBUF_INIT, bare_to = STRBUF_INIT;
	struct strbuf lit_from = STRBUF_INIT, lit_to = STRBUF_INIT;
	int relation = obj_kind_flags(o->kind) & KIND_RELATION;
	const char *reg = reg_type(o->kind);

	if (o->kind == OBJ_COLUMN || o->kind == OBJ_CONSTRAINT ||
	    o->kind == OBJ_DOMAIN_CONSTRAINT) {
		quote_ident(&from, o->name);
		quote_ident(&to, new_name);
	} else if (o->kind == OBJ_SCHEMA) {
		quote_ident(&from, o->name);
		strbuf_addch(&from, '.');
		quote_ident(&to, new_name);
		strbuf_addch(&to, '.');
	} else {
		quote_qualified(&from, o->schema, o->name);
		quote_qualified(&to, o->schema, new_name);
	}
	if (relation) {
		quote_ident(&bare_from, o->name);
		strbuf_addch(&bare_from, '.');
		quote_ident(&bare_to, new_name);
		strbuf_addch(&bare_to, '.');
	}
	if (reg) {
		strbuf_addf(&lit_from, "'%s'::%s", from.buf, reg);
		strbuf_addf(&lit_to, "'%s'::%s", to.buf, reg);
	}
	for (size_t i = 0; i < snap->nobjects; i++) {
		struct object *x = snap->objects[i];
		if (!may_name(x, o))
			continue;
		rewrite_facts(&snap->arena, x, from.buf, to.buf, REPLACE_ALL);
		/* only where pg_depend says the object is used */
		if (!obj_depends_on(x, o->key))
			continue;
		if (relation)
			rewrite_facts(&snap->arena, x, bare_from.buf,
				      bare_to.buf, REPLACE_UNQUALIFIED);
		if (reg)
			rewrite_facts(&snap->arena, x, lit_from.buf,
				      lit_to.buf, REPLACE_ALL);
	}
	strbuf_release(&from);
	strbuf_release(&to);
	strbuf_release(&bare_from);
	strbuf_release(&bare_to);
	strbuf_release(&lit_from);
	strbuf_release(&lit_to);
}

/*
 * The new name NEW gives (its last part); an operator class or family
 * may be given with its " USING method", which is no part of the name.
 */
static char *new_name_of(const char *spec, const struct object *o)
{
	const char *using = NULL;
	char *cut, *name;

	for (const char *p = strstr(spec, " USING "); p; p = strstr(p + 1, " USING "))
		using = p;
	if (!o || (o->kind != OBJ_OPCLASS && o->kind != OBJ_OPFAMILY) ||
	    !using || strchr(using, '"'))
		return last_name(spec);
	cut = xstrdup(spec);
	cut[using - spec] = '\0';
	name = last_name(cut);
	free(cut);
	return name;
}

int rename_apply(struct snapshot *from, const char *spec, struct strbuf *err)
{
	const char *eq = split_equals(spec);
	struct object *found = NULL;
	struct strbuf old = STRBUF_INIT;
	char *name;
	int matches = 0;

	if (!eq || eq == spec || !eq[1]) {
		strbuf_addf(err, "--rename takes OLD=NEW, such as public.orders.note=public.orders.comment, not '%s'",
			    spec);
		return -1;
	}
	strbuf_add(&old, spec, (size_t)(eq - spec));
	if (!same_place(old.buf, eq + 1)) {
		strbuf_addf(err, "--rename: '%s' is not where '%s' is: only the last part of a name can change, objects are not moved to another schema or table",
			    eq + 1, old.buf);
		strbuf_release(&old);
		return -1;
	}
	for (size_t i = 0; i < from->nobjects; i++) {
		struct object *o = from->objects[i];
		if (o->kind != OBJ_EXTENSION && named_by(o, old.buf)) {
			found = o;
			matches++;
		}
	}
	name = new_name_of(eq + 1, found);
	if (!matches) {
		/* renamed already, by an earlier run of the script? */
		char *new_shown = renamed_display(old.buf, name);
		int done = names_object(from, new_shown) ||
			   names_object(from, eq + 1);
		free(new_shown);
		if (done) {
			free(name);
			strbuf_release(&old);
			return 0;
		}
	}
	if (matches == 1 && !rename_supported(found->kind)) {
		strbuf_addf(err, "--rename: renaming a %s is not supported",
			    obj_kind_name(found->kind));
		free(name);
		strbuf_release(&old);
		return -1;
	}
	if (matches != 1) {
		strbuf_addf(err, matches ? "--rename: '%s' names more than one object"
					 : "--rename: the source has no object named '%s'",
			    old.buf);
		free(name);
		strbuf_release(&old);
		return -1;
	}
	rewrite_own_name(&from->arena, found, name);
	rewrite_references(from, found, name);
	snapshot_rename(from, found, name);
	free(name);
	strbuf_release(&old);
	return 0;
}

/* The ALTER keyword that renames a top-level object of this kind, or NULL. */
static const char *rename_keyword(enum obj_kind kind)
{
	switch (kind) {
	case OBJ_ENUM:
	case OBJ_COMPOSITE:
	case OBJ_RANGE:
		return "TYPE";
	case OBJ_DOMAIN: return "DOMAIN";
	case OBJ_COLLATION: return "COLLATION";
	case OBJ_INDEX: return "INDEX";
	case OBJ_SEQUENCE: return "SEQUENCE";
	case OBJ_TABLE: return "TABLE";
	case OBJ_VIEW: return "VIEW";
	case OBJ_FUNCTION: return "FUNCTION";
	case OBJ_PROCEDURE: return "PROCEDURE";
	case OBJ_AGGREGATE: return "AGGREGATE";
	case OBJ_TRIGGER: return "TRIGGER";
	case OBJ_RULE: return "RULE";
	case OBJ_POLICY: return "POLICY";
	case OBJ_STATISTICS: return "STATISTICS";
	case OBJ_CONVERSION: return "CONVERSION";
	case OBJ_OPCLASS: return "OPERATOR CLASS";
	case OBJ_OPFAMILY: return "OPERATOR FAMILY";
	case OBJ_TS_PARSER: return "TEXT SEARCH PARSER";
	case OBJ_TS_TEMPLATE: return "TEXT SEARCH TEMPLATE";
	case OBJ_TS_DICT: return "TEXT SEARCH DICTIONARY";
	case OBJ_TS_CONFIG: return "TEXT SEARCH CONFIGURATION";
	case OBJ_EVENT_TRIGGER: return "EVENT TRIGGER";
	case OBJ_SUBSCRIPTION: return "SUBSCRIPTION";
	/*
	 * Not publications or servers: the objects naming them (a
	 * publication's tables, a server's user mappings) are keyed by
	 * their names.  Nor wrappers and languages, bare words in servers'
	 * and routines' facts, nor base types, whose I/O functions are
	 * keyed by it and cannot go apart from it.
	 */
	default: return NULL;
	}
}

int rename_supported(enum obj_kind kind)
{
	return kind == OBJ_SCHEMA || kind == OBJ_COLUMN ||
	       kind == OBJ_CONSTRAINT || kind == OBJ_DOMAIN_CONSTRAINT ||
	       rename_keyword(kind) != NULL;
}

static void rename_statement(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT, what = STRBUF_INIT;
	const char *parent_name = o->parent ? o->parent->name : NULL;
	struct stmt *st;
	char *old_shown;

	switch (o->kind) {
	case OBJ_SCHEMA:
		strbuf_adds(&sql, "ALTER SCHEMA ");
		quote_ident(&sql, o->renamed_from);
		break;
	case OBJ_COLUMN:
	case OBJ_CONSTRAINT:
		strbuf_adds(&sql, "ALTER TABLE ");
		quote_qualified(&sql, o->schema, parent_name);
		strbuf_adds(&sql, o->kind == OBJ_COLUMN ? " RENAME COLUMN "
						       : " RENAME CONSTRAINT ");
		quote_ident(&sql, o->renamed_from);
		break;
	case OBJ_DOMAIN_CONSTRAINT:
		strbuf_adds(&sql, "ALTER DOMAIN ");
		quote_qualified(&sql, o->schema, parent_name);
		strbuf_adds(&sql, " RENAME CONSTRAINT ");
		quote_ident(&sql, o->renamed_from);
		break;
	case OBJ_OPCLASS:
	case OBJ_OPFAMILY:
		/* named per index method, which args holds */
		strbuf_addf(&sql, "ALTER %s ", rename_keyword(o->kind));
		quote_qualified(&sql, o->schema, o->renamed_from);
		strbuf_adds(&sql, " USING ");
		quote_ident(&sql, o->args);
		break;
	case OBJ_TRIGGER:
	case OBJ_RULE:
	case OBJ_POLICY:
		/* ALTER TRIGGER name ON table RENAME TO new */
		strbuf_addf(&sql, "ALTER %s ", rename_keyword(o->kind));
		quote_ident(&sql, o->renamed_from);
		strbuf_adds(&sql, " ON ");
		quote_qualified(&sql, o->schema, parent_name);
		break;
	default:
		strbuf_addf(&sql, "ALTER %s ", rename_keyword(o->kind));
		quote_qualified(&sql, o->schema, o->renamed_from);
		if (o->args)
			strbuf_addf(&sql, "(%s)", obj_get(o, "identity") ?
				    obj_get(o, "identity") : o->args);
	}
	strbuf_adds(&sql, o->kind == OBJ_COLUMN || o->kind == OBJ_CONSTRAINT ||
		    o->kind == OBJ_DOMAIN_CONSTRAINT ? " TO " : " RENAME TO ");
	quote_ident(&sql, o->name);

	old_shown = obj_display_name(o);
	strbuf_addf(&what, "%s %s (was ", obj_kind_name(o->kind), old_shown);
	quote_ident(&what, o->renamed_from);
	strbuf_addch(&what, ')');
	st = plan_add(plan, ACT_ALTER, CH_RENAME, o, what.buf, &sql);
	/* the new name exists once this ran; nothing else is needed first */
	st->custom_keys = 1;
	keylist_add(plan, &st->creates, o->key);
	if (o->parent)
		keylist_add(plan, &st->needs, o->parent->key);
	free(old_shown);
	strbuf_release(&sql);
	strbuf_release(&what);
}

void plan_add_renames(struct plan *plan)
{
	for (size_t i = 0; i < plan->from->nobjects; i++)
		if (plan->from->objects[i]->renamed_from)
			rename_statement(plan, plan->from->objects[i]);
}

static int same_shape(const struct object *a, const struct object *b)
{
	if (a->kind != b->kind || !obj_same_attrs(a, b) ||
	    !str_equal(a->schema, b->schema) ||
	    /* a routine's argument types, a class's index method */
	    !str_equal(a->args, b->args) ||
	    (a->parent == NULL) != (b->parent == NULL) ||
	    (a->parent && strcmp(a->parent->key, b->parent->key)) ||
	    a->nchildren != b->nchildren)
		return 0;
	for (size_t i = 0; i < a->nchildren; i++)
		if (strcmp(a->children[i]->name, b->children[i]->name) ||
		    !obj_same_attrs(a->children[i], b->children[i]))
			return 0;
	return 1;
}

static int folded_equal(const char *a, const char *b)
{
	char *fa = utf8_fold(a), *fb = utf8_fold(b);
	int eq = !strcmp(fa, fb);

	free(fa);
	free(fb);
	return eq;
}

static void add_hint(struct plan *plan, const struct object *from,
		     const struct object *to, int lookalike)
{
	ALLOC_GROW(plan->hints, plan->nhints + 1, plan->hints_alloc);
	plan->hints[plan->nhints].from = from;
	plan->hints[plan->nhints].to = to;
	plan->hints[plan->nhints].lookalike = lookalike;
	plan->nhints++;
}

/* Pairs each dropped object with at most one created one, and back. */
static void match(struct plan *plan, int lookalikes)
{
	/* the candidates: objects created that the source lacks */
	const struct stmt **creates = xcalloc(plan->nstmts + 1, sizeof(*creates));
	struct strmap hinted = STRMAP_INIT;	/* keys of objects paired already */
	size_t ncreates = 0;

	for (size_t i = 0; i < plan->nhints; i++) {
		strmap_put(&hinted, plan->hints[i].from->key, (void *)1);
		strmap_put(&hinted, plan->hints[i].to->key, (void *)1);
	}
	for (size_t i = 0; i < plan->nstmts; i++) {
		const struct stmt *st = plan->stmts[i];
		if (st->action == ACT_CREATE && st->obj &&
		    rename_supported(st->obj->kind) &&
		    !plan_source_of(plan, st->obj))
			creates[ncreates++] = st;
	}
	for (size_t i = 0; i < plan->nstmts && ncreates; i++) {
		const struct stmt *drop = plan->stmts[i];

		/* a hint suggests --rename: only for kinds it can rename */
		if (drop->action != ACT_DROP || drop->change == CH_RECREATE_DROP ||
		    drop->change == CH_RECREATE_COLUMN ||
		    !rename_supported(drop->obj->kind) ||
		    plan_target_of(plan, drop->obj) ||
		    strmap_get(&hinted, drop->obj->key))
			continue;
		for (size_t k = 0; k < ncreates; k++) {
			const struct object *to = creates[k]->obj;
			int alike;

			if (to->kind != drop->obj->kind || strmap_get(&hinted, to->key))
				continue;
			/* overloads share a name: that is no look-alike */
			alike = strcmp(drop->obj->name, to->name) &&
				folded_equal(drop->obj->name, to->name);
			if (lookalikes ? alike : same_shape(drop->obj, to)) {
				add_hint(plan, drop->obj, to, alike);
				strmap_put(&hinted, drop->obj->key, (void *)1);
				strmap_put(&hinted, to->key, (void *)1);
				break;
			}
		}
	}
	strmap_release(&hinted);
	free(creates);
}

/*
 * Names that differ only in case or Unicode form are look-alikes, worth a
 * warning whatever else differs; then a drop and a create alike in all but
 * the name are probably a rename.
 */
void plan_find_renames(struct plan *plan)
{
	match(plan, 1);
	match(plan, 0);
}
