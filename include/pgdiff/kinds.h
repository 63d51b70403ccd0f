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

/*
 * Privileges, comments and owners of any kind: facts `acl` (aclitem[]
 * text), `comment` and `owner` in a kind's query are all it takes.  The
 * diff driver calls these for every target object after the kinds have
 * planned; from is NULL for an object that is (re-)created.
 */
void acl_plan(struct plan *plan, const struct object *from,
	      const struct object *to);
void comment_plan(struct plan *plan, const struct object *from,
		  const struct object *to);
void owner_plan(struct plan *plan, const struct object *from,
		const struct object *to);
/* Makes every CREATE wait for the ALTER DEFAULT PRIVILEGES it is under. */
void default_acl_order(struct plan *plan);
/* Notes in st's reason (and for a warning) a role the source lacks. */
void plan_check_role(struct plan *plan, struct stmt *st, const char *role);
/* acl (aclitem[] text) without role's own entries (caller frees). */
char *acl_without_role(const char *acl, const char *role);

/* How statements name an object: "TABLE public.t", "COLUMN public.t.c". */
enum sql_context {
	SQL_COMMENT,	/* COMMENT ON ... */
	SQL_GRANT,	/* GRANT ... ON ... (a column: its table) */
	SQL_ALTER	/* ALTER ... OWNER TO */
};
void object_sql_reference(struct strbuf *sb, const struct object *o,
			  enum sql_context context);
/* The name alone, quoted: "public.t", "c ON public.t", "public.f(integer)". */
void object_sql_name(struct strbuf *sb, const struct object *o);
/* aclitem letters PUBLIC holds on a new object of o's kind ("U", "X", ""). */
const char *object_public_privileges(const struct object *o);

/* Shared by table.c and column.c: the column's definition for ADD/CREATE. */
void column_definition(struct strbuf *sb, const struct object *col);
/*
 * Whether col's default calls a routine whose body reads col's table (a
 * BEGIN ATOMIC body): neither can come first, so column_definition leaves
 * the default out and column_default_after sets it once the routine
 * exists, after created (the statement making the column).
 */
int column_default_waits(const struct object *col);
void column_default_after(struct plan *plan, const struct object *col,
			  struct stmt *created);
/* And the other way: drops such a default before drop (of its table). */
void column_default_before_drop(struct plan *plan, const struct object *col,
				struct stmt *drop);
/*
 * st makes col's identity sequence: it runs after the drop of a sequence
 * of that name (a serial's, which the identity replaces).
 */
void column_identity_claim(struct plan *plan, struct stmt *st,
			   const struct object *col);
/*
 * column.c: ALTER TABLE ONLY ... ALTER COLUMN statements giving col (just
 * created, with defaults) its storage, compression, statistics target and
 * attribute options, each after `after` (NULL: no order).
 */
void column_settings_create(struct plan *plan, const struct object *col,
			    struct stmt *after);
/*
 * column.c: after `after` moved column to (target; from in the source) to
 * a re-created type, the statements giving it back the storage and
 * compression ALTER TYPE reset, unless the column's own changes set them.
 */
void column_settings_retyped(struct plan *plan, const struct object *from,
			     const struct object *to, struct stmt *after);

/*
 * foreign.c: generic OPTIONS lists (facts holding a sorted text array of
 * name=value, NULL for none).  _create appends " OPTIONS (a '1', ...)" or
 * nothing; _alter appends "OPTIONS (ADD a '1', SET b '2', DROP c)" turning
 * from into to and returns whether anything differs (else appends nothing).
 */
void fdw_options_create(struct strbuf *sb, const char *options);
int fdw_options_alter(struct strbuf *sb, const char *from, const char *to);

/*
 * table.c: partitions and inheritance children.  t is a table of either
 * side; parents are matched by name.
 */
/* Whether t is a partition or inheritance child of parent. */
int table_is_child_of(const struct object *t, const struct object *parent);
/* The partitions or children of t (caller frees the array); their count. */
size_t table_children(const struct object *t, const struct object ***out);
/* Whether the plan creates t (new, or re-created with other partitioning). */
int table_new_in_plan(const struct plan *plan, const struct object *t);
/* A target parent t stays attached to, bound unchanged; NULL if none. */
const struct object *table_kept_parent(const struct plan *plan,
				       const struct object *t);
