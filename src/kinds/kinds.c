/* kinds.c: the table from object kind to the code that knows it. */
#include "pgdiff/kinds.h"
#include "pgdiff/util.h"

const struct kind_ops *kind_ops(enum obj_kind kind)
{
	static const struct kind_ops *const ops[OBJ_NKINDS] = {
		[OBJ_SCHEMA] = &schema_ops,
		[OBJ_EXTENSION] = &extension_ops,
		[OBJ_ENUM] = &enum_ops,
		[OBJ_SEQUENCE] = &sequence_ops,
		[OBJ_TABLE] = &table_ops,
		[OBJ_COLUMN] = &column_ops,
		[OBJ_CONSTRAINT] = &constraint_ops,
		[OBJ_INDEX] = &index_ops,
	};

	if (kind < 0 || kind >= OBJ_NKINDS || !ops[kind])
		BUG("no operations for object kind %d", (int)kind);
	return ops[kind];
}
