/*
 * view.c: views and materialized views: CREATE OR REPLACE VIEW while the
 * columns allow it, ALTER ... SET / RESET for options, else drop and create.
 */
#include <stdlib.h>
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/pgarray.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

static int materialized(const struct object *v)
{
	return obj_flag(v, "materialized");
}

/* Its name in the relation namespace, shared with tables and indexes. */
static const char *relname_key(struct plan *plan, const struct object *v)
{
	struct strbuf sb = STRBUF_INIT;
	const char *key;

	strbuf_adds(&sb, "rel ");
	quote_qualified(&sb, v->schema, v->name);
	key = arena_strdup(&plan->arena, sb.buf);
	strbuf_release(&sb);
	return key;
}

/*
 * Creating or dropping a view also takes or frees its relation name, so
 * that a table or index of the same name is dropped first or created after.
 */
static void set_keys(struct plan *plan, struct stmt *st,
		     const struct object *v, int create)
{
	struct keylist *mine = create ? &st->creates : &st->drops;
	struct keylist *deps = create ? &st->needs : &st->unneeds;

	st->custom_keys = 1;
	keylist_add(plan, mine, v->key);
	keylist_add(plan, mine, relname_key(plan, v));
	for (size_t i = 0; i < v->ndeps; i++)
		keylist_add(plan, deps, v->deps[i].on->key);
}

/*
 * "CREATE [OR REPLACE] [MATERIALIZED] VIEW name [USING am] [WITH (...)]
 * AS query".
 */
static void view_sql(struct strbuf *sql, const struct object *v, int replace)
{
	const char *options = obj_get(v, "options");
	const char *am = obj_get(v, "am");

	strbuf_adds(sql, replace ? "CREATE OR REPLACE " : "CREATE ");
	strbuf_adds(sql, materialized(v) ? "MATERIALIZED VIEW " : "VIEW ");
	quote_qualified(sql, v->schema, v->name);
	/* NULL: heap, the default */
	if (materialized(v) && am) {
		strbuf_adds(sql, " USING ");
		quote_ident(sql, am);
	}
	reloptions_with(sql, options);
	if (materialized(v))
		tablespace_clause(sql, obj_get(v, "tablespace"));
	strbuf_adds(sql, " AS\n");
	strbuf_adds(sql, obj_get(v, "definition"));
	if (materialized(v))
		strbuf_adds(sql, obj_flag(v, "populated") ? "\nWITH DATA" :
			    "\nWITH NO DATA");
}

/* The default after name in column_defaults (name, default pairs), or NULL. */
static const char *default_of(const struct pgarray *pairs, const char *name)
{
	for (size_t i = 0; i + 1 < pairs->n; i += 2)
		if (!strcmp(pairs->items[i], name))
			return pairs->items[i + 1];
	return NULL;
}

static void set_default(struct plan *plan, const struct object *v,
			const char *column, const char *def,
			struct stmt *after)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;

	strbuf_adds(&sql, "ALTER VIEW ");
	quote_qualified(&sql, v->schema, v->name);
	strbuf_adds(&sql, " ALTER COLUMN ");
	quote_ident(&sql, column);
	if (def)
		strbuf_addf(&sql, " SET DEFAULT %s", def);
	else
		strbuf_adds(&sql, " DROP DEFAULT");
	st = plan_add(plan, ACT_ALTER, CH_VIEW_COLUMN_DEFAULT, v, NULL, &sql);
	/* a no-op after a re-creation, which sets them itself */
	st->custom_keys = 1;
	keylist_add(plan, &st->needs, v->key);
	/* what the default calls, among what the view needs */
	for (size_t i = 0; i < v->ndeps; i++)
		keylist_add(plan, &st->needs, v->deps[i].on->key);
	if (after)
		stmt_after(st, after);
	strbuf_release(&sql);
}

/*
 * Column defaults of a view (what an INSERT through it fills in), from
 * from (NULL: a new view) to to, after `after` (NULL: no order).
 */
