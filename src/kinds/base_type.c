/*
 * base_type.c: user-defined base types.  Their I/O functions take or
 * return the type itself, so a new type is created in two steps, a shell
 * (CREATE TYPE name) that the functions can name and then the definition;
 * a dropped one takes its functions along (DROP TYPE ... CASCADE).  The
 * support functions and the storage change with ALTER TYPE ... SET; any
 * other change re-creates the type.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"
#include "pgdiff/typekinds.h"
#include "pgdiff/util.h"

/* The facts ALTER TYPE ... SET changes (PostgreSQL 13+), and their option. */
static const struct {
	const char *fact, *option;
} settable[] = {
	{ "receive", "RECEIVE" },
	{ "send", "SEND" },
	{ "typmod_in", "TYPMOD_IN" },
	{ "typmod_out", "TYPMOD_OUT" },
	{ "analyze", "ANALYZE" },
	{ "subscript", "SUBSCRIPT" },	/* PostgreSQL 14+ */
	{ "storage", "STORAGE" },
};
#define NSETTABLE (sizeof(settable) / sizeof(settable[0]))

/* ", NAME = value" when the fact is set; functions are regproc text, quoted. */
static void add_option(struct strbuf *sql, const struct object *o,
		       const char *fact, const char *option)
{
	const char *value = obj_get(o, fact);

	if (value)
		strbuf_addf(sql, ", %s = %s", option, value);
}

static void add_literal_option(struct strbuf *sql, const char *option,
			       const char *value)
{
	strbuf_addf(sql, ", %s = ", option);
	quote_literal(sql, value);
}

static struct stmt *create_shell(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;

	strbuf_adds(&sql, "CREATE TYPE ");
	quote_qualified(&sql, o->schema, o->name);
	st = plan_add(plan, ACT_CREATE, CH_CREATE_SHELL_TYPE, o, NULL, &sql);
	/* the shell holds the name and nothing else: it needs its schema only */
	st->custom_keys = 1;
	keylist_add(plan, &st->creates, o->key);
	for (size_t i = 0; i < o->ndeps; i++)
		if (o->deps[i].on->kind == OBJ_SCHEMA)
			keylist_add(plan, &st->needs, o->deps[i].on->key);
	typename_claim(plan, st, o);
	strbuf_release(&sql);
	return st;
}

static void base_type_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *shell = create_shell(plan, o), *st;
	const char *value;

	strbuf_adds(&sql, "CREATE TYPE ");
	quote_qualified(&sql, o->schema, o->name);
	strbuf_addf(&sql, " (INPUT = %s, OUTPUT = %s", obj_get(o, "input"),
		    obj_get(o, "output"));
	add_option(&sql, o, "receive", "RECEIVE");
	add_option(&sql, o, "send", "SEND");
	add_option(&sql, o, "typmod_in", "TYPMOD_IN");
	add_option(&sql, o, "typmod_out", "TYPMOD_OUT");
	add_option(&sql, o, "analyze", "ANALYZE");
	add_option(&sql, o, "subscript", "SUBSCRIPT");
	add_option(&sql, o, "internallength", "INTERNALLENGTH");
	if (obj_flag(o, "passedbyvalue"))
		strbuf_adds(&sql, ", PASSEDBYVALUE");
	add_option(&sql, o, "alignment", "ALIGNMENT");
	add_option(&sql, o, "storage", "STORAGE");
	value = obj_get(o, "category");
	if (value && strcmp(value, "U") != 0)
		add_literal_option(&sql, "CATEGORY", value);
	if (obj_flag(o, "preferred"))
		strbuf_adds(&sql, ", PREFERRED = true");
	if ((value = obj_get(o, "default")))
		add_literal_option(&sql, "DEFAULT", value);
	add_option(&sql, o, "element", "ELEMENT");
	value = obj_get(o, "delimiter");
	if (value && strcmp(value, ",") != 0)
		add_literal_option(&sql, "DELIMITER", value);
	if (obj_flag(o, "collatable"))
		strbuf_adds(&sql, ", COLLATABLE = true");
	strbuf_addch(&sql, ')');
	st = plan_add(plan, ACT_CREATE, CH_CREATE_BASE_TYPE, o, NULL, &sql);
	stmt_after(st, shell);
	st->shell_repair = 1;
	strbuf_release(&sql);
}

/*
 * Its I/O functions: those it uses that use it back.  PostgreSQL drops
 * neither apart from the other, so DROP TYPE ... CASCADE takes them.
 */
static void take_io_functions(struct plan *plan, struct stmt *st,
			      const struct object *o)
{
	for (size_t i = 0; i < o->ndeps; i++) {
		const struct object *f = o->deps[i].on;

		if (f->kind == OBJ_FUNCTION && obj_depends_on(f, o->key))
			keylist_add(plan, &st->takes, f->key);
	}
}

static void drop_as(struct plan *plan, const struct object *o, enum change ch,
		    int cascade)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;

	strbuf_adds(&sql, "DROP TYPE ");
	quote_qualified(&sql, o->schema, o->name);
	if (cascade)
		strbuf_adds(&sql, " CASCADE");
	st = plan_add(plan, ACT_DROP, ch, o, NULL, &sql);
	take_io_functions(plan, st, o);
	typename_claim(plan, st, o);
	strbuf_release(&sql);
}

/*
 * Whether a table column uses from (itself or its array type) and still
 * uses it in the target: columns are not re-created around a type, and
 * CASCADE would drop them.
 */
