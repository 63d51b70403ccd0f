/*
 * acl.c: GRANT / REVOKE from the `acl` facts of any kind, ALTER ... OWNER
 * TO from the `owner` facts, and ALTER DEFAULT PRIVILEGES (a kind).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pgdiff/kinds.h"
#include "pgdiff/pgarray.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

/* aclitem letters, in the order GRANT lists them. */
static const struct {
	char letter;
	const char *name;
} privileges[] = {
	{ 'r', "SELECT" }, { 'a', "INSERT" }, { 'w', "UPDATE" },
	{ 'd', "DELETE" }, { 'D', "TRUNCATE" }, { 'x', "REFERENCES" },
	{ 't', "TRIGGER" }, { 'm', "MAINTAIN" }, { 'X', "EXECUTE" },
	{ 'U', "USAGE" }, { 'C', "CREATE" }, { 'c', "CONNECT" },
	{ 'T', "TEMPORARY" }, { 's', "SET" }, { 'A', "ALTER SYSTEM" },
};
#define NPRIVILEGES (sizeof(privileges) / sizeof(*privileges))

static int privilege_bit(char letter)
{
	for (size_t i = 0; i < NPRIVILEGES; i++)
		if (privileges[i].letter == letter)
			return (int)i;
	return -1;
}

/*
 * What one grantee may do, whoever granted it: grantors are not compared
 * (a script's grants are made by whoever runs it).  The owner's entry is
 * matched as "the owner", whatever its name on either side: ALTER ...
 * OWNER TO moves it to the new owner.
 */
struct grant {
	char *role;		/* "" for PUBLIC */
	int owner;
	unsigned int privs, grantable;
};

struct acl {
	struct grant *grants;
	size_t n, alloc;
};

/* Reads a role name as aclitem writes it (in double quotes when needed). */
static const char *parse_role(const char *p, char stop, struct strbuf *out)
{
	if (*p != '"') {
		while (*p && *p != stop)
			strbuf_addch(out, *p++);
		return p;
	}
	for (p++; *p; p++) {
		if (*p == '"') {
			if (p[1] != '"')
				return p + 1;
			p++;
		}
		strbuf_addch(out, *p);
	}
	return NULL;
}

/* "grantee=privs/grantor" → grantee, privileges; -1 when malformed. */
static int parse_item(const char *item, struct strbuf *role,
		      unsigned int *privs, unsigned int *grantable)
{
	const char *p = parse_role(item, '=', role);

	*privs = *grantable = 0;
	if (!p || *p++ != '=')
		return -1;
	for (; *p && *p != '/'; p++) {
		int bit = privilege_bit(*p);
		if (bit < 0)
			continue;	/* a privilege newer than this pgdiff */
		*privs |= 1u << bit;
		if (p[1] == '*') {
			*grantable |= 1u << bit;
			p++;
		}
	}
	return 0;
}

static struct grant *find_grant(struct acl *acl, const char *role, int owner)
{
	for (size_t i = 0; i < acl->n; i++)
		if (acl->grants[i].owner == owner &&
		    (owner || !strcmp(acl->grants[i].role, role)))
			return &acl->grants[i];
	return NULL;
}

static struct grant *add_grant(struct acl *acl, const char *role, int owner)
{
	struct grant *g = find_grant(acl, role, owner);

	if (g)
		return g;
	ALLOC_GROW(acl->grants, acl->n + 1, acl->alloc);
	g = &acl->grants[acl->n++];
	g->role = xstrdup(role);
	g->owner = owner;
	g->privs = g->grantable = 0;
	return g;
}

