/* kinds.c: the table from object kind to the code that knows it. */
#include "pgdiff/kinds.h"
#include "pgdiff/util.h"

const struct kind_ops *kind_ops(enum obj_kind kind)
{
	static const struct kind_ops *const ops[OBJ_NKINDS] = {
#define KIND(id, name, query, kind_ops, flags) [id] = &kind_ops,
#include "pgdiff/kindlist.h"
#undef KIND
	};

	if (kind < 0 || kind >= OBJ_NKINDS || !ops[kind])
		BUG("no operations for object kind %d", (int)kind);
	return ops[kind];
}