static void column_defaults(struct plan *plan, const struct object *from,
			    const struct object *to, struct stmt *after)
{
	struct pgarray old = { NULL, 0 }, new;

	if ((from && pgarray_parse(&old, obj_get(from, "column_defaults")) < 0) ||
	    pgarray_parse(&new, obj_get(to, "column_defaults")) < 0)
		BUG("malformed column defaults of %s", to->key);
	for (size_t i = 0; i + 1 < new.n; i += 2)
		if (!str_equal(default_of(&old, new.items[i]), new.items[i + 1]))
			set_default(plan, to, new.items[i], new.items[i + 1],
				    after);
	for (size_t i = 0; i + 1 < old.n; i += 2)
		if (!default_of(&new, old.items[i]))
			set_default(plan, to, old.items[i], NULL, after);
	pgarray_release(&old);
	pgarray_release(&new);
}

static void view_create(struct plan *plan, const struct object *v)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;

	view_sql(&sql, v, 0);
	st = plan_add(plan, ACT_CREATE,
		      materialized(v) ? CH_CREATE_MATVIEW : CH_CREATE_VIEW,
		      v, NULL, &sql);
	plan_check_tablespace(plan, st, obj_get(v, "tablespace"));
	set_keys(plan, st, v, 1);
	column_defaults(plan, NULL, v, st);
	strbuf_release(&sql);
}

static struct stmt *view_drop_as(struct plan *plan, const struct object *v,
				 enum change ch)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;

	strbuf_adds(&sql, materialized(v) ? "DROP MATERIALIZED VIEW " :
		    "DROP VIEW ");
	quote_qualified(&sql, v->schema, v->name);
	st = plan_add(plan, ACT_DROP, ch, v, NULL, &sql);
	set_keys(plan, st, v, 0);
	strbuf_release(&sql);
	return st;
}

static void view_drop(struct plan *plan, const struct object *v)
{
	view_drop_as(plan, v, materialized(v) ? CH_DROP_MATVIEW : CH_DROP_VIEW);
}

/*
 * Whether a statement planned so far changes the type of a column the view
 * uses (on either side): PostgreSQL refuses that while the view exists.
 * Columns sort before views, so those statements are planned already.
 */
static int uses_rewritten_column(const struct plan *plan,
				 const struct object *from,
				 const struct object *to)
{
	for (size_t i = 0; i < plan->nstmts; i++) {
		const struct keylist *r = &plan->stmts[i]->rewrites;
		for (size_t k = 0; k < r->n; k++)
			if (obj_depends_on(from, r->keys[k]) ||
			    obj_depends_on(to, r->keys[k]))
				return 1;
	}
	return 0;
}

/*
 * CREATE OR REPLACE VIEW must keep the old columns, names, types and
 * collations in their order, and may only add new ones at the end.
 */
static int columns_kept(const struct object *from, const struct object *to)
{
	const char *old = obj_get(from, "columns");
	const char *new = obj_get(to, "columns");
	size_t len = old ? strlen(old) : 0;

	return !len || (new && !strncmp(old, new, len) &&
			(!new[len] || new[len] == ','));
}

static void recreate(struct plan *plan, const struct object *from,
		     const struct object *to, const char *why)
{
	struct stmt *st = view_drop_as(plan, from, materialized(from) ?
				       CH_RECREATE_MATVIEW : CH_RECREATE_VIEW);

	if (why) {
		char *name = obj_display_name(from);
		st->reason = arena_printf(&plan->arena, why, name);
		free(name);
	}
	view_create(plan, to);
}

/*
 * CREATE OR REPLACE VIEW: it creates the new columns that others may need.
 * It also needs the view itself: should the planner drop and re-create
 * the view (because something it uses is re-created), it runs after that
 * CREATE, as a no-op, never before it.
 */
static void replace(struct plan *plan, const struct object *from,
		    const struct object *to)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;

	/* its WITH (...) replaces the options too */
	view_sql(&sql, to, 1);
	st = plan_add(plan, ACT_ALTER, CH_REPLACE_VIEW, to, NULL, &sql);
	st->custom_keys = 1;
	keylist_add(plan, &st->creates, to->key);
	keylist_add(plan, &st->needs, to->key);
	for (size_t i = 0; i < to->ndeps; i++)
		keylist_add(plan, &st->needs, to->deps[i].on->key);
	/*
	 * It stops needing only what the new query leaves out (a column about
	 * to be dropped waits for it); what both need, it goes on needing.
	 */
	for (size_t i = 0; i < from->ndeps; i++)
		if (!obj_depends_on(to, from->deps[i].on->key))
			keylist_add(plan, &st->unneeds, from->deps[i].on->key);
	strbuf_release(&sql);
}

