/* column.c: ADD / DROP COLUMN and every ALTER COLUMN path. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "pgdiff/coltype.h"
#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

static void identity_options(struct strbuf *sb, const struct object *col)
{
	strbuf_adds(sb, " (SEQUENCE NAME ");
	quote_qualified(sb, col->schema, obj_get(col, "identity_sequence"));
	strbuf_addf(sb, " START WITH %s INCREMENT BY %s MINVALUE %s MAXVALUE %s CACHE %s%s)",
		    obj_get(col, "identity_start"),
		    obj_get(col, "identity_increment"),
		    obj_get(col, "identity_minvalue"),
		    obj_get(col, "identity_maxvalue"),
		    obj_get(col, "identity_cache"),
		    obj_flag(col, "identity_cycle") ? " CYCLE" : "");
}

void column_identity_claim(struct plan *plan, struct stmt *st,
			   const struct object *col)
{
	struct strbuf key = STRBUF_INIT;

	if (!obj_get(col, "identity"))
		return;
	strbuf_addf(&key, "%s ", obj_kind_name(OBJ_SEQUENCE));
	quote_qualified(&key, col->schema, obj_get(col, "identity_sequence"));
	keylist_add(plan, &st->creates, arena_strdup(&plan->arena, key.buf));
	strbuf_release(&key);
}

static const char *identity_kind(const struct object *col)
{
	return obj_get(col, "identity")[0] == 'a' ? "ALWAYS" : "BY DEFAULT";
}

/* A routine whose body reads col's table (a BEGIN ATOMIC body), or NULL. */
static const struct object *reads_table(const struct object *on,
					const struct object *t)
{
	if (on->kind != OBJ_FUNCTION && on->kind != OBJ_PROCEDURE)
		return NULL;
	for (size_t i = 0; i < on->ndeps; i++)
		if (on->deps[i].on == t || on->deps[i].on->parent == t)
			return on;
	return NULL;
}

int column_default_waits(const struct object *col)
{
	if (!obj_get(col, "default") || !col->parent)
		return 0;
	for (size_t i = 0; i < col->ndeps; i++)
		if (reads_table(col->deps[i].on, col->parent))
			return 1;
	return 0;
}

void column_definition(struct strbuf *sb, const struct object *col)
{
	const char *collation = obj_get(col, "collation");
	const char *def = obj_get(col, "default");
	const char *generated = obj_get(col, "generated");

	quote_ident(sb, col->name);
	strbuf_addch(sb, ' ');
	strbuf_adds(sb, obj_get(col, "type"));
	/* a foreign table's column: OPTIONS come right after the type */
	fdw_options_create(sb, obj_get(col, "fdw_options"));
	if (collation)
		strbuf_addf(sb, " COLLATE %s", collation);
	if (generated)
		strbuf_addf(sb, " GENERATED ALWAYS AS (%s) STORED", generated);
	if (obj_get(col, "identity")) {
		strbuf_addf(sb, " GENERATED %s AS IDENTITY", identity_kind(col));
		identity_options(sb, col);
	}
	if (def && !column_default_waits(col))
		strbuf_addf(sb, " DEFAULT %s", def);
	if (obj_flag(col, "not_null"))
		strbuf_adds(sb, " NOT NULL");
}

/* "ALTER TABLE public.t " */
static void alter_table(struct strbuf *sql, const struct object *col)
{
	strbuf_adds(sql, "ALTER TABLE ");
	quote_qualified(sql, col->parent->schema, col->parent->name);
	strbuf_addch(sql, ' ');
}

static void alter_column(struct strbuf *sql, const struct object *col)
{
	alter_table(sql, col);
	strbuf_adds(sql, "ALTER COLUMN ");
	quote_ident(sql, col->name);
	strbuf_addch(sql, ' ');
}

