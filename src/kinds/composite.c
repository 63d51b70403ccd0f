/*
 * composite.c: stand-alone composite types (CREATE TYPE ... AS (...)).
 * Attributes are added, dropped and retyped in place when the new order
 * allows it (added ones go last); otherwise the type is re-created.
 */
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/pgarray.h"
#include "pgdiff/quote.h"
#include "pgdiff/typekinds.h"
#include "pgdiff/util.h"

struct attrs {
	struct pgarray names, types;
};

static void attrs_of(struct attrs *a, const struct object *o)
{
	if (pgarray_parse(&a->names, obj_get(o, "attributes")) < 0 ||
	    pgarray_parse(&a->types, obj_get(o, "attribute_types")) < 0 ||
	    a->names.n != a->types.n)
		BUG("malformed attributes of %s", o->key);
}

static void attrs_release(struct attrs *a)
{
	pgarray_release(&a->names);
	pgarray_release(&a->types);
}

static void composite_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	struct attrs a;
	struct stmt *st;

	attrs_of(&a, o);
	strbuf_adds(&sql, "CREATE TYPE ");
	quote_qualified(&sql, o->schema, o->name);
	strbuf_adds(&sql, " AS (");
	for (size_t i = 0; i < a.names.n; i++) {
		if (i)
			strbuf_adds(&sql, ", ");
		quote_ident(&sql, a.names.items[i]);
		strbuf_addf(&sql, " %s", a.types.items[i]);
	}
	strbuf_addch(&sql, ')');
	st = plan_add(plan, ACT_CREATE, CH_CREATE_COMPOSITE, o, NULL, &sql);
	typename_claim(plan, st, o);
	attrs_release(&a);
	strbuf_release(&sql);
}

static void composite_drop(struct plan *plan, const struct object *o)
{
	drop_type(plan, o, "TYPE", CH_DROP_COMPOSITE);
}

/*
 * Whether DROP and ADD ATTRIBUTE reach the new order: the attributes both
 * have keep their order and come first, the new ones after them.
 */
static int reachable(const struct attrs *old, const struct attrs *new)
{
	size_t j = 0;

	for (size_t i = 0; i < old->names.n; i++) {
		if (pgarray_find(&new->names, old->names.items[i]) < 0)
			continue;
		if (j >= new->names.n ||
		    strcmp(new->names.items[j], old->names.items[i]))
			return 0;
		j++;
	}
	for (; j < new->names.n; j++)
		if (pgarray_find(&old->names, new->names.items[j]) >= 0)
			return 0;
	return 1;
}

/* "public.t.a": an attribute's name in reasons. */
static const char *attr_name(struct plan *plan, const struct object *o,
			     const char *attr)
{
	struct strbuf sb = STRBUF_INIT;
	const char *name;

	quote_qualified(&sb, o->schema, o->name);
	strbuf_addch(&sb, '.');
	quote_ident(&sb, attr);
	name = arena_strdup(&plan->arena, sb.buf);
	strbuf_release(&sb);
	return name;
}

static void alter_attribute(struct plan *plan, const struct object *to,
			    const char *attr, const char *action,
			    const char *type, enum change ch)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, "ALTER TYPE ");
	quote_qualified(&sql, to->schema, to->name);
	strbuf_addf(&sql, " %s ATTRIBUTE ", action);
	quote_ident(&sql, attr);
	if (type)
		strbuf_addf(&sql, "%s%s", ch == CH_ALTER_ATTRIBUTE_TYPE ?
			    " TYPE " : " ", type);
	plan_add(plan, ACT_ALTER, ch, to, attr_name(plan, to, attr), &sql);
	strbuf_release(&sql);
}

static void composite_alter(struct plan *plan, const struct object *from,
			    const struct object *to)
{
	struct attrs old, new;

	if (obj_same_attrs(from, to))
		return;
	attrs_of(&old, from);
	attrs_of(&new, to);
	if (!reachable(&old, &new)) {
		drop_type(plan, from, "TYPE", CH_RECREATE_TYPE);
		composite_create(plan, to);
		goto out;
	}
	for (size_t i = 0; i < old.names.n; i++)
		if (pgarray_find(&new.names, old.names.items[i]) < 0)
			alter_attribute(plan, to, old.names.items[i], "DROP",
					NULL, CH_DROP_ATTRIBUTE);
	for (size_t i = 0; i < new.names.n; i++) {
		long k = pgarray_find(&old.names, new.names.items[i]);

		if (k < 0)
			alter_attribute(plan, to, new.names.items[i], "ADD",
					new.types.items[i], CH_ADD_ATTRIBUTE);
		else if (strcmp(old.types.items[k], new.types.items[i]))
			alter_attribute(plan, to, new.names.items[i], "ALTER",
					new.types.items[i],
					CH_ALTER_ATTRIBUTE_TYPE);
	}
out:
	attrs_release(&old);
	attrs_release(&new);
}

const struct kind_ops composite_ops = {
	composite_create, composite_drop, composite_alter
};