/* Parses an aclitem[] text; owner (may be NULL) names the owner's entry. */
static void acl_parse(struct acl *acl, const char *text, const char *owner,
		      const char *what)
{
	struct pgarray items;
	struct strbuf role = STRBUF_INIT;

	memset(acl, 0, sizeof(*acl));
	if (pgarray_parse(&items, text) < 0)
		BUG("malformed privileges of %s: %s", what, text);
	for (size_t i = 0; i < items.n; i++) {
		unsigned int privs, grantable;
		struct grant *g;

		strbuf_reset(&role);
		if (parse_item(items.items[i], &role, &privs, &grantable) < 0)
			BUG("malformed privilege '%s' of %s", items.items[i], what);
		g = add_grant(acl, role.buf, owner && !strcmp(role.buf, owner));
		g->privs |= privs;
		g->grantable |= grantable;
	}
	pgarray_release(&items);
	strbuf_release(&role);
}

static void acl_release(struct acl *acl)
{
	for (size_t i = 0; i < acl->n; i++)
		free(acl->grants[i].role);
	free(acl->grants);
	memset(acl, 0, sizeof(*acl));
}

static int cmp_grant(const void *a, const void *b)
{
	const struct grant *x = a, *y = b;

	if (x->owner != y->owner)
		return y->owner - x->owner;
	return strcmp(x->role, y->role);
}

char *acl_without_role(const char *acl, const char *role)
{
	struct pgarray items;
	struct strbuf sb = STRBUF_INIT, grantee = STRBUF_INIT;
	size_t kept = 0;

	if (pgarray_parse(&items, acl) < 0)
		return xstrdup(acl);
	strbuf_addch(&sb, '{');
	for (size_t i = 0; i < items.n; i++) {
		unsigned int privs, grantable;

		strbuf_reset(&grantee);
		if (parse_item(items.items[i], &grantee, &privs, &grantable) == 0 &&
		    !strcmp(grantee.buf, role))
			continue;
		if (kept++)
			strbuf_addch(&sb, ',');
		pgarray_add_item(&sb, items.items[i]);
	}
	strbuf_addch(&sb, '}');
	pgarray_release(&items);
	strbuf_release(&grantee);
	return strbuf_detach(&sb);
}

/* What the statements say about one object's privileges. */
struct grant_target {
	const struct object *obj;	/* the statements' object */
	enum action action;
	const char *prefix;	/* "ALTER DEFAULT PRIVILEGES FOR ROLE r " */
	const char *on;		/* "TABLE public.t", "TABLES" */
	const char *column;	/* quoted, for column privileges */
	const char *what;	/* the object in reasons */
	const char *owner;	/* the name of the owner's entry */
	enum change grant, revoke;
	int own_keys;		/* made after the planner derived keys */
	struct stmt *last;	/* statements about it run in order */
};

static void add_grantee(struct strbuf *sb, const struct grant_target *t,
			const struct grant *g)
{
	if (g->owner)
		quote_ident(sb, t->owner);
	else if (!*g->role)
		strbuf_adds(sb, "PUBLIC");
	else
		quote_ident(sb, g->role);
}

static void add_privileges(struct strbuf *sb, const struct grant_target *t,
			   unsigned int bits)
{
	int first = 1;

	for (size_t i = 0; i < NPRIVILEGES; i++) {
		if (!(bits & (1u << i)))
			continue;
		strbuf_adds(sb, first ? "" : ", ");
		strbuf_adds(sb, privileges[i].name);
		if (t->column)
			strbuf_addf(sb, " (%s)", t->column);
		first = 0;
	}
}

static void note_missing_role(struct plan *plan, const char *role)
{
	for (size_t i = 0; i < plan->nmissing_roles; i++)
		if (!strcmp(plan->missing_roles[i], role))
			return;
	ALLOC_GROW(plan->missing_roles, plan->nmissing_roles + 1,
		   plan->missing_roles_alloc);
	plan->missing_roles[plan->nmissing_roles++] =
		arena_strdup(&plan->arena, role);
}

/*
 * Roles are cluster-wide and pgdiff does not create them: a statement
 * naming one the source server lacks is reported, not guessed around.
 */
void plan_check_role(struct plan *plan, struct stmt *st, const char *role)
{
	if (!role || !*role || snapshot_has_role(plan->from, role) != 0)
		return;
	st->reason = arena_printf(&plan->arena,
		"%s; role %s does not exist on the source server", st->reason,
		role);
	note_missing_role(plan, role);
}