void column_default_after(struct plan *plan, const struct object *col,
			  struct stmt *created)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;

	if (!column_default_waits(col))
		return;
	/* created needs the table's routines no more: the default does */
	stmt_derive_keys(plan, created);
	alter_column(&sql, col);
	strbuf_addf(&sql, "SET DEFAULT %s", obj_get(col, "default"));
	st = plan_add(plan, ACT_ALTER, CH_SET_DEFAULT, col, NULL, &sql);
	st->custom_keys = 1;
	keylist_add(plan, &st->needs, col->key);
	for (size_t i = 0; i < col->ndeps; i++) {
		keylist_add(plan, &st->needs, col->deps[i].on->key);
		if (reads_table(col->deps[i].on, col->parent))
			keylist_remove(&created->needs, col->deps[i].on->key);
	}
	stmt_after(st, created);
	strbuf_release(&sql);
}

void column_default_before_drop(struct plan *plan, const struct object *col,
				struct stmt *drop)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;

	if (!column_default_waits(col))
		return;
	/* drop stops needing the routines: the routine's drop goes first */
	stmt_derive_keys(plan, drop);
	alter_column(&sql, col);
	strbuf_adds(&sql, "DROP DEFAULT");
	st = plan_add(plan, ACT_ALTER, CH_DROP_DEFAULT, col, NULL, &sql);
	st->custom_keys = 1;
	for (size_t i = 0; i < col->ndeps; i++) {
		keylist_add(plan, &st->unneeds, col->deps[i].on->key);
		if (reads_table(col->deps[i].on, col->parent))
			keylist_remove(&drop->unneeds, col->deps[i].on->key);
	}
	stmt_after(drop, st);
	strbuf_release(&sql);
}

/*
 * A column added to or dropped from a parent is added to or dropped from
 * the children that stay attached to it, where it is theirs only by
 * inheritance: the statement creates or drops those too.
 */
static void add_descendants(struct plan *plan, struct keylist *l,
			    const struct object *t, const char *name)
{
	const struct object **children;
	size_t n = table_children(t, &children);

	for (size_t i = 0; i < n; i++) {
		const struct object *c = children[i];
		const char *inh;

		if (table_new_in_plan(plan, c) || table_links_change(plan, c))
			continue;
		for (size_t k = 0; k < c->nchildren; k++) {
			const struct object *col = c->children[k];

			if (strcmp(col->name, name))
				continue;
			inh = obj_get(col, "inheritance");
			if (inh && !strcmp(inh, "inherited")) {
				keylist_add(plan, l, col->key);
				add_descendants(plan, l, c, name);
			}
		}
	}
	free(children);
}

static void column_create(struct plan *plan, const struct object *col)
{
	struct strbuf sql = STRBUF_INIT;
	enum change ch = CH_ADD_COLUMN;
	struct stmt *st;

	if (obj_get(col->parent, "foreign_server"))
		ch = CH_ADD_COLUMN;	/* no local rows to fill or check */
	else if (obj_get(col, "generated") || obj_get(col, "identity") ||
		 default_is_volatile(obj_get(col, "default")))
		ch = CH_ADD_COLUMN_REWRITE;
	else if (obj_flag(col, "not_null") && !obj_get(col, "default"))
		ch = CH_ADD_COLUMN_NOT_NULL;
	alter_table(&sql, col);
	strbuf_adds(&sql, "ADD COLUMN ");
	column_definition(&sql, col);
	st = plan_add(plan, ACT_CREATE, ch, col, NULL, &sql);
	add_descendants(plan, &st->creates, col->parent, col->name);
	column_identity_claim(plan, st, col);
	column_default_after(plan, col, st);
	column_settings_create(plan, col, st);
	strbuf_release(&sql);
}

static struct stmt *drop_as(struct plan *plan, const struct object *col,
			    enum change ch)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;

	alter_table(&sql, col);
	strbuf_adds(&sql, "DROP COLUMN ");
	quote_ident(&sql, col->name);
	st = plan_add(plan, ACT_DROP, ch, col, NULL, &sql);
	strbuf_release(&sql);
	return st;
}

