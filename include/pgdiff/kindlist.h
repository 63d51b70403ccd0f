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
KIND(OBJ_DEFAULT_ACL, "default privileges", default_acls, default_acl_ops, 0)
KIND(OBJ_EXTENSION, "extension", extensions, extension_ops, 0)
/* before tables: a foreign table (a table with a server) needs its server */
KIND(OBJ_FDW, "foreign data wrapper", foreign_data_wrappers, fdw_ops, 0)
KIND(OBJ_SERVER, "foreign server", foreign_servers, server_ops, 0)
KIND(OBJ_USER_MAPPING, "user mapping", user_mappings, user_mapping_ops, 0)
KIND(OBJ_COLLATION, "collation", collations, collation_ops, 0)
/* before every kind that can use one; its I/O functions wait only for its shell */
KIND(OBJ_BASE_TYPE, "base type", base_types, base_type_ops, 0)
KIND(OBJ_ENUM, "type", enums, enum_ops, 0)
KIND(OBJ_DOMAIN, "domain", domains, domain_ops, 0)
KIND(OBJ_DOMAIN_CONSTRAINT, "domain constraint", domain_constraints, domain_constraint_ops, KIND_CHILD)
KIND(OBJ_RANGE, "range type", ranges, range_ops, 0)
KIND(OBJ_COMPOSITE, "composite type", composites, composite_ops, 0)
KIND(OBJ_SEQUENCE, "sequence", sequences, sequence_ops, KIND_RELATION)
KIND(OBJ_TABLE, "table", tables, table_ops, KIND_RELATION)
KIND(OBJ_COLUMN, "column", columns, column_ops, KIND_CHILD | KIND_BY_PARENT)
KIND(OBJ_CONSTRAINT, "constraint", constraints, constraint_ops, KIND_CHILD)
/* after tables: bodies that pg_depend does not see often read them */
KIND(OBJ_FUNCTION, "function", functions, function_ops, 0)
KIND(OBJ_PROCEDURE, "procedure", procedures, procedure_ops, 0)
/*
 * after functions: their handlers are functions.  What uses them (functions
 * written in a language; tables, materialized views and operator families
 * of an access method) waits for them through pg_depend.
 */
KIND(OBJ_LANGUAGE, "language", languages, language_ops, 0)
KIND(OBJ_ACCESS_METHOD, "access method", access_methods, access_method_ops, 0)
/* after functions and types; an aggregate's SORTOP names an operator */
KIND(OBJ_OPERATOR, "operator", operators, operator_ops, 0)
KIND(OBJ_OPFAMILY, "operator family", operator_families, opfamily_ops, 0)
KIND(OBJ_OPCLASS, "operator class", operator_classes, opclass_ops, 0)
KIND(OBJ_AGGREGATE, "aggregate", aggregates, aggregate_ops, 0)
/* after functions and types, which they name */
KIND(OBJ_CAST, "cast", casts, cast_ops, 0)
KIND(OBJ_CONVERSION, "conversion", conversions, conversion_ops, 0)
/* after languages too; functions declared TRANSFORM FOR TYPE wait for it */
KIND(OBJ_TRANSFORM, "transform", transforms, transform_ops, 0)
KIND(OBJ_TS_PARSER, "text search parser", ts_parsers, ts_parser_ops, 0)
KIND(OBJ_TS_TEMPLATE, "text search template", ts_templates, ts_template_ops, 0)
KIND(OBJ_TS_DICT, "text search dictionary", ts_dictionaries, ts_dictionary_ops, 0)
KIND(OBJ_TS_CONFIG, "text search configuration", ts_configs, ts_config_ops, 0)
/* plain and materialized; before indexes, which a materialized view can have */
KIND(OBJ_VIEW, "view", views, view_ops, KIND_RELATION | KIND_FRAGILE)
KIND(OBJ_INDEX, "index", indexes, index_ops, KIND_CHILD | KIND_RELATION)
/* of tables and materialized views; named in their own schema, like indexes */
KIND(OBJ_STATISTICS, "statistics object", statistics, statistics_ops, KIND_CHILD | KIND_FRAGILE)
/* after every relation kind: their rows need the parent already decoded */
KIND(OBJ_TRIGGER, "trigger", triggers, trigger_ops, KIND_CHILD | KIND_FRAGILE)
KIND(OBJ_RULE, "rule", rules, rule_ops, KIND_CHILD | KIND_FRAGILE)
KIND(OBJ_POLICY, "policy", policies, policy_ops, KIND_CHILD | KIND_FRAGILE)
KIND(OBJ_EVENT_TRIGGER, "event trigger", event_triggers, event_trigger_ops, 0)
/* after tables: the tables a publication lists are children of the table, named by it */
KIND(OBJ_PUBLICATION, "publication", publications, publication_ops, 0)
KIND(OBJ_PUBLICATION_TABLE, "publication table", publication_tables, publication_table_ops, KIND_CHILD | KIND_FRAGILE)
/*
 * last: a subscription writes into tables, so it is created after them and
 * (drops running in reverse) dropped before anything it writes into changes
 */
KIND(OBJ_SUBSCRIPTION, "subscription", subscriptions, subscription_ops, 0)