static void add_statement(struct plan *plan, struct grant_target *t,
			  const struct grant *g, int revoke, int option,
			  unsigned int bits)
{
	struct strbuf sql = STRBUF_INIT, who = STRBUF_INIT;
	struct stmt *st;

	if (!bits)
		return;
	add_grantee(&who, t, g);
	strbuf_adds(&sql, t->prefix);
	strbuf_adds(&sql, revoke ? "REVOKE " : "GRANT ");
	if (revoke && option)
		strbuf_adds(&sql, "GRANT OPTION FOR ");
	add_privileges(&sql, t, bits);
	strbuf_addf(&sql, " ON %s %s %s", t->on, revoke ? "FROM" : "TO",
		    who.buf);
	if (!revoke && option)
		strbuf_adds(&sql, " WITH GRANT OPTION");
	{
		/* the reason names the privileges without a column's name */
		struct grant_target bare = *t;
		struct strbuf what = STRBUF_INIT;

		bare.column = NULL;
		if (revoke && option)
			strbuf_adds(&what, "the grant option for ");
		add_privileges(&what, &bare, bits);
		strbuf_addf(&what, " on %s %s %s", t->what,
			    revoke ? "from" : "to", who.buf);
		if (!revoke && option)
			strbuf_adds(&what, " with grant option");
		st = plan_add(plan, t->action, revoke ? t->revoke : t->grant,
			      t->obj, what.buf, &sql);
		strbuf_release(&what);
	}
	if (t->own_keys) {
		st->custom_keys = 1;
		keylist_add(plan, &st->needs, t->obj->key);
		if (t->obj->parent)
			keylist_add(plan, &st->needs, t->obj->parent->key);
	}
	if (!revoke)
		plan_check_role(plan, st, g->owner ? t->owner : g->role);
	if (t->last)
		stmt_after(st, t->last);
	t->last = st;
	strbuf_release(&sql);
	strbuf_release(&who);
}

/* The statements that turn privileges a into b, grantee by grantee. */
static void diff_acls(struct plan *plan, struct grant_target *t,
		      struct acl *a, struct acl *b)
{
	static const struct grant none = { (char *)"", 0, 0, 0 };
	struct acl all = { NULL, 0, 0 };

	for (size_t i = 0; i < a->n; i++)
		add_grant(&all, a->grants[i].role, a->grants[i].owner);
	for (size_t i = 0; i < b->n; i++)
		add_grant(&all, b->grants[i].role, b->grants[i].owner);
	qsort(all.grants, all.n, sizeof(*all.grants), cmp_grant);
	for (size_t i = 0; i < all.n; i++) {
		const struct grant *g = &all.grants[i];
		const struct grant *x = find_grant(a, g->role, g->owner);
		const struct grant *y = find_grant(b, g->role, g->owner);

		if (!x)
			x = &none;
		if (!y)
			y = &none;
		add_statement(plan, t, g, 1, 0, x->privs & ~y->privs);
		add_statement(plan, t, g, 1, 1,
			      x->grantable & y->privs & ~y->grantable);
		add_statement(plan, t, g, 0, 0,
			      y->privs & ~y->grantable & ~x->privs);
		add_statement(plan, t, g, 0, 1, y->grantable & ~x->grantable);
	}
	acl_release(&all);
}

static const char *owner_of(const struct object *o)
{
	const char *owner = obj_get(o, "owner");

	if (!owner && o->kind == OBJ_COLUMN && o->parent)
		owner = obj_get(o->parent, "owner");
	return owner;
}

/* The ALTER DEFAULT PRIVILEGES object type covering o, or NULL. */
static const char *default_acl_type(const struct object *o)
{
	switch (o->kind) {
	case OBJ_TABLE:
	case OBJ_VIEW:
		return "tables";
	case OBJ_SEQUENCE:
		return "sequences";
	case OBJ_FUNCTION:
	case OBJ_PROCEDURE:
	case OBJ_AGGREGATE:
		return "functions";
	case OBJ_BASE_TYPE:
	case OBJ_ENUM:
	case OBJ_DOMAIN:
	case OBJ_COMPOSITE:
	case OBJ_RANGE:
		return "types";
	case OBJ_SCHEMA:
		return "schemas";
	default:
		return NULL;
	}
}