static void column_drop(struct plan *plan, const struct object *col)
{
	struct stmt *st = drop_as(plan, col,
				  obj_get(col->parent, "foreign_server") ?
				  CH_DROP_FOREIGN_COLUMN : CH_DROP_COLUMN);

	add_descendants(plan, &st->drops, col->parent, col->name);
}

/* Statements about one column run in the order written here. */
struct column_change {
	struct plan *plan;
	const struct object *from, *to;
	struct strbuf sql;
	struct stmt *last;
	int retyped;	/* ALTER TYPE ran: storage, compression are the type's */
};

static void emit(struct column_change *cc, enum change ch)
{
	struct stmt *st = plan_add(cc->plan, ACT_ALTER, ch, cc->to, NULL,
				   &cc->sql);
	if (cc->last)
		stmt_after(st, cc->last);
	cc->last = st;
}

/*
 * A setting is nothing's prerequisite (a generated column reading the
 * column needs no SET STORAGE first): it needs the column, makes nothing.
 */
static void emit_setting(struct column_change *cc, enum change ch)
{
	emit(cc, ch);
	cc->last->custom_keys = 1;
	keylist_add(cc->plan, &cc->last->needs, cc->to->key);
}

static void start(struct column_change *cc)
{
	strbuf_reset(&cc->sql);
	alter_column(&cc->sql, cc->to);
}

static void set_default(struct column_change *cc, const char *def)
{
	start(cc);
	if (def) {
		strbuf_addf(&cc->sql, "SET DEFAULT %s", def);
		emit(cc, CH_SET_DEFAULT);
	} else {
		strbuf_adds(&cc->sql, "DROP DEFAULT");
		emit(cc, CH_DROP_DEFAULT);
	}
}

/*
 * Types outside pg_catalog (format_type qualifies them) often lack a cast
 * between each other, as two enums do; their text forms always convert.
 */
static int user_defined(const char *type)
{
	return strchr(type, '.') != NULL;
}

static int retype(struct column_change *cc)
{
	const char *old_type = obj_get(cc->from, "type");
	const char *new_type = obj_get(cc->to, "type");
	const char *collation = obj_get(cc->to, "collation");
	int type_differs = strcmp(old_type, new_type) != 0;
	enum type_change how = classify_type_change(old_type, new_type);
	/* a foreign table stores nothing: no USING, no rewrite */
	int foreign = obj_get(cc->to->parent, "foreign_server") != NULL;
	enum change ch;
	int cast_default = type_differs && obj_get(cc->from, "default") &&
			   how != TYPE_SAFE;

	if (!type_differs && !obj_attr_differs(cc->from, cc->to, "collation"))
		return 0;
	/* A default of the old type may not cast to the new one. */
	if (cast_default)
		set_default(cc, NULL);
	start(cc);
	strbuf_addf(&cc->sql, "TYPE %s", new_type);
	if (collation)
		strbuf_addf(&cc->sql, " COLLATE %s", collation);
	if (type_differs && how != TYPE_SAFE && !foreign) {
		strbuf_adds(&cc->sql, " USING ");
		quote_ident(&cc->sql, cc->to->name);
		if (user_defined(old_type) || user_defined(new_type))
			strbuf_adds(&cc->sql, strstr(new_type, "[]") ?
				    "::text[]" : "::text");
		strbuf_addf(&cc->sql, "::%s", new_type);
	}
	if (!type_differs)
		ch = CH_COLUMN_COLLATION;
	else if (foreign)
		ch = CH_FOREIGN_COLUMN_TYPE;
	else if (how == TYPE_SAFE)
		ch = CH_COLUMN_TYPE_SAFE;
	else if (how == TYPE_REWRITE)
		ch = CH_COLUMN_TYPE;
	else
		ch = CH_COLUMN_TYPE_LOSSY;
	emit(cc, ch);
	keylist_add(cc->plan, &cc->last->rewrites, cc->to->key);
	cc->retyped = 1;
	return cast_default;
}

