/* policy.c: row level security policies; ALTER POLICY for roles and expressions, else drop and create. */
#include <stdlib.h>
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/pgarray.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

static const char *command_name(const struct object *o)
{
	const char *c = obj_get(o, "command");

	switch (c ? c[0] : '*') {
	case 'r': return "SELECT";
	case 'a': return "INSERT";
	case 'w': return "UPDATE";
	case 'd': return "DELETE";
	default: return "ALL";
	}
}

static void roles_of(struct pgarray *arr, const struct object *o)
{
	if (pgarray_parse(arr, obj_get(o, "roles")) < 0)
		BUG("malformed roles of %s", o->key);
}

/*
 * " TO a, b": no role may be called "public" (PostgreSQL reserves it), so
 * the catalog query's 'public' is PUBLIC.  Appends the named roles to
 * named, which reasons mention: pgdiff compares no roles.
 */
static void add_roles(struct strbuf *sql, struct strbuf *named,
		      const struct object *o)
{
	struct pgarray roles;

	roles_of(&roles, o);
	strbuf_adds(sql, " TO ");
	if (!roles.n)
		strbuf_adds(sql, "PUBLIC");
	for (size_t i = 0; i < roles.n; i++) {
		if (i)
			strbuf_adds(sql, ", ");
		if (!strcmp(roles.items[i], "public")) {
			strbuf_adds(sql, "PUBLIC");
			continue;
		}
		quote_ident(sql, roles.items[i]);
		if (named->len)
			strbuf_adds(named, ", ");
		quote_ident(named, roles.items[i]);
	}
	pgarray_release(&roles);
}

static void add_expr(struct strbuf *sql, const char *clause, const char *e)
{
	if (e)
		strbuf_addf(sql, "\n    %s (%s)", clause, e);
}

static void policy_prefix(struct strbuf *sql, const char *verb,
			  const struct object *o)
{
	strbuf_addf(sql, "%s POLICY ", verb);
	quote_ident(sql, o->name);
	strbuf_adds(sql, " ON ");
	quote_qualified(sql, o->parent->schema, o->parent->name);
}

/* Whether both sides' table is under row level security: then policies take effect. */
static int active(const struct plan *plan, const struct object *o)
{
	const struct object *from = plan_source_of(plan, o->parent);
	const struct object *to = plan_target_of(plan, o->parent);

	return from && to && obj_flag(from, "row_security") &&
	       obj_flag(to, "row_security");
}

static struct stmt *add(struct plan *plan, enum action action,
			enum change ch, const struct object *o,
			struct strbuf *sql, const struct strbuf *roles)
{
	struct strbuf what = STRBUF_INIT;
	struct stmt *st;

	quote_qualified(&what, o->parent->schema, o->parent->name);
	strbuf_addch(&what, '.');
	quote_ident(&what, o->name);
	st = plan_add(plan, action, ch, o, what.buf, sql);
	if (roles && roles->len)
		st->reason = arena_printf(&plan->arena,
			"%s; it names role %s, which must exist where this runs",
			st->reason, roles->buf);
	strbuf_release(&what);
	return st;
}

static void policy_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT, roles = STRBUF_INIT;
	const struct object *was = plan_source_of(plan, o);
	/* the same policy re-created (around a column type change) changes nothing */
	int same = was && obj_same_attrs(was, o);

	policy_prefix(&sql, "CREATE", o);
	strbuf_addf(&sql, "\n    AS %s FOR %s",
		    obj_flag(o, "permissive") ? "PERMISSIVE" : "RESTRICTIVE",
		    command_name(o));
	strbuf_adds(&sql, "\n   ");
	add_roles(&sql, &roles, o);
	add_expr(&sql, "USING", obj_get(o, "using"));
	add_expr(&sql, "WITH CHECK", obj_get(o, "with_check"));
	add(plan, ACT_CREATE,
	    active(plan, o) && !same ? CH_CREATE_ACTIVE_POLICY :
	    CH_CREATE_POLICY, o, &sql, &roles);
	strbuf_release(&sql);
	strbuf_release(&roles);
}

static void policy_drop(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;

	policy_prefix(&sql, "DROP", o);
	add(plan, ACT_DROP,
	    active(plan, o) ? CH_DROP_ACTIVE_POLICY : CH_DROP_POLICY, o, &sql,
	    NULL);
	strbuf_release(&sql);
}

/* ALTER POLICY cannot change the command or kind, nor remove an expression. */
static int needs_recreate(const struct object *from, const struct object *to)
{
	return obj_attr_differs(from, to, "command") ||
	       obj_attr_differs(from, to, "permissive") ||
	       (obj_get(from, "using") && !obj_get(to, "using")) ||
	       (obj_get(from, "with_check") && !obj_get(to, "with_check"));
}

static void policy_alter(struct plan *plan, const struct object *from,
			 const struct object *to)
{
	struct strbuf sql = STRBUF_INIT, roles = STRBUF_INIT;

	if (obj_same_attrs(from, to))
		return;
	if (needs_recreate(from, to)) {
		policy_drop(plan, from);
		policy_create(plan, to);
		return;
	}
	policy_prefix(&sql, "ALTER", to);
	if (obj_attr_differs(from, to, "roles"))
		add_roles(&sql, &roles, to);
	if (obj_attr_differs(from, to, "using"))
		add_expr(&sql, "USING", obj_get(to, "using"));
	if (obj_attr_differs(from, to, "with_check"))
		add_expr(&sql, "WITH CHECK", obj_get(to, "with_check"));
	add(plan, ACT_ALTER,
	    active(plan, to) ? CH_ALTER_ACTIVE_POLICY : CH_ALTER_POLICY, to,
	    &sql, &roles);
	strbuf_release(&sql);
	strbuf_release(&roles);
}

const struct kind_ops policy_ops = { policy_create, policy_drop,
				     policy_alter };
