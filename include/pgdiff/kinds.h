/* kinds.h: what each object kind knows: how to create, drop and alter itself. */
#ifndef PGDIFF_KINDS_H
#define PGDIFF_KINDS_H

#include "pgdiff/model.h"
#include "pgdiff/plan.h"

struct kind_ops {
	/* Statements that create o (a target object) from nothing. */
	void (*create)(struct plan *plan, const struct object *o);
	/* Statements that drop o (a source object). */
	void (*drop)(struct plan *plan, const struct object *o);
	/* Statements that turn from into to; nothing when they agree. */
	void (*alter)(struct plan *plan, const struct object *from,
		      const struct object *to);
};

const struct kind_ops *kind_ops(enum obj_kind kind);

#define KIND(id, name, query, ops, flags) extern const struct kind_ops ops;
#include "pgdiff/kindlist.h"
#undef KIND

/* Shared by table.c and column.c: the column's definition for ADD/CREATE. */
void column_definition(struct strbuf *sb, const struct object *col);

#endif
