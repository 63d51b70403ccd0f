/*
 * kindlist.h: every object kind, once, in the order objects of equal
 * standing are created.  Included with KIND defined to pick what the
 * includer needs:
 *   KIND(id, name, query, ops, flags)
 * name is what keys, messages and --kinds call it; query the catalog query
 * (sql/<query>.sql) that reads it; ops its struct kind_ops; flags below.
 * Adding a kind: a line here, sql/<query>.sql and src/kinds/<kind>.c.
 */
KIND(OBJ_SCHEMA, "schema", schemas, schema_ops, 0)
KIND(OBJ_EXTENSION, "extension", extensions, extension_ops, 0)
KIND(OBJ_ENUM, "type", enums, enum_ops, 0)
KIND(OBJ_SEQUENCE, "sequence", sequences, sequence_ops, KIND_RELATION)
KIND(OBJ_TABLE, "table", tables, table_ops, KIND_RELATION)
KIND(OBJ_COLUMN, "column", columns, column_ops, KIND_CHILD | KIND_BY_PARENT)
KIND(OBJ_CONSTRAINT, "constraint", constraints, constraint_ops, KIND_CHILD)
KIND(OBJ_INDEX, "index", indexes, index_ops, KIND_CHILD | KIND_RELATION)