/*
 * The target's default privileges that the role creating o (its owner;
 * unknown without --with-owners: then the one role that has some for
 * o's type, if only one has) gives o: role-wide (global) and in o's
 * schema.  The script sets default privileges before it creates objects.
 */
static void default_acl_rows(const struct plan *plan, const struct object *o,
			     const struct object **global,
			     const struct object **in_schema)
{
	const char *type = default_acl_type(o), *role = owner_of(o);
	const char *schema = o->kind == OBJ_SCHEMA ? NULL : o->schema;

	const struct snapshot *to = plan->to;
	size_t lo = 0, hi = to->nobjects;
	const char *prefix = obj_kind_name(OBJ_DEFAULT_ACL);
	size_t len = strlen(prefix);

	*global = *in_schema = NULL;
	if (!type)
		return;
	/* objects are sorted by key, and keys start with the kind's name */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strncmp(to->objects[mid]->key, prefix, len) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < to->nobjects &&
			    to->objects[i]->kind == OBJ_DEFAULT_ACL; i++) {
		const struct object *d = to->objects[i];

		if (!str_equal(d->args, type) ||
		    (d->schema && !str_equal(d->schema, schema)))
			continue;
		if (!role)
			role = d->name;
		else if (strcmp(role, d->name)) {
			if (!owner_of(o)) {	/* two roles: which creates o? */
				*global = *in_schema = NULL;
				return;
			}
			continue;
		}
		if (d->schema)
			*in_schema = d;
		else
			*global = d;
	}
}

/* Adds what default privileges d give to others than its role. */
static void merge_default_acl(struct acl *into, const struct object *d)
{
	struct acl from;

	acl_parse(&from, obj_get(d, "privileges"), d->name, d->key);
	for (size_t i = 0; i < from.n; i++) {
		const struct grant *g = &from.grants[i];
		struct grant *t;

		if (g->owner)
			continue;
		t = add_grant(into, g->role, 0);
		t->privs |= g->privs;
		t->grantable |= g->grantable;
	}
	acl_release(&from);
}

/*
 * A new object's privileges: PUBLIC's built-in defaults, or those of the
 * default privileges in force, plus those of its schema; the owner's are
 * assumed to be the target's.
 */
static void new_object_acl(const struct plan *plan, struct acl *acl,
			   const struct object *o, const struct acl *target)
{
	const char *public_privs = o->kind == OBJ_COLUMN ? "" :
				   object_public_privileges(o);
	const struct object *global, *in_schema;

	memset(acl, 0, sizeof(*acl));
	default_acl_rows(plan, o, &global, &in_schema);
	if (global) {
		merge_default_acl(acl, global);
	} else if (*public_privs) {
		struct grant *g = add_grant(acl, "", 0);
		for (const char *p = public_privs; *p; p++)
			g->privs |= 1u << privilege_bit(*p);
	}
	if (in_schema)
		merge_default_acl(acl, in_schema);
	for (size_t i = 0; i < target->n; i++) {
		struct grant *g;
		if (!target->grants[i].owner)
			continue;
		g = add_grant(acl, "", 1);
		g->privs = target->grants[i].privs;
		g->grantable = target->grants[i].grantable;
	}
}

/*
 * GRANT and REVOKE turning privileges old (of from; NULL: a new object's)
 * into new on to, or on its column named col (then to is the relation,
 * what the column in reasons).
 */
