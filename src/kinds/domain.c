/*
 * domain.c: domains and their CHECK constraints; ALTER DOMAIN where it
 * exists, a rebuild under the old name moved away for a new base type or
 * collation.
 */
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"
#include "pgdiff/typekinds.h"
#include "pgdiff/util.h"

static void domain_prefix(struct strbuf *sql, const struct object *d)
{
	strbuf_adds(sql, "ALTER DOMAIN ");
	quote_qualified(sql, d->schema, d->name);
	strbuf_addch(sql, ' ');
}

/* What ALTER DOMAIN cannot change. */
static int needs_rebuild(const struct object *from, const struct object *to)
{
	return obj_attr_differs(from, to, "base_type") ||
	       obj_attr_differs(from, to, "collation");
}

static struct stmt *create_domain(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	const char *collation = obj_get(o, "collation");
	const char *def = obj_get(o, "default");
	struct stmt *st;

	strbuf_adds(&sql, "CREATE DOMAIN ");
	quote_qualified(&sql, o->schema, o->name);
	strbuf_addf(&sql, " AS %s", obj_get(o, "base_type"));
	if (collation)
		strbuf_addf(&sql, " COLLATE %s", collation);
	if (def)
		strbuf_addf(&sql, " DEFAULT %s", def);
	if (obj_flag(o, "not_null"))
		strbuf_adds(&sql, " NOT NULL");
	st = plan_add(plan, ACT_CREATE, CH_CREATE_DOMAIN, o, NULL, &sql);
	typename_claim(plan, st, o);
	strbuf_release(&sql);
	return st;
}

static void domain_create(struct plan *plan, const struct object *o)
{
	create_domain(plan, o);
}

static void domain_drop(struct plan *plan, const struct object *o)
{
	drop_type(plan, o, "DOMAIN", CH_DROP_DOMAIN);
}

static enum change retype_sql(struct strbuf *sql, const struct object *col)
{
	retype_column_sql(sql, col, NULL);
	return CH_RETYPE_DOMAIN_COLUMN;
}

/*
 * A domain's base type and collation are fixed: rename the domain away,
 * create it anew, convert the columns that use it, drop the old copy.
 * Its constraints go with the old copy and are added to the new one by
 * the planner's cascade.
 */
static void rebuild_as(struct plan *plan, const struct object *from,
		       const struct object *to, retype_sql_fn column_sql)
{
	struct stmt *rename = rename_away(plan, from, "DOMAIN",
					  CH_REBUILD_DOMAIN);
	struct stmt *drop_old;

	stmt_after(create_domain(plan, to), rename);
	drop_old = drop_renamed(plan, from, "DOMAIN", CH_DROP_OLD_DOMAIN,
				rename);
	retype_columns(plan, from, to, drop_old, column_sql);
}

static void rebuild(struct plan *plan, const struct object *from,
		    const struct object *to)
{
	rebuild_as(plan, from, to, retype_sql);
}

static enum change retype_via_text_sql(struct strbuf *sql,
				       const struct object *col)
{
	retype_column_sql(sql, col, "text");
	return CH_RETYPE_DOMAIN_COLUMN;
}

void domain_rebuild_around(struct plan *plan, const struct object *from,
			   const struct object *to)
{
	rebuild_as(plan, from, to, retype_via_text_sql);
}

static void domain_alter(struct plan *plan, const struct object *from,
			 const struct object *to)
{
	struct strbuf sql = STRBUF_INIT;
	const char *def = obj_get(to, "default");

	if (needs_rebuild(from, to)) {
		rebuild(plan, from, to);
		return;
	}
	if (obj_attr_differs(from, to, "default")) {
		domain_prefix(&sql, to);
		if (def) {
			strbuf_addf(&sql, "SET DEFAULT %s", def);
			plan_add(plan, ACT_ALTER, CH_DOMAIN_SET_DEFAULT, to, NULL,
				 &sql);
		} else {
			strbuf_adds(&sql, "DROP DEFAULT");
			plan_add(plan, ACT_ALTER, CH_DOMAIN_DROP_DEFAULT, to, NULL,
				 &sql);
		}
	}
	if (obj_flag(from, "not_null") != obj_flag(to, "not_null")) {
		domain_prefix(&sql, to);
		if (obj_flag(to, "not_null")) {
			strbuf_adds(&sql, "SET NOT NULL");
			plan_add(plan, ACT_ALTER, CH_DOMAIN_SET_NOT_NULL, to, NULL,
				 &sql);
		} else {
			strbuf_adds(&sql, "DROP NOT NULL");
			plan_add(plan, ACT_ALTER, CH_DOMAIN_DROP_NOT_NULL, to, NULL,
				 &sql);
		}
	}
	strbuf_release(&sql);
}

