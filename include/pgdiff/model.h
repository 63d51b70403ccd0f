/* model.h: the version-independent schema model both sides are read into. */
#ifndef PGDIFF_MODEL_H
#define PGDIFF_MODEL_H

#include <stddef.h>

#include "pgdiff/arena.h"
#include "pgdiff/oidmap.h"
#include "pgdiff/strbuf.h"
#include "pgdiff/strmap.h"

/* What a kind is, beyond its DDL (see kindlist.h). */
enum kind_flag {
	KIND_CHILD = 1 << 0,	/* belongs to a table or other relation */
	KIND_BY_PARENT = 1 << 1,	/* diffed by its parent's kind (columns) */
	KIND_RELATION = 1 << 2,	/* takes a name in the relation namespace */
	KIND_FRAGILE = 1 << 3,	/* must be re-created when a column it uses
				   changes type (views, rules, policies) */
};

/* Every kind, from kindlist.h, in the order of equal standing. */
enum obj_kind {
#define KIND(id, name, query, ops, flags) id,
#include "pgdiff/kindlist.h"
#undef KIND
	OBJ_NKINDS
};

/* One catalog fact; value is NULL for SQL NULL. */
struct attr {
	const char *name;
	const char *value;
};

/* A dependency of one object on another, by key (never OIDs). */
struct dep {
	struct object *on;
	char type;		/* pg_depend.deptype: 'n', 'a', 'i' */
};

/*
 * Every object is a kind, an identity and a flat list of catalog facts;
 * kinds give the facts meaning.  Keys ("table public.t") identify an
 * object across both sides and sort the output.
 */
struct object {
	enum obj_kind kind;
	const char *key;
	const char *schema;		/* NULL for schemas and extensions */
	const char *name;
	const char *args;		/* a routine's argument types, else NULL */
	struct object *parent;		/* the table of a column, constraint, index */
	const char *renamed_from;	/* --rename: the name it had on this side */
	struct attr *attrs;
	size_t nattrs;
	struct object **children;	/* a table's columns, in order */
	size_t nchildren, children_alloc;
	struct dep *deps;		/* what this object needs */
	size_t ndeps, deps_alloc;
	struct object **users;		/* what needs this object */
	size_t nusers, users_alloc;
	/* A table's size from pg_class statistics; rows < 0: unknown. */
	double rows;
	double bytes;
	/* Side-local identity, used only to resolve dependencies. */
	unsigned int classid, oid;
	int subid;
};

/* Objects of a kind pgdiff does not handle yet, reported, never ignored. */
struct unhandled {
	const char *kind;	/* "view" */
	size_t count;
	const char *names;	/* first few, comma-separated */
};

struct snapshot {
	struct arena arena;
	const char *origin;		/* the spec, password masked */
	const char *server_version;	/* "15.18" */
	struct object **objects;	/* sorted by key */
	size_t nobjects, objects_alloc;
	struct strmap by_key;
	struct oidmap by_oid;		/* catalog address -> object */
	struct unhandled *unhandled;
	size_t nunhandled, unhandled_alloc;
	/*
	 * The roles of the snapshot's server (cluster-wide, not schema):
	 * sorted by snapshot_finish; roles_known is 0 when they were not read.
	 */
	const char **roles;
	size_t nroles, roles_alloc;
	int roles_known;
	/* Its tablespaces, the same way. */
	const char **tablespaces;
	size_t ntablespaces, tablespaces_alloc;
	int tablespaces_known;
};

const char *obj_kind_name(enum obj_kind kind);	/* "table" */
unsigned int obj_kind_flags(enum obj_kind kind);	/* enum kind_flag bits */
/*
 * Appends the key an object of these names has: the kind, then the quoted
 * schema, parent (but for indexes, named in their schema) and name, and
 * the argument types of routines.
 */
void obj_make_key(struct strbuf *sb, enum obj_kind kind, const char *schema,
		  const char *parent, const char *name, const char *args);

/* Facts by name: value or NULL; the flag form treats NULL and "f" as false. */
const char *obj_get(const struct object *o, const char *name);
int obj_flag(const struct object *o, const char *name);
/*
 * Whether two objects of the same kind have the same facts (deps aside;
 * privileges, comments and owners aside too: they are planned apart).
 */
int obj_same_attrs(const struct object *a, const struct object *b);
int obj_attr_differs(const struct object *a, const struct object *b,
		     const char *name);
/* Whether o has the fact at all (a NULL value counts; a filtered one not). */
int obj_has(const struct object *o, const char *name);
/* Whether o depends on an object with the given key. */
int obj_depends_on(const struct object *o, const char *key);

void snapshot_init(struct snapshot *s);
void snapshot_release(struct snapshot *s);
/*
 * Creates an object owned by the snapshot; key is made from the kind and
 * the quoted names.  attrs are copied.
 */
struct object *snapshot_add(struct snapshot *s, enum obj_kind kind,
			    const char *schema, const char *name,
			    struct object *parent,
			    const struct attr *attrs, size_t nattrs,
			    const char *args);
struct object *snapshot_find(const struct snapshot *s, const char *key);
/* Side-local lookup for dependency resolution; subid picks a column. */
void snapshot_register_oid(struct snapshot *s, struct object *o);
struct object *snapshot_find_oid(const struct snapshot *s,
				 unsigned int classid, unsigned int oid,
				 int subid);
void snapshot_add_dep(struct snapshot *s, struct object *from,
		      struct object *on, char type);
void snapshot_add_unhandled(struct snapshot *s, const char *kind,
			    size_t count, const char *names);
void snapshot_add_role(struct snapshot *s, const char *name);
/* 1: the role exists on the snapshot's server, 0: not, -1: unknown. */
int snapshot_has_role(const struct snapshot *s, const char *name);
/* The same for tablespaces. */
void snapshot_add_tablespace(struct snapshot *s, const char *name);
int snapshot_has_tablespace(const struct snapshot *s, const char *name);
/*
 * Gives o a new name (or, for a schema, moves everything in it) and
 * recomputes every key that includes it.
 */
void snapshot_rename(struct snapshot *s, struct object *o, const char *name);
/* Sorts objects by key, children and deps canonically. */
void snapshot_finish(struct snapshot *s);

#endif