static void add_identity(struct column_change *cc)
{
	start(cc);
	strbuf_addf(&cc->sql, "ADD GENERATED %s AS IDENTITY",
		    identity_kind(cc->to));
	identity_options(&cc->sql, cc->to);
	emit(cc, CH_ADD_IDENTITY);
	/*
	 * Not what the old default used (a serial's sequence, dropped
	 * before this makes one of its name): keys of its own.
	 */
	cc->last->custom_keys = 1;
	keylist_add(cc->plan, &cc->last->creates, cc->to->key);
	keylist_add(cc->plan, &cc->last->needs, cc->to->parent->key);
	column_identity_claim(cc->plan, cc->last, cc->to);
}

static const struct {
	const char *attr, *clause;
} identity_clauses[] = {
	{ "identity_increment", "SET INCREMENT BY " },
	{ "identity_minvalue", "SET MINVALUE " },
	{ "identity_maxvalue", "SET MAXVALUE " },
	{ "identity_start", "SET START WITH " },
	{ "identity_cache", "SET CACHE " },
};

static void alter_identity(struct column_change *cc)
{
	const char *old_seq = obj_get(cc->from, "identity_sequence");
	size_t base;

	start(cc);
	base = cc->sql.len;
	if (strcmp(obj_get(cc->from, "identity"), obj_get(cc->to, "identity")))
		strbuf_addf(&cc->sql, "SET GENERATED %s ",
			    identity_kind(cc->to));
	for (size_t i = 0; i < sizeof(identity_clauses) / sizeof(*identity_clauses); i++)
		if (obj_attr_differs(cc->from, cc->to, identity_clauses[i].attr))
			strbuf_addf(&cc->sql, "%s%s ", identity_clauses[i].clause,
				    obj_get(cc->to, identity_clauses[i].attr));
	if (obj_attr_differs(cc->from, cc->to, "identity_cycle"))
		strbuf_adds(&cc->sql, obj_flag(cc->to, "identity_cycle") ?
			    "SET CYCLE " : "SET NO CYCLE ");
	if (cc->sql.len > base) {
		strbuf_setlen(&cc->sql, cc->sql.len - 1);
		emit(cc, CH_ALTER_IDENTITY);
	}
	if (old_seq && obj_attr_differs(cc->from, cc->to, "identity_sequence")) {
		strbuf_reset(&cc->sql);
		strbuf_adds(&cc->sql, "ALTER SEQUENCE ");
		quote_qualified(&cc->sql, cc->from->schema, old_seq);
		strbuf_adds(&cc->sql, " RENAME TO ");
		quote_ident(&cc->sql, obj_get(cc->to, "identity_sequence"));
		emit(cc, CH_ALTER_IDENTITY);
	}
}

static void change_not_null(struct column_change *cc)
{
	int want = obj_flag(cc->to, "not_null");

	if (obj_flag(cc->from, "not_null") == want)
		return;
	start(cc);
	strbuf_adds(&cc->sql, want ? "SET NOT NULL" : "DROP NOT NULL");
	emit(cc, want ? CH_SET_NOT_NULL : CH_DROP_NOT_NULL);
}

/* Generation expressions cannot be altered before PostgreSQL 17: re-add. */
static int regenerate(struct column_change *cc)
{
	const char *old_gen = obj_get(cc->from, "generated");
	const char *new_gen = obj_get(cc->to, "generated");

	if (str_equal(old_gen, new_gen))
		return 0;
	if (old_gen && !new_gen) {
		start(cc);
		strbuf_adds(&cc->sql, "DROP EXPRESSION");
		emit(cc, CH_DROP_EXPRESSION);
		return 0;
	}
	drop_as(cc->plan, cc->from, CH_RECREATE_COLUMN);
	column_create(cc->plan, cc->to);
	return 1;
}

