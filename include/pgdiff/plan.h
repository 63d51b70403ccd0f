/* plan.h: the ordered, severity-tagged statements that turn one snapshot into another. */
#ifndef PGDIFF_PLAN_H
#define PGDIFF_PLAN_H

#include <stddef.h>

#include "pgdiff/arena.h"
#include "pgdiff/model.h"
#include "pgdiff/strbuf.h"

enum severity {
	SEV_NONE,
	SEV_MINOR,
	SEV_MAJOR,
	SEV_CRITICAL
};

/* Hazards a statement carries; its severity is the worst of theirs. */
enum hazard {
	HZ_DATA_LOSS = 1 << 0,		/* critical */
	HZ_BREAKS_DEPENDENTS = 1 << 1,	/* critical */
	HZ_TABLE_REWRITE = 1 << 2,	/* major */
	HZ_MAY_FAIL = 1 << 3,		/* major */
	HZ_EXCLUSIVE_LOCK = 1 << 4,	/* major */
	HZ_SLOWER_QUERIES = 1 << 5,	/* major */
	HZ_NOT_TRANSACTIONAL = 1 << 6,	/* minor: noted, not dangerous */
};
#define HZ_COUNT 7

/* Every kind of change pgdiff can make; each has one rule in severity.c. */
enum change {
	CH_CREATE_SCHEMA, CH_DROP_SCHEMA,
	CH_CREATE_EXTENSION, CH_DROP_EXTENSION, CH_UPDATE_EXTENSION,
	CH_MOVE_EXTENSION,
	CH_CREATE_ENUM, CH_DROP_ENUM, CH_ADD_ENUM_VALUE, CH_REBUILD_ENUM,
	CH_RETYPE_ENUM_COLUMN, CH_DROP_OLD_ENUM,
	CH_CREATE_SEQUENCE, CH_DROP_SEQUENCE, CH_ALTER_SEQUENCE,
	CH_SEQUENCE_OWNER,
	CH_CREATE_TABLE, CH_DROP_TABLE, CH_TABLE_PERSISTENCE,
	CH_ADD_COLUMN, CH_ADD_COLUMN_NOT_NULL, CH_ADD_COLUMN_REWRITE,
	CH_DROP_COLUMN, CH_RECREATE_COLUMN,
	CH_COLUMN_TYPE_SAFE, CH_COLUMN_TYPE, CH_COLUMN_TYPE_LOSSY,
	CH_COLUMN_COLLATION,
	CH_SET_DEFAULT, CH_DROP_DEFAULT,
	CH_SET_NOT_NULL, CH_DROP_NOT_NULL,
	CH_ADD_IDENTITY, CH_ALTER_IDENTITY, CH_DROP_IDENTITY,
	CH_DROP_EXPRESSION,
	CH_ADD_CONSTRAINT_NEW_TABLE, CH_ADD_CONSTRAINT, CH_ADD_FOREIGN_KEY,
	CH_ADD_CONSTRAINT_NOT_VALID, CH_VALIDATE_CONSTRAINT,
	CH_ALTER_CONSTRAINT,
	CH_DROP_CHECK, CH_DROP_KEY, CH_DROP_FOREIGN_KEY,
	CH_CREATE_INDEX, CH_CREATE_INDEX_NEW_TABLE, CH_DROP_INDEX,
	CH_RECREATE_DROP,
	CH_RENAME,
	CH_CREATE_COLLATION, CH_DROP_COLLATION, CH_REBUILD_COLLATION,
	CH_RECOLLATE_COLUMN, CH_DROP_OLD_COLLATION,
	CH_CREATE_DOMAIN, CH_DROP_DOMAIN, CH_DOMAIN_SET_DEFAULT,
	CH_DOMAIN_DROP_DEFAULT, CH_DOMAIN_SET_NOT_NULL, CH_DOMAIN_DROP_NOT_NULL,
	CH_REBUILD_DOMAIN, CH_RETYPE_DOMAIN_COLUMN, CH_DROP_OLD_DOMAIN,
	CH_ADD_DOMAIN_CONSTRAINT_NEW, CH_ADD_DOMAIN_CONSTRAINT_NOT_VALID,
	CH_VALIDATE_DOMAIN_CONSTRAINT, CH_DROP_DOMAIN_CONSTRAINT,
	CH_CREATE_COMPOSITE, CH_DROP_COMPOSITE, CH_ADD_ATTRIBUTE,
	CH_DROP_ATTRIBUTE, CH_ALTER_ATTRIBUTE_TYPE,
	CH_CREATE_RANGE, CH_DROP_RANGE, CH_RECREATE_TYPE,
	CH_CREATE_TRIGGER, CH_DROP_TRIGGER, CH_REDEFINE_TRIGGER,
	CH_ENABLE_TRIGGER, CH_DISABLE_TRIGGER, CH_SET_TRIGGER_STATE,
	CH_ROW_SECURITY_NEW_TABLE, CH_ENABLE_ROW_SECURITY, CH_DISABLE_ROW_SECURITY,
	CH_CREATE_POLICY, CH_CREATE_ACTIVE_POLICY, CH_ALTER_POLICY,
	CH_ALTER_ACTIVE_POLICY, CH_DROP_POLICY, CH_DROP_ACTIVE_POLICY,
	CH_CREATE_VIEW, CH_DROP_VIEW, CH_REPLACE_VIEW, CH_RECREATE_VIEW, CH_VIEW_OPTIONS, CH_CREATE_MATVIEW, CH_DROP_MATVIEW, CH_RECREATE_MATVIEW, CH_MATVIEW_OPTIONS,
	CH_CREATE_PARTITION, CH_ATTACH_PARTITION, CH_DETACH_PARTITION, CH_INHERIT, CH_NO_INHERIT, CH_RECREATE_TABLE, CH_REBUILD_PARTITIONED, CH_ATTACH_INDEX,
	CH_CREATE_FUNCTION, CH_REPLACE_FUNCTION, CH_ALTER_FUNCTION, CH_DROP_FUNCTION,
	CH_RECREATE_FUNCTION, CH_CREATE_AGGREGATE, CH_DROP_AGGREGATE,
	CH_GRANT, CH_REVOKE, CH_DEFAULT_GRANT, CH_DEFAULT_REVOKE,
	CH_COMMENT, CH_OWNER, CH_OWNER_NEW, CH_REVOKE_NEW,
	CH_CREATE_FDW, CH_DROP_FDW, CH_FDW_HANDLER, CH_FDW_VALIDATOR, CH_FDW_OPTIONS, CH_CREATE_SERVER, CH_DROP_SERVER, CH_RECREATE_SERVER, CH_SERVER_VERSION, CH_SERVER_OPTIONS, CH_CREATE_USER_MAPPING, CH_DROP_USER_MAPPING, CH_USER_MAPPING_OPTIONS, CH_CREATE_FOREIGN_TABLE, CH_DROP_FOREIGN_TABLE, CH_RECREATE_FOREIGN_TABLE, CH_TABLE_TO_FOREIGN, CH_FOREIGN_TABLE_OPTIONS, CH_COLUMN_FDW_OPTIONS, CH_FOREIGN_COLUMN_TYPE, CH_FOREIGN_TABLE_CHECK, CH_DROP_FOREIGN_COLUMN,
	CH_CREATE_CAST, CH_DROP_CAST, CH_REDEFINE_CAST,
	CH_CREATE_TS_PARSER, CH_DROP_TS_PARSER, CH_CREATE_TS_TEMPLATE, CH_DROP_TS_TEMPLATE,
	CH_CREATE_TS_DICT, CH_DROP_TS_DICT, CH_ALTER_TS_DICT, CH_REBUILD_TS_DICT,
	CH_DROP_OLD_TS_DICT,
	CH_CREATE_TS_CONFIG, CH_DROP_TS_CONFIG, CH_ALTER_TS_MAPPING,
	CH_CREATE_SHELL_TYPE, CH_CREATE_BASE_TYPE, CH_DROP_BASE_TYPE, CH_ALTER_BASE_TYPE, CH_RECREATE_BASE_TYPE, CH_RECREATE_USED_BASE_TYPE,
	CH_CREATE_OPERATOR, CH_DROP_OPERATOR, CH_ALTER_OPERATOR, CH_CREATE_OPFAMILY, CH_DROP_OPFAMILY, CH_ADD_OPFAMILY_MEMBERS, CH_DROP_OPFAMILY_MEMBERS, CH_CREATE_OPCLASS, CH_DROP_OPCLASS,
	CH_REPLICA_IDENTITY, CH_TABLE_OPTIONS, CH_TABLE_OPTIONS_EXCLUSIVE, CH_INDEX_OPTIONS, CH_TABLE_TABLESPACE, CH_PARTITIONED_TABLESPACE, CH_INDEX_TABLESPACE, CH_MATVIEW_TABLESPACE, CH_KEY_INDEX_OPTIONS, CH_KEY_INDEX_TABLESPACE, CH_CLUSTER_ON, CH_SET_WITHOUT_CLUSTER, CH_INDEX_COLUMN_STATISTICS, CH_VIEW_COLUMN_DEFAULT,
	CH_CREATE_PUBLICATION, CH_DROP_PUBLICATION, CH_RECREATE_PUBLICATION, CH_PUBLISH_MORE, CH_PUBLISH_LESS, CH_PUBLISH_VIA_ROOT, CH_ADD_PUBLICATION_SCHEMA, CH_DROP_PUBLICATION_SCHEMA, CH_ADD_PUBLICATION_TABLE, CH_DROP_PUBLICATION_TABLE, CH_REDEFINE_PUBLICATION_TABLE,
	CH_COLUMN_STORAGE, CH_COLUMN_COMPRESSION, CH_COLUMN_STATISTICS, CH_COLUMN_OPTIONS, CH_CREATE_STATISTICS, CH_DROP_STATISTICS, CH_STATISTICS_TARGET,
	CH_CREATE_LANGUAGE, CH_DROP_LANGUAGE, CH_REPLACE_LANGUAGE, CH_LANGUAGE_VALIDATOR, CH_RECREATE_LANGUAGE,
	CH_CREATE_ACCESS_METHOD, CH_DROP_ACCESS_METHOD, CH_RECREATE_ACCESS_METHOD, CH_TABLE_ACCESS_METHOD, CH_MATVIEW_ACCESS_METHOD, CH_RECREATE_TABLE_AM,
	CH_CREATE_CONVERSION, CH_DROP_CONVERSION, CH_REDEFINE_CONVERSION, CH_CREATE_TRANSFORM, CH_DROP_TRANSFORM, CH_REPLACE_TRANSFORM,
	CH_CREATE_SUBSCRIPTION, CH_DROP_SUBSCRIPTION, CH_RECREATE_SUBSCRIPTION, CH_RELEASE_SUBSCRIPTION_SLOT, CH_ENABLE_SUBSCRIPTION, CH_DISABLE_SUBSCRIPTION, CH_SUBSCRIPTION_CONNECTION, CH_SUBSCRIPTION_CONNECTION_SECRETS, CH_SUBSCRIBE_MORE, CH_SUBSCRIBE_LESS, CH_SUBSCRIPTION_SLOT, CH_SUBSCRIPTION_ADD_SLOT, CH_SUBSCRIPTION_OPTIONS, CH_SUBSCRIPTION_APPLY_OPTIONS,
	CH_NCHANGES
};

