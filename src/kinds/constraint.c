/* constraint.c: table constraints; ALTER where PostgreSQL has one, else drop and add. */
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"

static void constraint_prefix(struct strbuf *sql, const struct object *o)
{
	strbuf_adds(sql, "ALTER TABLE ");
	quote_qualified(sql, o->parent->schema, o->parent->name);
	strbuf_addch(sql, ' ');
}

static char type_of(const struct object *o)
{
	const char *t = obj_get(o, "type");
	return t ? t[0] : '?';
}

/* From a parent table alone: the parent's statements carry it down. */
static int inherited_only(const struct object *o)
{
	const char *inh = obj_get(o, "inheritance");
	return inh && !strcmp(inh, "inherited");
}

static void constraint_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	enum change ch;

	/*
	 * A new child gets it from its parent, and so does one that stays
	 * attached; one about to be attached must have its CHECKs already
	 * (ATTACH PARTITION makes the keys and foreign keys itself).
	 */
	if (inherited_only(o) &&
	    (type_of(o) != 'c' || table_new_in_plan(plan, o->parent) ||
	     table_kept_parent(plan, o->parent)))
		return;
	constraint_prefix(&sql, o);
	strbuf_adds(&sql, "ADD CONSTRAINT ");
	quote_ident(&sql, o->name);
	strbuf_addch(&sql, ' ');
	strbuf_adds(&sql, obj_get(o, "definition"));
	if (table_new_in_plan(plan, o->parent))
		ch = CH_ADD_CONSTRAINT_NEW_TABLE;
	else if (obj_get(o->parent, "foreign_server"))
		ch = CH_FOREIGN_TABLE_CHECK;	/* never checks remote rows */
	else if (!obj_flag(o, "validated"))
		ch = CH_ADD_CONSTRAINT_NOT_VALID;
	else if (type_of(o) == 'f')
		ch = CH_ADD_FOREIGN_KEY;
	else
		ch = CH_ADD_CONSTRAINT;
	/* a key's new index is no table's replica identity until told */
	table_identity_index_created(plan, o,
				     plan_add(plan, ACT_CREATE, ch, o, NULL, &sql));
	strbuf_release(&sql);
}

static void drop_as(struct plan *plan, const struct object *o,
		    enum change ch)
{
	struct strbuf sql = STRBUF_INIT;

	constraint_prefix(&sql, o);
	strbuf_adds(&sql, "DROP CONSTRAINT ");
	quote_ident(&sql, o->name);
	plan_add(plan, ACT_DROP, ch, o, NULL, &sql);
	strbuf_release(&sql);
}

static void constraint_drop(struct plan *plan, const struct object *o)
{
	size_t before = plan->nstmts;

	/* the parent's DROP CONSTRAINT takes it from a child that stays */
	if (inherited_only(o) && table_kept_parent(plan, o->parent))
		return;
	switch (type_of(o)) {
	case 'c':
		drop_as(plan, o, CH_DROP_CHECK);
		break;
	case 'f':
		drop_as(plan, o, CH_DROP_FOREIGN_KEY);
		break;
	default:
		drop_as(plan, o, CH_DROP_KEY);
	}
	/* inherited, it is the table's own once detached: drop it after */
	if (obj_get(o, "inheritance"))
		for (size_t i = before; i < plan->nstmts; i++)
			keylist_add(plan, &plan->stmts[i]->needs, o->parent->key);
}

/* The definition without the clauses ALTER CONSTRAINT and VALIDATE change. */
static void core_definition(struct strbuf *sb, const struct object *o)
{
	strbuf_adds(sb, obj_get(o, "definition"));
	strbuf_strip_suffix(sb, " NOT VALID");
	strbuf_strip_suffix(sb, " INITIALLY DEFERRED");
	strbuf_strip_suffix(sb, " DEFERRABLE");
}

static void constraint_alter(struct plan *plan, const struct object *from,
			     const struct object *to)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT, sql = STRBUF_INIT;
	int timing = obj_attr_differs(from, to, "deferrable") ||
		     obj_attr_differs(from, to, "deferred");
	int validate = !obj_flag(from, "validated") && obj_flag(to, "validated");

	/* a parent's changes reach the constraints its children inherit */
	if (inherited_only(to))
		goto out;
	core_definition(&a, from);
	core_definition(&b, to);
	if (strcmp(a.buf, b.buf) || type_of(from) != type_of(to) ||
	    (timing && type_of(to) != 'f') ||
	    (obj_flag(from, "validated") && !obj_flag(to, "validated"))) {
		drop_as(plan, from, CH_RECREATE_DROP);
		constraint_create(plan, to);
		goto out;
	}
	if (timing) {
		constraint_prefix(&sql, to);
		strbuf_adds(&sql, "ALTER CONSTRAINT ");
		quote_ident(&sql, to->name);
		strbuf_adds(&sql, obj_flag(to, "deferrable") ?
			    " DEFERRABLE" : " NOT DEFERRABLE");
		strbuf_adds(&sql, obj_flag(to, "deferred") ?
			    " INITIALLY DEFERRED" : " INITIALLY IMMEDIATE");
		plan_add(plan, ACT_ALTER, CH_ALTER_CONSTRAINT, to, NULL, &sql);
	}
	if (validate) {
		constraint_prefix(&sql, to);
		strbuf_adds(&sql, "VALIDATE CONSTRAINT ");
		quote_ident(&sql, to->name);
		plan_add(plan, ACT_ALTER, CH_VALIDATE_CONSTRAINT, to, NULL, &sql);
	}
out:
	strbuf_release(&a);
	strbuf_release(&b);
	strbuf_release(&sql);
}

const struct kind_ops constraint_ops = {
	constraint_create, constraint_drop, constraint_alter
};