/* A foreign table's column: ALTER COLUMN ... OPTIONS (ADD | SET | DROP). */
static void change_fdw_options(struct column_change *cc)
{
	start(cc);
	if (fdw_options_alter(&cc->sql, obj_get(cc->from, "fdw_options"),
			      obj_get(cc->to, "fdw_options")))
		emit(cc, CH_COLUMN_FDW_OPTIONS);
}

/*
 * Per-column settings: storage, compression, statistics target, attribute
 * options.  ALTER TABLE ONLY: each table's columns are planned on their
 * own, and PostgreSQL would carry some of these down to children.
 */
static void start_only(struct column_change *cc)
{
	strbuf_reset(&cc->sql);
	strbuf_adds(&cc->sql, "ALTER TABLE ONLY ");
	quote_qualified(&cc->sql, cc->to->parent->schema, cc->to->parent->name);
	strbuf_adds(&cc->sql, " ALTER COLUMN ");
	quote_ident(&cc->sql, cc->to->name);
	strbuf_addch(&cc->sql, ' ');
}

/* A setting before the change: NULL (the default) for a new column. */
static const char *old_setting(const struct column_change *cc,
			       const char *fact)
{
	/* ALTER TYPE gives the column its (new) type's storage, no compression */
	if (!cc->from || (cc->retyped && (!strcmp(fact, "storage") ||
					  !strcmp(fact, "compression"))))
		return NULL;
	return obj_get(cc->from, fact);
}

static void change_storage(struct column_change *cc)
{
	const char *old = old_setting(cc, "storage");
	const char *new = obj_get(cc->to, "storage");

	if (str_equal(old, new))
		return;
	/* back to the type's own: the type did not change, or old were NULL */
	if (!new)
		new = obj_get(cc->from, "storage_default");
	if (!new)
		return;
	start_only(cc);
	strbuf_adds(&cc->sql, "SET STORAGE ");
	for (const char *p = new; *p; p++)
		strbuf_addch(&cc->sql, (char)toupper((unsigned char)*p));
	emit_setting(cc, CH_COLUMN_STORAGE);
}

static void change_compression(struct column_change *cc)
{
	const char *old = old_setting(cc, "compression");
	const char *new = obj_get(cc->to, "compression");

	if (str_equal(old, new))
		return;
	start_only(cc);
	strbuf_addf(&cc->sql, "SET COMPRESSION %s", new ? new : "default");
	emit_setting(cc, CH_COLUMN_COMPRESSION);
}

static void change_statistics_target(struct column_change *cc)
{
	const char *old = old_setting(cc, "statistics_target");
	const char *new = obj_get(cc->to, "statistics_target");

	if (str_equal(old, new))
		return;
	start_only(cc);
	strbuf_addf(&cc->sql, "SET STATISTICS %s", new ? new : "-1");
	emit_setting(cc, CH_COLUMN_STATISTICS);
}

/* The value of option name (len bytes) in "name=value" lines, or NULL. */
static const char *find_option(const char *list, const char *name,
			       size_t len, size_t *vlen)
{
	for (const char *p = list; p && *p; ) {
		size_t line = strcspn(p, "\n"), nlen = strcspn(p, "=\n");

		if (nlen == len && !strncmp(p, name, len)) {
			const char *v = p[nlen] == '=' ? p + nlen + 1 : p + nlen;
			*vlen = (size_t)(p + line - v);
			return v;
		}
		p += line + (p[line] == '\n');
	}
	return NULL;
}

/*
 * Appends the options of list that other lacks or holds with another
 * value, as "name = 'value', ..." (names alone, of those other lacks, when
 * values is 0); returns how many.
 */