/* Lock levels, weakest first; what a statement holds on the table it changes. */
enum lock_level {
	LOCK_NONE,			/* new objects, or no table lock */
	LOCK_SHARE_UPDATE_EXCLUSIVE,	/* reads and writes go on */
	LOCK_SHARE,			/* blocks writes */
	LOCK_SHARE_ROW_EXCLUSIVE,	/* blocks writes */
	LOCK_ACCESS_EXCLUSIVE		/* blocks reads and writes */
};

struct rule {
	enum change change;
	const char *summary;	/* for the man page: "drop a column" */
	unsigned int hazards;
	const char *reason;	/* printf format, %s is the object */
	enum lock_level lock;
};

const char *lock_name(enum lock_level lock);	/* "ACCESS EXCLUSIVE" */

const struct rule *rule_for(enum change ch);
enum severity severity_of_hazards(unsigned int hazards);
const char *severity_name(enum severity sev);	/* "critical" */
const char *hazard_name(enum hazard hz);	/* "data-loss" */

enum action {
	ACT_DROP,
	ACT_CREATE,
	ACT_ALTER
};

/* A list of object keys, owned by the plan's arena. */
struct keylist {
	const char **keys;
	size_t n, alloc;
};

struct stmt {
	enum action action;
	enum change change;
	enum severity severity;
	unsigned int hazards;
	char *sql;		/* without the final semicolon */
	char *reason;
	enum lock_level lock;
	int transactional;	/* may run inside BEGIN ... COMMIT */
	const struct object *obj;	/* source object for drops, else target */
	/* What ordering needs to know; derived from obj unless set by a kind. */
	struct keylist creates, drops, needs, unneeds;
	/*
	 * Changed in place in a way some dependents cannot survive (a column's
	 * type): KIND_FRAGILE objects using these are re-created around it.
	 */
	struct keylist rewrites;
	/*
	 * A drop's CASCADE: objects that use what it drops and go with it
	 * (a base type's I/O functions); their own drops fold into it, and
	 * those the target keeps are created again.
	 */
	struct keylist takes;
	int custom_keys;	/* the kind filled the lists itself */
	size_t seq;		/* order of creation, the final tie-break */
	struct stmt **after;	/* explicit edges: these run first */
	size_t nafter, after_alloc;
	int omitted;		/* done implicitly by another statement */
	/*
	 * Its effect must be committed before later statements can use it
	 * (a new enum value): the transaction ends after it.
	 */
	int commit_after;
	/*
	 * The type <-> function repair: this statement completes a type (a base
	 * type's full CREATE TYPE after its shell, or ALTER TYPE ... SET) and
	 * needs functions that need the type back (its I/O functions).  Those
	 * do not wait for it: the shell, or the type as it already is, serves
	 * them.  pg_dump's repairTypeFuncLoop, in key terms.
	 */
	int shell_repair;
};

