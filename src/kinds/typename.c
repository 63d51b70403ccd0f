/* typename.c: the type namespace shared across kinds, and moving columns to a re-created type. */
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"
#include "pgdiff/typekinds.h"
#include "pgdiff/util.h"

/* Kinds whose objects take a name in pg_type. */
static int in_type_namespace(enum obj_kind kind)
{
	unsigned int flags = obj_kind_flags(kind);

	switch (kind) {
	case OBJ_ENUM:
	case OBJ_DOMAIN:
	case OBJ_BASE_TYPE:
	case OBJ_RANGE:
	case OBJ_COMPOSITE:
		return 1;
	case OBJ_INDEX:
		return 0;
	default:
		return (flags & KIND_RELATION) && !(flags & KIND_CHILD);
	}
}

void typename_claim(struct plan *plan, struct stmt *st, const struct object *o)
{
	const struct snapshot *other = st->action == ACT_DROP ? plan->to :
								 plan->from;
	struct keylist *l = st->action == ACT_DROP ? &st->drops : &st->creates;
	struct strbuf key = STRBUF_INIT;

	for (int k = 0; k < OBJ_NKINDS; k++) {
		const struct object *x;

		if ((enum obj_kind)k == o->kind || !in_type_namespace(k))
			continue;
		strbuf_reset(&key);
		obj_make_key(&key, k, o->schema, NULL, o->name, NULL);
		x = snapshot_find(other, key.buf);
		if (x)
			keylist_add(plan, l, x->key);
	}
	strbuf_release(&key);
}

void drop_type(struct plan *plan, const struct object *o, const char *what,
	       enum change ch)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;

	strbuf_addf(&sql, "DROP %s ", what);
	quote_qualified(&sql, o->schema, o->name);
	st = plan_add(plan, ACT_DROP, ch, o, NULL, &sql);
	typename_claim(plan, st, o);
	strbuf_release(&sql);
}

struct stmt *rename_away(struct plan *plan, const struct object *from,
			 const char *what, enum change ch)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;

	strbuf_addf(&sql, "ALTER %s ", what);
	quote_qualified(&sql, from->schema, from->name);
	strbuf_adds(&sql, " RENAME TO ");
	quote_ident(&sql, arena_printf(&plan->arena, "%s%s", from->name,
				       TYPE_OLD_SUFFIX));
	st = plan_add(plan, ACT_ALTER, ch, from, NULL, &sql);
	st->custom_keys = 1;
	keylist_add(plan, &st->drops, from->key);
	strbuf_release(&sql);
	return st;
}

/* What the drop of o's renamed copy drops, in ordering terms. */
static const char *old_copy_key(struct plan *plan, const struct object *o)
{
	return arena_printf(&plan->arena, "old copy %s", o->key);
}

struct stmt *drop_renamed(struct plan *plan, const struct object *from,
			  const char *what, enum change ch,
			  struct stmt *rename)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;

	strbuf_addf(&sql, "DROP %s ", what);
	quote_qualified(&sql, from->schema,
			arena_printf(&plan->arena, "%s%s", from->name,
				     TYPE_OLD_SUFFIX));
	st = plan_add(plan, ACT_DROP, ch, from, NULL, &sql);
	st->custom_keys = 1;
	stmt_after(st, rename);
	/* an old copy built on another (a domain on a rebuilt enum) goes first */
	keylist_add(plan, &st->drops, old_copy_key(plan, from));
	for (size_t i = 0; i < from->ndeps; i++)
		keylist_add(plan, &st->unneeds, old_copy_key(plan, from->deps[i].on));
	strbuf_release(&sql);
	return st;
}

void retype_column_sql(struct strbuf *sql, const struct object *col,
		       const char *via)
{
	const char *type = obj_get(col, "type");
	const char *def = obj_get(col, "default");
	size_t len = strlen(type);
	int array = len > 2 && !strcmp(type + len - 2, "[]");

	if (def) {
		strbuf_adds(sql, " ALTER COLUMN ");
		quote_ident(sql, col->name);
		strbuf_adds(sql, " DROP DEFAULT,");
	}
	strbuf_adds(sql, " ALTER COLUMN ");
	quote_ident(sql, col->name);
	strbuf_addf(sql, " TYPE %s USING ", type);
	quote_ident(sql, col->name);
	if (via)
		strbuf_addf(sql, "::%s%s", via, array ? "[]" : "");
	strbuf_addf(sql, "::%s", type);
	if (def) {
		strbuf_adds(sql, ", ALTER COLUMN ");
		quote_ident(sql, col->name);
		strbuf_addf(sql, " SET DEFAULT %s", def);
	}
}

void retype_columns(struct plan *plan, const struct object *from,
		    const struct object *to, struct stmt *drop_old,
		    retype_sql_fn column_sql)
{
	struct strbuf sql = STRBUF_INIT;
	size_t first = plan->nstmts;

	for (size_t i = 0; i < from->nusers; i++) {
		const struct object *user = from->users[i];
		const struct object *col = plan_target_of(plan, user);
		struct stmt *st;
		enum change ch;

		if (user->kind != OBJ_COLUMN || !col ||
		    !obj_depends_on(col, to->key))
			continue;
		strbuf_adds(&sql, "ALTER TABLE ");
		quote_qualified(&sql, col->parent->schema, col->parent->name);
		ch = column_sql(&sql, col);
		st = plan_add(plan, ACT_ALTER, ch, col, NULL, &sql);
		st->custom_keys = 1;
		keylist_add(plan, &st->creates, col->key);
		keylist_add(plan, &st->needs, to->key);
		keylist_add(plan, &st->rewrites, col->key);
		stmt_after(drop_old, st);
		column_settings_retyped(plan, user, col, st);
		/* whatever else changes on the column waits for the move */
		for (size_t k = 0; k < first; k++)
			if (plan->stmts[k]->obj == col &&
			    plan->stmts[k]->action == ACT_ALTER)
				stmt_after(plan->stmts[k], st);
	}
	strbuf_release(&sql);
}