static void alter_options(struct plan *plan, const struct object *from,
			  const struct object *to)
{
	const char *old = obj_get(from, "options"), *new = obj_get(to, "options");
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;
	int strong;

	strbuf_adds(&sql, materialized(to) ? "ALTER MATERIALIZED VIEW " :
		    "ALTER VIEW ");
	quote_qualified(&sql, to->schema, to->name);
	if (!reloptions_alter(&sql, old, new, &strong))
		goto out;
	st = plan_add(plan, ACT_ALTER, materialized(to) ? CH_MATVIEW_OPTIONS :
		      CH_VIEW_OPTIONS, to, NULL, &sql);
	/*
	 * It needs the view and creates nothing: should the planner re-create
	 * the view (with these options), it runs after, as a no-op.
	 */
	st->custom_keys = 1;
	keylist_add(plan, &st->needs, to->key);
out:
	strbuf_release(&sql);
}

/* Moves the materialized view's data: a rewrite under an exclusive lock. */
static void alter_tablespace(struct plan *plan, const struct object *to)
{
	struct strbuf sql = STRBUF_INIT;
	const char *ts = obj_get(to, "tablespace");
	struct stmt *st;

	strbuf_adds(&sql, "ALTER MATERIALIZED VIEW ");
	quote_qualified(&sql, to->schema, to->name);
	strbuf_adds(&sql, " SET TABLESPACE ");
	quote_ident(&sql, ts ? ts : "pg_default");
	st = plan_add(plan, ACT_ALTER, CH_MATVIEW_TABLESPACE, to, NULL, &sql);
	/* like the options: a no-op after a re-creation */
	st->custom_keys = 1;
	keylist_add(plan, &st->needs, to->key);
	plan_check_tablespace(plan, st, ts);
	strbuf_release(&sql);
}

static int query_changed(const struct object *from, const struct object *to)
{
	return obj_attr_differs(from, to, "definition") ||
	       obj_attr_differs(from, to, "columns");
}

int view_new_in_plan(const struct plan *plan, const struct object *v)
{
	const struct object *from = plan_source_of(plan, v);
	const struct object *to = plan_target_of(plan, v);

	return !from || !to || materialized(from) != materialized(to) ||
	       (materialized(to) &&
		(query_changed(from, to) ||
		 (obj_attr_differs(from, to, "am") &&
		  !set_access_method_works(plan))));
}

static void view_change(struct plan *plan, const struct object *from,
			const struct object *to)
{
	int changed = query_changed(from, to);
	int am_changed = materialized(to) && obj_attr_differs(from, to, "am");

	/* Whether a materialized view is populated is data, not schema. */
	if (materialized(from) != materialized(to))
		recreate(plan, from, to, materialized(to) ?
			 "drops view %s to create it as a materialized view" :
			 "drops materialized view %s to create it as a view");
	else if (changed && materialized(to))
		recreate(plan, from, to, NULL);
	else if (am_changed && !set_access_method_works(plan))
		recreate(plan, from, to,
			 "drops materialized view %s to re-create it with another access method (ALTER MATERIALIZED VIEW ... SET ACCESS METHOD needs PostgreSQL 15)");
	else if (changed && !columns_kept(from, to))
		recreate(plan, from, to, NULL);
	else if (changed && uses_rewritten_column(plan, from, to))
		recreate(plan, from, to,
			 "drops view %s to re-create it: a column it uses changes type");
	else if (changed)
		replace(plan, from, to);
	else {
		if (am_changed)
			access_method_alter_relation(plan, from, to);
		if (reloptions_differ(obj_get(from, "options"),
				      obj_get(to, "options")))
			alter_options(plan, from, to);
		if (materialized(to) &&
		    obj_attr_differs(from, to, "tablespace"))
			alter_tablespace(plan, to);
	}
}

static void view_alter(struct plan *plan, const struct object *from,
		       const struct object *to)
{
	size_t first = plan->nstmts;

	view_change(plan, from, to);
	/* unless view_create made it anew with them */
	for (size_t i = first; i < plan->nstmts; i++)
		if (plan->stmts[i]->obj == to &&
		    plan->stmts[i]->action == ACT_CREATE)
			return;
	column_defaults(plan, from, to, NULL);
}

const struct kind_ops view_ops = { view_create, view_drop, view_alter };
