/*
 * collation.c: collations.  Nothing about a collation can be altered: a
 * changed one is renamed away, created anew, its columns moved to it and
 * the old copy dropped.
 */
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"
#include "pgdiff/typekinds.h"
#include "pgdiff/util.h"

static void add_option(struct strbuf *sql, int *n, const char *name,
		       const char *value)
{
	if (!value)
		return;
	strbuf_addf(sql, "%s%s = ", (*n)++ ? ", " : "", name);
	quote_literal(sql, value);
}

static struct stmt *create_collation(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	const char *provider = obj_get(o, "provider");
	const char *lc_collate = obj_get(o, "lc_collate");
	const char *lc_ctype = obj_get(o, "lc_ctype");
	int n = 0;
	struct stmt *st;

	strbuf_adds(&sql, "CREATE COLLATION ");
	quote_qualified(&sql, o->schema, o->name);
	strbuf_adds(&sql, " (");
	switch (provider ? provider[0] : 'c') {
	case 'i':
		strbuf_adds(&sql, "provider = icu");
		n++;
		break;
	case 'b':
		strbuf_adds(&sql, "provider = builtin");
		n++;
		break;
	default:
		strbuf_adds(&sql, "provider = libc");
		n++;
	}
	add_option(&sql, &n, "locale", obj_get(o, "locale"));
	if (lc_collate && lc_ctype && !strcmp(lc_collate, lc_ctype)) {
		add_option(&sql, &n, "locale", lc_collate);
	} else {
		add_option(&sql, &n, "lc_collate", lc_collate);
		add_option(&sql, &n, "lc_ctype", lc_ctype);
	}
	add_option(&sql, &n, "rules", obj_get(o, "icu_rules"));
	if (!obj_flag(o, "deterministic"))
		strbuf_adds(&sql, ", deterministic = false");
	strbuf_addch(&sql, ')');
	st = plan_add(plan, ACT_CREATE, CH_CREATE_COLLATION, o, NULL, &sql);
	strbuf_release(&sql);
	return st;
}

static void collation_create(struct plan *plan, const struct object *o)
{
	create_collation(plan, o);
}

static void collation_drop(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, "DROP COLLATION ");
	quote_qualified(&sql, o->schema, o->name);
	plan_add(plan, ACT_DROP, CH_DROP_COLLATION, o, NULL, &sql);
	strbuf_release(&sql);
}

static enum change recollate_sql(struct strbuf *sql, const struct object *col)
{
	const char *collation = obj_get(col, "collation");

	strbuf_adds(sql, " ALTER COLUMN ");
	quote_ident(sql, col->name);
	strbuf_addf(sql, " TYPE %s", obj_get(col, "type"));
	if (collation)
		strbuf_addf(sql, " COLLATE %s", collation);
	return CH_RECOLLATE_COLUMN;
}

static void collation_alter(struct plan *plan, const struct object *from,
			    const struct object *to)
{
	struct stmt *rename, *drop_old;

	if (obj_same_attrs(from, to))
		return;
	rename = rename_away(plan, from, "COLLATION", CH_REBUILD_COLLATION);
	stmt_after(create_collation(plan, to), rename);
	drop_old = drop_renamed(plan, from, "COLLATION", CH_DROP_OLD_COLLATION,
				rename);
	retype_columns(plan, from, to, drop_old, recollate_sql);
}

const struct kind_ops collation_ops = {
	collation_create, collation_drop, collation_alter
};
