/* model.c: snapshot construction, lookup and the canonical order of objects. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pgdiff/model.h"
#include "pgdiff/quote.h"
#include "pgdiff/strbuf.h"
#include "pgdiff/util.h"

static const char *const kind_names[OBJ_NKINDS] = {
#define KIND(id, name, query, ops, flags) [id] = name,
#include "pgdiff/kindlist.h"
#undef KIND
};

static const unsigned int kind_flags[OBJ_NKINDS] = {
#define KIND(id, name, query, ops, flags) [id] = (flags),
#include "pgdiff/kindlist.h"
#undef KIND
};

unsigned int obj_kind_flags(enum obj_kind kind)
{
	if (kind < 0 || kind >= OBJ_NKINDS)
		BUG("bad object kind %d", (int)kind);
	return kind_flags[kind];
}

const char *obj_kind_name(enum obj_kind kind)
{
	if (kind < 0 || kind >= OBJ_NKINDS)
		BUG("bad object kind %d", (int)kind);
	return kind_names[kind];
}

const char *obj_get(const struct object *o, const char *name)
{
	for (size_t i = 0; i < o->nattrs; i++)
		if (!strcmp(o->attrs[i].name, name))
			return o->attrs[i].value;
	return NULL;
}

int obj_has(const struct object *o, const char *name)
{
	for (size_t i = 0; i < o->nattrs; i++)
		if (!strcmp(o->attrs[i].name, name))
			return 1;
	return 0;
}

int obj_flag(const struct object *o, const char *name)
{
	const char *v = obj_get(o, name);
	return v && !strcmp(v, "t");
}

int obj_attr_differs(const struct object *a, const struct object *b,
		     const char *name)
{
	return !str_equal(obj_get(a, name), obj_get(b, name));
}

/*
 * Privileges, comments and owners have statements of their own (acl.c,
 * comment.c): they never make two definitions differ.
 */
static int attached_fact(const char *name)
{
	return !strcmp(name, "acl") || !strcmp(name, "comment") ||
	       !strcmp(name, "owner");
}

int obj_same_attrs(const struct object *a, const struct object *b)
{
	for (size_t i = 0; i < a->nattrs; i++)
		if (!attached_fact(a->attrs[i].name) &&
		    (!obj_has(b, a->attrs[i].name) ||
		     obj_attr_differs(a, b, a->attrs[i].name)))
			return 0;
	for (size_t i = 0; i < b->nattrs; i++)
		if (!attached_fact(b->attrs[i].name) &&
		    !obj_has(a, b->attrs[i].name))
			return 0;
	return 1;
}

int obj_depends_on(const struct object *o, const char *key)
{
	for (size_t i = 0; i < o->ndeps; i++)
		if (!strcmp(o->deps[i].on->key, key))
			return 1;
	return 0;
}

void snapshot_init(struct snapshot *s)
{
	memset(s, 0, sizeof(*s));
}

void snapshot_release(struct snapshot *s)
{
	for (size_t i = 0; i < s->nobjects; i++) {
		free(s->objects[i]->children);
		free(s->objects[i]->deps);
		free(s->objects[i]->users);
	}
	free(s->objects);
	free(s->unhandled);
	free(s->roles);
	free(s->tablespaces);
	strmap_release(&s->by_key);
	oidmap_release(&s->by_oid);
	arena_release(&s->arena);
	memset(s, 0, sizeof(*s));
}

/* "table public.t", "column public.t.c": quoted parts keep keys unambiguous. */
void obj_make_key(struct strbuf *sb, enum obj_kind kind, const char *schema,
		  const char *parent, const char *name, const char *args)
{
	strbuf_addf(sb, "%s ", obj_kind_name(kind));
	if (schema) {
		quote_ident(sb, schema);
		strbuf_addch(sb, '.');
	}
	/* an index's or statistics object's name is unique in its schema */
	if (parent && kind != OBJ_INDEX && kind != OBJ_STATISTICS) {
		quote_ident(sb, parent);
		strbuf_addch(sb, '.');
	}
	quote_ident(sb, name);
	if (args)
		strbuf_addf(sb, "(%s)", args);
}

static char *make_key(struct arena *a, const struct object *o)
{
	struct strbuf sb = STRBUF_INIT;
	char *key;

	obj_make_key(&sb, o->kind, o->schema, o->parent ? o->parent->name : NULL,
		     o->name, o->args);
	key = arena_strdup(a, sb.buf);
	strbuf_release(&sb);
	return key;
}

struct object *snapshot_add(struct snapshot *s, enum obj_kind kind,
			    const char *schema, const char *name,
			    struct object *parent,
			    const struct attr *attrs, size_t nattrs,
			    const char *args)
{
	struct object *o = arena_alloc(&s->arena, sizeof(*o));

	o->kind = kind;
	o->schema = arena_strdup(&s->arena, schema);
	o->name = arena_strdup(&s->arena, name);
	o->parent = parent;
	o->args = arena_strdup(&s->arena, args);
	o->key = make_key(&s->arena, o);
	o->attrs = arena_alloc(&s->arena, nattrs * sizeof(*attrs) + 1);
	for (size_t i = 0; i < nattrs; i++) {
		o->attrs[i].name = arena_strdup(&s->arena, attrs[i].name);
		o->attrs[i].value = arena_strdup(&s->arena, attrs[i].value);
	}
	o->nattrs = nattrs;
	o->rows = -1;
	if (strmap_put(&s->by_key, o->key, o))
		BUG("two objects with key %s", o->key);
	ALLOC_GROW(s->objects, s->nobjects + 1, s->objects_alloc);
	s->objects[s->nobjects++] = o;
	if (parent && kind == OBJ_COLUMN) {
		ALLOC_GROW(parent->children, parent->nchildren + 1,
			   parent->children_alloc);
		parent->children[parent->nchildren++] = o;
	}
	return o;
}

