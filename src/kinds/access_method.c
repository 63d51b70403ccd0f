/*
 * access_method.c: table and index access methods (but the built-in ones
 * and an extension's), and the SET ACCESS METHOD statements of tables and
 * materialized views.  There is no ALTER ACCESS METHOD: another handler or
 * type drops the method and creates it again.  An index method's operator
 * families and classes go along (they depend on it automatically) and the
 * cascade creates them again, with the indexes that use them; a table
 * method's tables and materialized views, whose data must stay, move to
 * heap before the drop and back after the create.
 */
#include <stdlib.h>

#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

int set_access_method_works(const struct plan *plan)
{
	const char *version = plan->from->server_version;
	int major = version ? atoi(version) : 0;

	return !major || major >= 15;
}

/*
 * "ALTER TABLE t SET ACCESS METHOD am" for a table or materialized view;
 * what names it in the reason (NULL: its name).
 */
static struct stmt *set_access_method(struct plan *plan,
				      const struct object *rel,
				      const char *am, const char *what)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;
	int matview = rel->kind == OBJ_VIEW;

	strbuf_adds(&sql, matview ? "ALTER MATERIALIZED VIEW " :
		    "ALTER TABLE ");
	quote_qualified(&sql, rel->schema, rel->name);
	strbuf_adds(&sql, " SET ACCESS METHOD ");
	quote_ident(&sql, am ? am : "heap");
	st = plan_add(plan, ACT_ALTER, matview ? CH_MATVIEW_ACCESS_METHOD :
		      CH_TABLE_ACCESS_METHOD, rel, what, &sql);
	/*
	 * It needs the relation and creates nothing: should the planner
	 * re-create the relation (with its access method), it runs after, as
	 * a no-op.
	 */
	st->custom_keys = 1;
	keylist_add(plan, &st->needs, rel->key);
	strbuf_release(&sql);
	return st;
}

struct stmt *access_method_alter_relation(struct plan *plan,
					  const struct object *from,
					  const struct object *to)
{
	struct stmt *st = set_access_method(plan, to, obj_get(to, "am"), NULL);

	for (size_t i = 0; i < to->ndeps; i++)
		if (to->deps[i].on->kind == OBJ_ACCESS_METHOD)
			keylist_add(plan, &st->needs, to->deps[i].on->key);
	for (size_t i = 0; i < from->ndeps; i++)
		if (from->deps[i].on->kind == OBJ_ACCESS_METHOD &&
		    !obj_depends_on(to, from->deps[i].on->key))
			keylist_add(plan, &st->unneeds, from->deps[i].on->key);
	return st;
}

static void access_method_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, "CREATE ACCESS METHOD ");
	quote_ident(&sql, o->name);
	/* the handler as regproc text: quoted and qualified as needed */
	strbuf_addf(&sql, " TYPE %s HANDLER %s", obj_get(o, "type"),
		    obj_get(o, "handler"));
	plan_add(plan, ACT_CREATE, CH_CREATE_ACCESS_METHOD, o, NULL, &sql);
	strbuf_release(&sql);
}

static void drop_access_method(struct plan *plan, const struct object *o,
			       enum change ch)
{
	struct strbuf sql = STRBUF_INIT;

	/* its families and classes go along; indexes using them go first */
	strbuf_adds(&sql, "DROP ACCESS METHOD ");
	quote_ident(&sql, o->name);
	plan_add(plan, ACT_DROP, ch, o, NULL, &sql);
	strbuf_release(&sql);
}

static void access_method_drop(struct plan *plan, const struct object *o)
{
	drop_access_method(plan, o, CH_DROP_ACCESS_METHOD);
}

/*
 * The tables and materialized views that use from and go on using it as
 * to, unless the plan creates them anew: moved to heap before the drop
 * (which then does not take them along, see cascade.c) and back after the
 * create.  Before PostgreSQL 15 they cannot move, and are re-created.
 */
static void move_relations(struct plan *plan, const struct object *from,
			   const struct object *to)
{
	if (!set_access_method_works(plan))
		return;
	for (size_t i = 0; i < from->nusers; i++) {
		const struct object *user = from->users[i], *rel;
		char *name, *am;
		struct stmt *st;

		if (user->kind != OBJ_TABLE && user->kind != OBJ_VIEW)
			continue;
		rel = plan_target_of(plan, user);
		if (!rel || !obj_depends_on(rel, to->key) ||
		    (rel->kind == OBJ_TABLE ? table_new_in_plan(plan, rel) :
		     view_new_in_plan(plan, rel)))
			continue;
		name = obj_display_name(rel);
		am = obj_display_name(to);
		st = set_access_method(plan, rel, NULL, arena_printf(&plan->arena,
			"%s (to heap, while access method %s is re-created)",
			name, am));
		keylist_add(plan, &st->unneeds, from->key);
		st = set_access_method(plan, rel, to->name, arena_printf(
			&plan->arena, "%s (back to access method %s)", name, am));
		keylist_add(plan, &st->needs, to->key);
		free(name);
		free(am);
	}
}

static void access_method_alter(struct plan *plan, const struct object *from,
				const struct object *to)
{
	if (!obj_attr_differs(from, to, "handler") &&
	    !obj_attr_differs(from, to, "type"))
		return;
	move_relations(plan, from, to);
	drop_access_method(plan, from, CH_RECREATE_ACCESS_METHOD);
	access_method_create(plan, to);
}

const struct kind_ops access_method_ops = {
	access_method_create, access_method_drop, access_method_alter
};
