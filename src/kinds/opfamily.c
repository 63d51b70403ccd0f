/*
 * opfamily.c: operator families, keyed by name and index method (args).
 * Loose members (operators and functions not bound to one of its classes)
 * are added and removed with ALTER OPERATOR FAMILY; its classes are
 * operator classes of their own.
 */
#include <stdlib.h>
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/pgarray.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

/* "public.f USING btree": how every statement names a family. */
static void add_family_name(struct strbuf *sql, const struct object *o)
{
	quote_qualified(sql, o->schema, o->name);
	strbuf_adds(sql, " USING ");
	quote_ident(sql, o->args ? o->args : "");
}

/* "operator family public.f USING btree": what reasons call it. */
static const char *family_name(struct plan *plan, const struct object *o)
{
	char *name = obj_display_name(o);
	const char *what = arena_printf(&plan->arena, "operator family %s", name);

	free(name);
	return what;
}

/* The loose members: ADD clauses and, in the same order, DROP clauses. */
struct members {
	struct pgarray adds, drops;
};

static void members_read(struct members *m, const struct object *o)
{
	if (pgarray_parse(&m->adds, obj_get(o, "members")) < 0 ||
	    pgarray_parse(&m->drops, obj_get(o, "member_keys")) < 0 ||
	    m->adds.n != m->drops.n)
		BUG("bad members of %s", o->key);
}

static void members_release(struct members *m)
{
	pgarray_release(&m->adds);
	pgarray_release(&m->drops);
}

/* Whether member i of a is in b as it is (same slot, same definition). */
static int member_kept(const struct members *a, size_t i,
		       const struct members *b)
{
	long j = pgarray_find(&b->drops, a->drops.items[i]);
	return j >= 0 && !strcmp(b->adds.items[j], a->adds.items[i]);
}

/*
 * ALTER OPERATOR FAMILY ... ADD (or DROP) of the members of a that b lacks
 * (b NULL: all of them); NULL when there are none.
 */
static struct stmt *change_members(struct plan *plan, const struct object *o,
				   const struct members *a,
				   const struct members *b, int add)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;
	int n = 0;

	strbuf_adds(&sql, "ALTER OPERATOR FAMILY ");
	add_family_name(&sql, o);
	strbuf_adds(&sql, add ? " ADD " : " DROP ");
	for (size_t i = 0; i < a->adds.n; i++) {
		if (b && member_kept(a, i, b))
			continue;
		strbuf_addf(&sql, "%s%s", n++ ? ", " : "",
			    add ? a->adds.items[i] : a->drops.items[i]);
	}
	if (!n) {
		strbuf_release(&sql);
		return NULL;
	}
	st = plan_add(plan, ACT_ALTER,
		      add ? CH_ADD_OPFAMILY_MEMBERS : CH_DROP_OPFAMILY_MEMBERS,
		      o, family_name(plan, o), &sql);
	strbuf_release(&sql);
	return st;
}

static void opfamily_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	struct members m;
	struct stmt *create, *add;

	strbuf_adds(&sql, "CREATE OPERATOR FAMILY ");
	add_family_name(&sql, o);
	create = plan_add(plan, ACT_CREATE, CH_CREATE_OPFAMILY, o,
			  family_name(plan, o), &sql);
	strbuf_release(&sql);
	members_read(&m, o);
	add = change_members(plan, o, &m, NULL, 1);
	if (add)
		stmt_after(add, create);
	members_release(&m);
}

static void drop_family(struct plan *plan, const struct object *o,
			enum change ch)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, "DROP OPERATOR FAMILY ");
	add_family_name(&sql, o);
	plan_add(plan, ACT_DROP, ch, o, family_name(plan, o), &sql);
	strbuf_release(&sql);
}

static void opfamily_drop(struct plan *plan, const struct object *o)
{
	drop_family(plan, o, CH_DROP_OPFAMILY);
}

/* Members that go or change are dropped first; new and changed ones added. */
static void opfamily_alter(struct plan *plan, const struct object *from,
			   const struct object *to)
{
	struct members a, b;
	struct stmt *drop, *add;

	if (obj_same_attrs(from, to))
		return;
	members_read(&a, from);
	members_read(&b, to);
	drop = change_members(plan, to, &a, &b, 0);
	add = change_members(plan, to, &b, &a, 1);
	if (drop && add)
		stmt_after(add, drop);
	members_release(&a);
	members_release(&b);
}

const struct kind_ops opfamily_ops = {
	opfamily_create, opfamily_drop, opfamily_alter
};