static void plan_privileges(struct plan *plan, const struct object *from,
			    const struct object *to, const char *col,
			    const char *what, const char *old, const char *new)
{
	struct grant_target t = { to, ACT_ALTER, "", NULL, NULL, NULL, NULL,
				  CH_GRANT, CH_REVOKE, 1, NULL };
	struct strbuf on = STRBUF_INIT, column = STRBUF_INIT;
	struct acl a, b;

	acl_parse(&b, new, owner_of(to), what);
	if (old)
		acl_parse(&a, old, owner_of(from), what);
	else
		new_object_acl(plan, &a, to, &b);
	/* nothing can have used a new object yet */
	if (!old)
		t.revoke = CH_REVOKE_NEW;
	object_sql_reference(&on, to, SQL_GRANT);
	t.on = on.buf;
	if (col) {
		quote_ident(&column, col);
		t.column = column.buf;
	}
	t.what = what;
	t.owner = owner_of(to);
	diff_acls(plan, &t, &a, &b);
	acl_release(&a);
	acl_release(&b);
	strbuf_release(&on);
	strbuf_release(&column);
}


/*
 * Column privileges of a view, materialized view or foreign table: the
 * fact column_acls pairs each column that has some with them (its columns
 * are no objects of their own, unlike a table's).
 */
static void column_acls_plan(struct plan *plan, const struct object *from,
			     const struct object *to)
{
	struct pgarray old, new;
	struct strbuf what = STRBUF_INIT;

	if (!obj_has(to, "column_acls") || (from && !obj_has(from, "column_acls")))
		return;
	if (pgarray_parse(&old, from ? obj_get(from, "column_acls") : NULL) < 0 ||
	    pgarray_parse(&new, obj_get(to, "column_acls")) < 0)
		BUG("malformed column_acls of %s", to->key);
	/* every column either side lists: one losing all its grants too */
	for (int side = 0; side < 2; side++) {
		const struct pgarray *list = side ? &old : &new;

		for (size_t i = 0; i + 1 < list->n; i += 2) {
			const char *col = list->items[i];
			const char *a = pgarray_pair_value(&old, col);
			const char *b = pgarray_pair_value(&new, col);

			if ((side && b) || str_equal(a ? a : "{}", b ? b : "{}"))
				continue;
			strbuf_reset(&what);
			strbuf_adds(&what, "column ");
			quote_qualified(&what, to->schema, to->name);
			strbuf_addch(&what, '.');
			quote_ident(&what, col);
			plan_privileges(plan, from, to, col, what.buf,
					from ? (a ? a : "{}") : NULL, b ? b : "{}");
		}
	}
	pgarray_release(&old);
	pgarray_release(&new);
	strbuf_release(&what);
}

void acl_plan(struct plan *plan, const struct object *from,
	      const struct object *to)
{
	char *what;

	column_acls_plan(plan, from, to);
	/* a side read without privileges (--no-privileges) says nothing */
	if (!obj_has(to, "acl") || (from && !obj_has(from, "acl")))
		return;
	if (from && !obj_attr_differs(from, to, "acl") &&
	    str_equal(owner_of(from), owner_of(to)))
		return;
	what = obj_kind_and_name(to);
	plan_privileges(plan, from, to,
			to->kind == OBJ_COLUMN ? to->name : NULL, what,
			from ? obj_get(from, "acl") : NULL, obj_get(to, "acl"));
	free(what);
}

void owner_plan(struct plan *plan, const struct object *from,
		const struct object *to)
{
	const char *owner = obj_get(to, "owner");
	struct strbuf sql = STRBUF_INIT;
	char *what;
	struct stmt *st;

	if (!owner || (from && (!obj_has(from, "owner") ||
				str_equal(obj_get(from, "owner"), owner))))
		return;
	strbuf_adds(&sql, "ALTER ");
	object_sql_reference(&sql, to, SQL_ALTER);
	strbuf_adds(&sql, " OWNER TO ");
	quote_ident(&sql, owner);
	what = obj_kind_and_name(to);
	st = plan_add(plan, ACT_ALTER, from ? CH_OWNER : CH_OWNER_NEW, to,
		      what, &sql);
	free(what);
	st->custom_keys = 1;
	keylist_add(plan, &st->needs, to->key);
	plan_check_role(plan, st, owner);
	strbuf_release(&sql);
}