static int add_options(struct strbuf *sb, const char *list, const char *other,
		       int values)
{
	struct strbuf part = STRBUF_INIT;
	int n = 0;

	for (const char *p = list; p && *p; ) {
		size_t line = strcspn(p, "\n"), nlen = strcspn(p, "=\n");
		const char *v = p[nlen] == '=' ? p + nlen + 1 : p + nlen;
		size_t vlen = (size_t)(p + line - v), olen = 0;
		const char *ov = find_option(other, p, nlen, &olen);

		if (values ? !ov || olen != vlen || strncmp(ov, v, vlen) : !ov) {
			strbuf_adds(sb, n++ ? ", " : "");
			strbuf_reset(&part);
			strbuf_add(&part, p, nlen);
			quote_ident(sb, part.buf);
			if (values) {
				strbuf_reset(&part);
				strbuf_add(&part, v, vlen);
				strbuf_adds(sb, " = ");
				quote_literal(sb, part.buf);
			}
		}
		p += line + (p[line] == '\n');
	}
	strbuf_release(&part);
	return n;
}

static void change_attribute_options(struct column_change *cc)
{
	const char *old = old_setting(cc, "attribute_options");
	const char *new = obj_get(cc->to, "attribute_options");

	if (!reloptions_differ(old, new))
		return;
	start_only(cc);
	strbuf_adds(&cc->sql, "RESET (");
	if (add_options(&cc->sql, old, new, 0)) {
		strbuf_addch(&cc->sql, ')');
		emit_setting(cc, CH_COLUMN_OPTIONS);
	}
	/*
	 * One added or changed: all of them, in order, since SET appends what
	 * it sets (see reloptions.c).
	 */
	start_only(cc);
	if (!add_options(&cc->sql, new, old, 1))
		return;
	start_only(cc);
	strbuf_adds(&cc->sql, "SET (");
	add_options(&cc->sql, new, NULL, 1);
	strbuf_addch(&cc->sql, ')');
	emit_setting(cc, CH_COLUMN_OPTIONS);
}

static void change_settings(struct column_change *cc)
{
	change_storage(cc);
	change_compression(cc);
	change_statistics_target(cc);
	change_attribute_options(cc);
}

void column_settings_create(struct plan *plan, const struct object *col,
			    struct stmt *after)
{
	struct column_change cc = { plan, NULL, col, STRBUF_INIT, after, 0 };

	change_settings(&cc);
	strbuf_release(&cc.sql);
}

void column_settings_retyped(struct plan *plan, const struct object *from,
			     const struct object *to, struct stmt *after)
{
	struct column_change cc = { plan, from, to, STRBUF_INIT, after, 1 };

	/* a setting that differs is set by the column's own change */
	if (!obj_attr_differs(from, to, "storage"))
		change_storage(&cc);
	if (!obj_attr_differs(from, to, "compression"))
		change_compression(&cc);
	strbuf_release(&cc.sql);
}

static void column_alter(struct plan *plan, const struct object *from,
			 const struct object *to)
{
	struct column_change cc = { plan, from, to, STRBUF_INIT, NULL, 0 };
	const char *old_identity = obj_get(from, "identity");
	const char *new_identity = obj_get(to, "identity");
	int default_dropped;

	if (regenerate(&cc))
		goto out;
	default_dropped = retype(&cc);
	/*
	 * DROP IDENTITY before SET DEFAULT (a column has one or the other) and
	 * DROP NOT NULL; SET NOT NULL and DROP DEFAULT before ADD IDENTITY.
	 */
	if (old_identity && !new_identity) {
		start(&cc);
		strbuf_adds(&cc.sql, "DROP IDENTITY");
		emit(&cc, CH_DROP_IDENTITY);
	}
	if (default_dropped ? obj_get(to, "default") != NULL
			    : obj_attr_differs(from, to, "default"))
		set_default(&cc, obj_get(to, "default"));
	change_not_null(&cc);
	if (!old_identity && new_identity)
		add_identity(&cc);
	else if (old_identity && new_identity)
		alter_identity(&cc);
	change_fdw_options(&cc);
	change_settings(&cc);
out:
	strbuf_release(&cc.sql);
}

const struct kind_ops column_ops = { column_create, column_drop, column_alter };
