/* coltype.h: judging column type changes without a server. */
#ifndef PGDIFF_COLTYPE_H
#define PGDIFF_COLTYPE_H

enum type_change {
	TYPE_SAFE,	/* no rewrite, no value changes */
	TYPE_REWRITE,	/* every value kept, the table is rewritten */
	TYPE_LOSSY	/* values may be cut, changed or rejected */
};

/* Judges from format_type() names, e.g. "character varying(50)". */
enum type_change classify_type_change(const char *from, const char *to);

/*
 * Whether a default is computed per row, so that ADD COLUMN rewrites the
 * table.  A name-based judgement: it knows the common volatile functions.
 */
int default_is_volatile(const char *expr);

#endif
