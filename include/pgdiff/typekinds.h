/* typekinds.h: what the type-like kinds share (domains, composite and range types, collations). */
#ifndef PGDIFF_TYPEKINDS_H
#define PGDIFF_TYPEKINDS_H

#include "pgdiff/model.h"
#include "pgdiff/plan.h"

/* The name a rebuilt object is renamed to until its users have moved. */
#define TYPE_OLD_SUFFIX "__pgdiff_old"

/*
 * Types, tables, sequences and views share one namespace (pg_type), but
 * their keys differ by kind.  A statement creating o lists, as created, the
 * keys of the source's objects of other kinds holding o's name, so that
 * their drops come first; one dropping o lists the target's such keys as
 * dropped, so that their creation comes after.
 */
void typename_claim(struct plan *plan, struct stmt *st, const struct object *o);

/*
 * "DROP <what> schema.name" for o, a type ("TYPE") or domain ("DOMAIN"); what
 * takes its name in the target comes after (typename_claim).
 */
void drop_type(struct plan *plan, const struct object *o, const char *what,
	       enum change ch);

/* Appends to "ALTER TABLE t" the SQL moving col; returns the change. */
typedef enum change (*retype_sql_fn)(struct strbuf *sql,
				     const struct object *col);

/*
 * Appends " ALTER COLUMN c TYPE t USING c[::via]::t" for col, with its
 * default dropped before and set again after: the default is an expression
 * of the old copy's type.  via: a type to convert through, or NULL.
 */
void retype_column_sql(struct strbuf *sql, const struct object *col,
		       const char *via);

/*
 * Statements moving the columns that use from (source) and still use to
 * (target) to the new copy, run before drop_old and before any other
 * change to the column; each followed by what gives the column back the
 * storage and compression that ALTER TYPE resets.
 */
void retype_columns(struct plan *plan, const struct object *from,
		    const struct object *to, struct stmt *drop_old,
		    retype_sql_fn column_sql);

/*
 * "ALTER <what> name RENAME TO name__pgdiff_old": the statement that frees
 * from's name for its new copy, which must be created after it.
 */
struct stmt *rename_away(struct plan *plan, const struct object *from,
			 const char *what, enum change ch);
/*
 * Re-creates domain from as to while columns keep using it, its base type
 * being re-created under it (an enum rebuilt, a range type re-created):
 * no cast leads from the old type to the new one, text does.
 */
void domain_rebuild_around(struct plan *plan, const struct object *from,
			   const struct object *to);
/* "DROP <what> schema.name__pgdiff_old", after rename. */
struct stmt *drop_renamed(struct plan *plan, const struct object *from,
			  const char *what, enum change ch,
			  struct stmt *rename);

#endif