/* A dropped and a created object alike in all but the name. */
struct rename_hint {
	const struct object *from, *to;
	int lookalike;	/* the names differ only in case or Unicode form */
};

/* A table whose columns the script leaves in another order than the target's. */
struct column_order {
	const struct object *table;	/* the target's */
	const char **columns;		/* their names after the script */
	size_t ncolumns;
};

struct plan {
	struct arena arena;
	const struct snapshot *from, *to;
	struct stmt **stmts;	/* in execution order once planned */
	size_t nstmts, stmts_alloc;
	size_t nomitted;	/* after stmts[nstmts]: done by other statements */
	size_t counts[SEV_CRITICAL + 1];
	enum severity worst;
	size_t ncycles;		/* dependency cycles that had to be broken */
	size_t ncommits;	/* statements that must be committed early */
	struct rename_hint *hints;	/* likely renames, for the reviewer */
	size_t nhints, hints_alloc;
	/* PostgreSQL appends columns: where that differs from the target. */
	struct column_order *column_orders;
	size_t ncolumn_orders, column_orders_alloc;
	size_t nnontransactional;
	/* Roles statements name that the source server lacks (warned about). */
	const char **missing_roles;
	size_t nmissing_roles, missing_roles_alloc;
	/* Tablespaces statements name that the source server lacks. */
	const char **missing_tablespaces;
	size_t nmissing_tablespaces, missing_tablespaces_alloc;
};