/* Whether t is attached, detached or re-attached by the plan. */
int table_links_change(const struct plan *plan, const struct object *t);

/*
 * rls.c: ALTER TABLE ... ENABLE | DISABLE | FORCE | NO FORCE ROW LEVEL
 * SECURITY for what differs between from (NULL: a table being created) and
 * to; each statement runs after `after` when it is not NULL.
 */
void rls_alter(struct plan *plan, const struct object *from,
	       const struct object *to, struct stmt *after);

/*
 * table.c: an index (or key constraint) idx of the target was just created
 * by statement created; when its table's replica identity is idx and the
 * ALTER TABLE setting it is not planned otherwise (a new table, or an
 * unchanged identity whose index is re-created), plan it after created.
 */
void table_identity_index_created(struct plan *plan, const struct object *idx,
				  struct stmt *created);
/*
 * table.c: CLUSTER ON, a flag (`clustered`) of an index or key constraint
 * idx that is really its table's.  _created: idx of the target was just
 * created by statement created; _alter: idx stays, its flag may change.
 */
void table_cluster_created(struct plan *plan, const struct object *idx,
			   struct stmt *created);
void table_cluster_alter(struct plan *plan, const struct object *from,
			 const struct object *to);
/* table.c: " TABLESPACE x" for a new relation in tablespace ts (NULL: none). */
void tablespace_clause(struct strbuf *sb, const char *ts);
/*
 * Tablespaces are cluster-wide and pgdiff does not create them: notes in
 * st's reason (and for a warning) a tablespace ts the source server lacks.
 */
void plan_check_tablespace(struct plan *plan, struct stmt *st, const char *ts);

/*
 * reloptions.c: storage parameters, as "name=value" lines (the `options`
 * facts of tables, indexes and materialized views).
 */
/* " WITH (name='value', ...)" for options; nothing when there are none. */
void reloptions_with(struct strbuf *sb, const char *options);
/*
 * " SET (...)", ", RESET (...)" turning old into new; returns 0 when they
 * agree.  *strong is set when a changed parameter takes an ACCESS
 * EXCLUSIVE lock rather than SHARE UPDATE EXCLUSIVE.
 */
int reloptions_alter(struct strbuf *sb, const char *old, const char *new,
		     int *strong);
/* Whether two lists hold other options or values, in any order. */
int reloptions_differ(const char *a, const char *b);

/*
 * access_method.c: whether ALTER TABLE / MATERIALIZED VIEW ... SET ACCESS
 * METHOD runs on the source's server (PostgreSQL 15+; unknown counts as
 * yes), and the statement giving to (a table or materialized view of the
 * target) its access method, the one of from being another.
 */
int set_access_method_works(const struct plan *plan);
struct stmt *access_method_alter_relation(struct plan *plan,
					  const struct object *from,
					  const struct object *to);
/* view.c: whether the plan creates v (new, re-created for its query or kind). */
int view_new_in_plan(const struct plan *plan, const struct object *v);

/*
 * firing.c: firing states of triggers, event triggers and rules
 * (pg_trigger.tgenabled: 'O', 'D', 'R', 'A').  firing_state: o's, from its
 * fact `enabled` ('O' when there is none).  firing_state_alter: when o's
 * state is not current, the statement setting it ("ALTER TABLE public.t
 * ENABLE REPLICA TRIGGER x", "... DISABLE RULE x", "ALTER EVENT TRIGGER x
 * ENABLE ALWAYS"), rated as a change from was (0: o was just created, and
 * fires as 'O') and run after `after` (NULL: no order).  It returns the
 * statement, or NULL when o's state is current.
 */
char firing_state(const struct object *o);
struct stmt *firing_state_alter(struct plan *plan, const struct object *o,
				char current, char was, struct stmt *after);

/*
 * subscription.c: appends to sb which subscriptions of snap have a
 * connection string that could not be read or parsed (and so is not
 * compared); returns whether there are any.
 */
int subscription_unread(struct strbuf *sb, const struct snapshot *snap);

#endif