static int column_keeps(struct plan *plan, const struct object *from,
			const struct object *to)
{
	for (size_t i = 0; i < from->nusers; i++) {
		const struct object *user = from->users[i];
		const struct object *col;

		if (user->kind != OBJ_COLUMN)
			continue;
		col = plan_target_of(plan, user);
		if (col && obj_depends_on(col, to->key))
			return 1;
	}
	return 0;
}

/*
 * Everything else that uses a dropped type goes before it (what the
 * target lacks is dropped, what it keeps is re-created around it), so the
 * CASCADE reaches only the I/O functions, the array type and objects
 * pgdiff does not read.  A type the target keeps (dropped to be
 * re-created around a function) goes without CASCADE while a column keeps
 * using it: PostgreSQL then refuses, which beats losing the column.
 */
static void base_type_drop(struct plan *plan, const struct object *o)
{
	const struct object *to = plan_target_of(plan, o);

	if (to && column_keeps(plan, o, to))
		drop_as(plan, o, CH_RECREATE_USED_BASE_TYPE, 0);
	else
		drop_as(plan, o, CH_DROP_BASE_TYPE, 1);
}

/* Major version of a "15.18" or "16devel" server string; 0 when unknown. */
static int major_version(const char *version)
{
	return version ? atoi(version) : 0;
}

/*
 * Whether ALTER TYPE ... SET reaches to: only settable facts differ, the
 * server has the statement, and the storage does not become plain (which
 * PostgreSQL refuses: existing values could be out of line).
 */
static int settable_change(struct plan *plan, const struct object *from,
			   const struct object *to)
{
	int major = major_version(plan->from->server_version);

	for (size_t i = 0; i < from->nattrs; i++) {
		const char *fact = from->attrs[i].name;
		size_t k;

		for (k = 0; k < NSETTABLE; k++)
			if (!strcmp(fact, settable[k].fact))
				break;
		if (k == NSETTABLE && obj_attr_differs(from, to, fact) &&
		    strcmp(fact, "owner") && strcmp(fact, "acl") &&
		    strcmp(fact, "comment"))
			return 0;
	}
	for (size_t i = 0; i < to->nattrs; i++)
		if (!obj_has(from, to->attrs[i].name))
			return 0;
	if (major && major < 13)
		return 0;
	if (major && major < 14 && obj_attr_differs(from, to, "subscript"))
		return 0;
	return !obj_attr_differs(from, to, "storage") ||
	       !str_equal(obj_get(to, "storage"), "plain");
}

/*
 * ALTER TYPE ... SET (STORAGE) leaves the columns that use the type as
 * they were; those that follow the type's storage on both sides (their
 * own storage fact is NULL: at the type's) are set to the new one.
 */
static void follow_storage(struct plan *plan, const struct object *from,
			   const struct object *to, struct stmt *alter)
{
	struct strbuf sql = STRBUF_INIT;

	for (size_t i = 0; i < from->nusers; i++) {
		const struct object *user = from->users[i], *col;
		const char *type = obj_get(user, "type");
		struct stmt *st;

		if (user->kind != OBJ_COLUMN || obj_get(user, "storage") ||
		    !type || type[0] == '\0' || type[strlen(type) - 1] == ']')
			continue;
		col = plan_target_of(plan, user);
		if (!col || !obj_depends_on(col, to->key) ||
		    obj_get(col, "storage") || !obj_has(col, "storage"))
			continue;
		strbuf_adds(&sql, "ALTER TABLE ONLY ");
		quote_qualified(&sql, col->parent->schema, col->parent->name);
		strbuf_adds(&sql, " ALTER COLUMN ");
		quote_ident(&sql, col->name);
		strbuf_adds(&sql, " SET STORAGE ");
		for (const char *p = obj_get(to, "storage"); *p; p++)
			strbuf_addch(&sql, (char)toupper((unsigned char)*p));
		st = plan_add(plan, ACT_ALTER, CH_COLUMN_STORAGE, col, NULL, &sql);
		stmt_after(st, alter);
	}
	strbuf_release(&sql);
}

static void alter_set(struct plan *plan, const struct object *from,
		      const struct object *to)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;
	const char *sep = " SET (";

	strbuf_adds(&sql, "ALTER TYPE ");
	quote_qualified(&sql, to->schema, to->name);
	for (size_t k = 0; k < NSETTABLE; k++) {
		const char *value = obj_get(to, settable[k].fact);

		if (!obj_attr_differs(from, to, settable[k].fact))
			continue;
		strbuf_addf(&sql, "%s%s = %s", sep, settable[k].option,
			    value ? value : "NONE");
		sep = ", ";
	}
	strbuf_addch(&sql, ')');
	st = plan_add(plan, ACT_ALTER, CH_ALTER_BASE_TYPE, to, NULL, &sql);
	/* new support functions returning the type need it as it stands */
	st->shell_repair = 1;
	if (obj_attr_differs(from, to, "storage"))
		follow_storage(plan, from, to, st);
	strbuf_release(&sql);
}

static void base_type_alter(struct plan *plan, const struct object *from,
			    const struct object *to)
{
	if (obj_same_attrs(from, to))
		return;
	if (settable_change(plan, from, to)) {
		alter_set(plan, from, to);
		return;
	}
	if (column_keeps(plan, from, to))
		drop_as(plan, from, CH_RECREATE_USED_BASE_TYPE, 0);
	else
		drop_as(plan, from, CH_RECREATE_BASE_TYPE, 1);
	base_type_create(plan, to);
}

const struct kind_ops base_type_ops = { base_type_create, base_type_drop,
					base_type_alter };