/*
 * ALTER DEFAULT PRIVILEGES: one object per role, schema (NULL: every
 * schema) and object type (in args: "tables").  Its `privileges` fact is
 * pg_default_acl's; `baseline` what holds without a row: PostgreSQL's
 * defaults for a role-wide row, nothing for a schema's (which only adds).
 */
static void default_acl_statements(struct plan *plan, const struct object *o,
				   enum action action, const char *from_text,
				   const char *to_text)
{
	struct strbuf prefix = STRBUF_INIT, on = STRBUF_INIT, role = STRBUF_INIT;
	struct grant_target t = { o, action, NULL, NULL, NULL, NULL, NULL,
				  CH_DEFAULT_GRANT, CH_DEFAULT_REVOKE, 0, NULL };
	struct strbuf schema = STRBUF_INIT;
	size_t before = plan->nstmts;
	struct acl a, b;

	quote_ident(&role, o->name);
	strbuf_addf(&prefix, "ALTER DEFAULT PRIVILEGES FOR ROLE %s ", role.buf);
	if (o->schema) {
		strbuf_adds(&prefix, "IN SCHEMA ");
		quote_ident(&prefix, o->schema);
		strbuf_addch(&prefix, ' ');
	}
	for (const char *p = o->args; p && *p; p++)
		strbuf_addch(&on, (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p));
	t.prefix = prefix.buf;
	t.on = on.buf;
	if (o->schema)
		quote_ident(&schema, o->schema);
	t.what = o->schema ?
		arena_printf(&plan->arena, "new %s of role %s in schema %s",
			     o->args, role.buf, schema.buf) :
		arena_printf(&plan->arena, "new %s of role %s", o->args, role.buf);
	acl_parse(&a, from_text, NULL, o->key);
	acl_parse(&b, to_text, NULL, o->key);
	diff_acls(plan, &t, &a, &b);
	/* the role, like the grantees, must exist where this runs */
	if (plan->nstmts > before && action != ACT_DROP)
		plan_check_role(plan, plan->stmts[before], o->name);
	acl_release(&a);
	acl_release(&b);
	strbuf_release(&schema);
	strbuf_release(&prefix);
	strbuf_release(&on);
	strbuf_release(&role);
}

static void default_acl_create(struct plan *plan, const struct object *o)
{
	default_acl_statements(plan, o, ACT_ALTER, obj_get(o, "baseline"),
			       obj_get(o, "privileges"));
}

static void default_acl_drop(struct plan *plan, const struct object *o)
{
	default_acl_statements(plan, o, ACT_DROP, obj_get(o, "privileges"),
			       obj_get(o, "baseline"));
}

static void default_acl_alter(struct plan *plan, const struct object *from,
			      const struct object *to)
{
	if (!obj_attr_differs(from, to, "privileges"))
		return;
	default_acl_statements(plan, to, ACT_ALTER, obj_get(from, "privileges"),
			       obj_get(to, "privileges"));
}

const struct kind_ops default_acl_ops = {
	default_acl_create, default_acl_drop, default_acl_alter
};

/*
 * Default privileges apply to objects created after them: every CREATE in
 * their schema (in any schema, for a role-wide row) waits for them.  The
 * statements need at most their schema, so no cycle can form.
 */
void default_acl_order(struct plan *plan)
{
	for (size_t i = 0; i < plan->nstmts; i++) {
		struct stmt *d = plan->stmts[i];

		if (d->omitted || (d->change != CH_DEFAULT_GRANT &&
				   d->change != CH_DEFAULT_REVOKE))
			continue;
		for (size_t k = 0; k < plan->nstmts; k++) {
			struct stmt *st = plan->stmts[k];

			if (st->action != ACT_CREATE || st->omitted || !st->obj ||
			    st->obj->kind == OBJ_DEFAULT_ACL)
				continue;
			if (!d->obj->schema || str_equal(d->obj->schema,
							 st->obj->schema))
				stmt_after(st, d);
		}
	}
}