/* column_order.c: finds the tables whose columns end in another order. */
void plan_column_orders(struct plan *plan);
void describe_column_order(struct strbuf *sb, const struct column_order *co);

/* Diffs the two snapshots and orders the result; they must outlive plan. */
void plan_build(struct plan *plan, const struct snapshot *from,
		const struct snapshot *to);
void plan_release(struct plan *plan);

/*
 * Adds a statement about obj; takes sql's contents (leaving it empty).
 * what names the object in the reason; NULL means obj's qualified name.
 */
struct stmt *plan_add(struct plan *plan, enum action action, enum change ch,
		      const struct object *obj, const char *what,
		      struct strbuf *sql);
/* Statement st must run after first (NULL: nothing). */
void stmt_after(struct stmt *st, struct stmt *first);
void keylist_add(struct plan *plan, struct keylist *l, const char *key);
void keylist_remove(struct keylist *l, const char *key);
/*
 * Fills st's key lists from its action and object now, so that a kind may
 * take a key out (cascade.c; done for every statement later otherwise).
 */
void stmt_derive_keys(struct plan *plan, struct stmt *st);

/* "public.orders.note", quoted as in SQL: the name in reasons (caller frees). */
char *obj_display_name(const struct object *o);
/* The same after its kind: "view public.v", "column public.t.c" (caller frees). */
char *obj_kind_and_name(const struct object *o);

/* The counterpart of o on the other side, or NULL. */
const struct object *plan_source_of(const struct plan *plan,
				    const struct object *o);
const struct object *plan_target_of(const struct plan *plan,
				    const struct object *o);

#endif