const struct kind_ops domain_ops = { domain_create, domain_drop, domain_alter };

/* "public.d.positive": the constraint's name in reasons. */
static const char *constraint_name(struct plan *plan, const struct object *o)
{
	struct strbuf sb = STRBUF_INIT;
	const char *name;

	quote_qualified(&sb, o->parent->schema, o->parent->name);
	strbuf_addch(&sb, '.');
	quote_ident(&sb, o->name);
	name = arena_strdup(&plan->arena, sb.buf);
	strbuf_release(&sb);
	return name;
}

/*
 * A domain that exists keeps its values: a constraint is added NOT VALID
 * (no scan) and validated in a second statement, which may fail.
 */
static void domain_constraint_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	const struct object *src = plan_source_of(plan, o->parent);
	int new_domain = !src || needs_rebuild(src, o->parent);
	int validated = obj_flag(o, "validated");
	const char *what = constraint_name(plan, o);
	struct stmt *add;

	domain_prefix(&sql, o->parent);
	strbuf_adds(&sql, "ADD CONSTRAINT ");
	quote_ident(&sql, o->name);
	strbuf_addf(&sql, " %s", obj_get(o, "definition"));
	if (!validated || !new_domain)
		strbuf_adds(&sql, " NOT VALID");
	add = plan_add(plan, ACT_CREATE,
		       new_domain ? CH_ADD_DOMAIN_CONSTRAINT_NEW :
				    CH_ADD_DOMAIN_CONSTRAINT_NOT_VALID,
		       o, what, &sql);
	if (validated && !new_domain) {
		domain_prefix(&sql, o->parent);
		strbuf_adds(&sql, "VALIDATE CONSTRAINT ");
		quote_ident(&sql, o->name);
		stmt_after(plan_add(plan, ACT_ALTER, CH_VALIDATE_DOMAIN_CONSTRAINT,
				    o, what, &sql), add);
	}
	strbuf_release(&sql);
}

static void drop_as(struct plan *plan, const struct object *o, enum change ch)
{
	struct strbuf sql = STRBUF_INIT;

	domain_prefix(&sql, o->parent);
	strbuf_adds(&sql, "DROP CONSTRAINT ");
	quote_ident(&sql, o->name);
	plan_add(plan, ACT_DROP, ch, o, constraint_name(plan, o), &sql);
	strbuf_release(&sql);
}

static void domain_constraint_drop(struct plan *plan, const struct object *o)
{
	drop_as(plan, o, CH_DROP_DOMAIN_CONSTRAINT);
}

static void domain_constraint_alter(struct plan *plan,
				    const struct object *from,
				    const struct object *to)
{
	struct strbuf sql = STRBUF_INIT;

	if (obj_attr_differs(from, to, "definition") ||
	    (obj_flag(from, "validated") && !obj_flag(to, "validated"))) {
		/* a domain constraint has no index: dropping it costs nothing */
		drop_as(plan, from, CH_DROP_DOMAIN_CONSTRAINT);
		domain_constraint_create(plan, to);
	} else if (!obj_flag(from, "validated") && obj_flag(to, "validated")) {
		domain_prefix(&sql, to->parent);
		strbuf_adds(&sql, "VALIDATE CONSTRAINT ");
		quote_ident(&sql, to->name);
		plan_add(plan, ACT_ALTER, CH_VALIDATE_DOMAIN_CONSTRAINT, to,
			 constraint_name(plan, to), &sql);
	}
	strbuf_release(&sql);
}

const struct kind_ops domain_constraint_ops = {
	domain_constraint_create, domain_constraint_drop,
	domain_constraint_alter
};