struct object *snapshot_find(const struct snapshot *s, const char *key)
{
	return strmap_get(&s->by_key, key);
}

void snapshot_register_oid(struct snapshot *s, struct object *o)
{
	struct oid_address at = { o->classid, o->oid, o->subid };
	oidmap_put(&s->by_oid, at, o);
}

struct object *snapshot_find_oid(const struct snapshot *s,
				 unsigned int classid, unsigned int oid,
				 int subid)
{
	struct oid_address at = { classid, oid, subid };
	struct object *o = oidmap_get(&s->by_oid, at);

	if (!o && subid) {
		/* A column we do not model stands for its table. */
		at.subid = 0;
		o = oidmap_get(&s->by_oid, at);
	}
	return o;
}

void snapshot_add_dep(struct snapshot *s, struct object *from,
		      struct object *on, char type)
{
	(void)s;
	if (from == on || !from || !on)
		return;
	/* A column's link to its own table is structural, not a dependency. */
	if (from->parent == on && from->kind == OBJ_COLUMN)
		return;
	ALLOC_GROW(from->deps, from->ndeps + 1, from->deps_alloc);
	from->deps[from->ndeps].on = on;
	from->deps[from->ndeps].type = type;
	from->ndeps++;
}

void snapshot_add_unhandled(struct snapshot *s, const char *kind,
			    size_t count, const char *names)
{
	struct unhandled *u;

	ALLOC_GROW(s->unhandled, s->nunhandled + 1, s->unhandled_alloc);
	u = &s->unhandled[s->nunhandled++];
	u->kind = arena_strdup(&s->arena, kind);
	u->count = count;
	u->names = arena_strdup(&s->arena, names);
}

void snapshot_add_role(struct snapshot *s, const char *name)
{
	ALLOC_GROW(s->roles, s->nroles + 1, s->roles_alloc);
	s->roles[s->nroles++] = arena_strdup(&s->arena, name);
	s->roles_known = 1;
}

static int cmp_role(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int snapshot_has_role(const struct snapshot *s, const char *name)
{
	if (!s->roles_known)
		return -1;
	return bsearch(&name, s->roles, s->nroles, sizeof(*s->roles),
		       cmp_role) != NULL;
}

void snapshot_add_tablespace(struct snapshot *s, const char *name)
{
	ALLOC_GROW(s->tablespaces, s->ntablespaces + 1, s->tablespaces_alloc);
	s->tablespaces[s->ntablespaces++] = arena_strdup(&s->arena, name);
	s->tablespaces_known = 1;
}

int snapshot_has_tablespace(const struct snapshot *s, const char *name)
{
	if (!s->tablespaces_known)
		return -1;
	return bsearch(&name, s->tablespaces, s->ntablespaces,
		       sizeof(*s->tablespaces), cmp_role) != NULL;
}

static int cmp_object_key(const void *a, const void *b);

void snapshot_rename(struct snapshot *s, struct object *o, const char *name)
{
	const char *old = o->name;

	if (!o->renamed_from)
		o->renamed_from = old;
	o->name = arena_strdup(&s->arena, name);
	if (o->kind == OBJ_SCHEMA)
		for (size_t i = 0; i < s->nobjects; i++)
			if (str_equal(s->objects[i]->schema, old))
				s->objects[i]->schema = o->name;
	strmap_release(&s->by_key);
	for (size_t i = 0; i < s->nobjects; i++) {
		struct object *x = s->objects[i];
		x->key = make_key(&s->arena, x);
		strmap_put(&s->by_key, x->key, x);
	}
	qsort(s->objects, s->nobjects, sizeof(*s->objects), cmp_object_key);
}

static int cmp_object_key(const void *a, const void *b)
{
	const struct object *x = *(struct object *const *)a;
	const struct object *y = *(struct object *const *)b;
	return strcmp(x->key, y->key);
}

static int cmp_dep(const void *a, const void *b)
{
	const struct dep *x = a, *y = b;
	int c = strcmp(x->on->key, y->on->key);
	return c ? c : x->type - y->type;
}

/* Sorted, duplicate-free deps, and the reverse edges built from them. */
static void finish_deps(struct object *o)
{
	size_t n = 0;

	qsort(o->deps, o->ndeps, sizeof(*o->deps), cmp_dep);
	for (size_t i = 0; i < o->ndeps; i++) {
		if (n && o->deps[n - 1].on == o->deps[i].on)
			continue;
		o->deps[n++] = o->deps[i];
	}
	o->ndeps = n;
	for (size_t i = 0; i < n; i++) {
		struct object *on = o->deps[i].on;
		ALLOC_GROW(on->users, on->nusers + 1, on->users_alloc);
		on->users[on->nusers++] = o;
	}
}

void snapshot_finish(struct snapshot *s)
{
	qsort(s->objects, s->nobjects, sizeof(*s->objects), cmp_object_key);
	for (size_t i = 0; i < s->nobjects; i++)
		finish_deps(s->objects[i]);
	if (s->nroles)
		qsort(s->roles, s->nroles, sizeof(*s->roles), cmp_role);
	if (s->ntablespaces)
		qsort(s->tablespaces, s->ntablespaces, sizeof(*s->tablespaces),
		      cmp_role);
	/* users arrays were filled in key order of the user: already sorted */
}
