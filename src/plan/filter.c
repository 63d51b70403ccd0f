/* filter.c: --schema, --exclude-schema, --exclude, --kinds and extension versions. */
#include <stdlib.h>
#include <string.h>

#include "pgdiff/filter.h"
#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

/*
 * psql's rules: outside double quotes letters fold to lower case and * and
 * ? are wildcards; inside, everything is literal ("" is one quote).
 */
static int match_from(const char *p, const char *s, int quoted)
{
	for (;;) {
		char c = *p;

		if (c == '"') {
			if (quoted && p[1] == '"') {
				if (*s != '"')
					return 0;
				p += 2;
				s++;
				continue;
			}
			quoted = !quoted;
			p++;
			continue;
		}
		if (!c)
			return !*s;
		if (!quoted && c == '*') {
			for (const char *t = s;; t++) {
				if (match_from(p + 1, t, 0))
					return 1;
				if (!*t)
					return 0;
			}
		}
		if (!*s)
			return 0;
		if (!quoted && c == '?') {
			p++;
			s++;
			continue;
		}
		if (!quoted && c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != *s)
			return 0;
		p++;
		s++;
	}
}

int pattern_match(const char *pattern, const char *name)
{
	return match_from(pattern, name, 0);
}

/* The dot that splits "schema.name" outside quotes, or NULL. */
static const char *split_dot(const char *pattern)
{
	int quoted = 0;

	for (const char *p = pattern; *p; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (*p == '.' && !quoted)
			return p;
	}
	return NULL;
}

static int any_match(const char *const *patterns, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (pattern_match(patterns[i], name))
			return 1;
	return 0;
}

static int excluded_by_name(const struct filter *f, const struct object *o)
{
	for (size_t i = 0; i < f->nexcludes; i++) {
		const char *pat = f->excludes[i], *dot = split_dot(pat);
		int ok;

		if (!dot) {
			ok = pattern_match(pat, o->name);
		} else {
			struct strbuf schema = STRBUF_INIT;
			strbuf_add(&schema, pat, (size_t)(dot - pat));
			ok = o->schema && pattern_match(schema.buf, o->schema) &&
			     pattern_match(dot + 1, o->name);
			strbuf_release(&schema);
		}
		if (ok)
			return 1;
	}
	return 0;
}

/* The schema an object lives in; an extension's is where its objects go. */
static const char *schema_of(const struct object *o)
{
	if (o->kind == OBJ_SCHEMA)
		return o->name;
	if (o->kind == OBJ_EXTENSION)
		return obj_get(o, "ext_schema");
	return o->schema;
}

static int included(const struct filter *f, const struct object *o)
{
	const char *schema = schema_of(o);
	enum obj_kind kind = o->kind == OBJ_COLUMN ? OBJ_TABLE : o->kind;

	if (o->parent && !included(f, o->parent))
		return 0;
	if (f->kinds && !(f->kinds & KIND_BIT(kind)))
		return 0;
	if (schema && f->nschemas &&
	    !any_match(f->schemas, f->nschemas, schema))
		return 0;
	if (schema && any_match(f->exclude_schemas, f->nexclude_schemas, schema))
		return 0;
	if (o->kind != OBJ_COLUMN && excluded_by_name(f, o))
		return 0;
	return 1;
}

static void forget_version(struct object *o)
{
	for (size_t i = 0; i < o->nattrs; i++)
		if (!strcmp(o->attrs[i].name, "version"))
			o->attrs[i].value = NULL;
}

/* A fact left out is not compared; a NULL one would mean "none". */
static void forget_fact(struct object *o, const char *name)
{
	size_t n = 0;

	for (size_t i = 0; i < o->nattrs; i++)
		if (strcmp(o->attrs[i].name, name))
			o->attrs[n++] = o->attrs[i];
	o->nattrs = n;
}

/*
 * Without --with-owners, what an owner may do on its own object goes with
 * the owner: their names differ between a scratch database and production.
 */
static void forget_owner_privileges(struct snapshot *snap, struct object *o)
{
	const char *owner = obj_get(o, "owner");
	const char *acl = obj_get(o, "acl");
	char *rest;

	if (!owner && o->kind == OBJ_COLUMN && o->parent)
		owner = obj_get(o->parent, "owner");
	if (!owner || !acl)
		return;
	rest = acl_without_role(acl, owner);
	for (size_t i = 0; i < o->nattrs; i++)
		if (!strcmp(o->attrs[i].name, "acl"))
			o->attrs[i].value = arena_strdup(&snap->arena, rest);
	free(rest);
}

void filter_facts(const struct filter *f, struct snapshot *snap)
{
	size_t n = 0;

	if (!f->with_owners && !f->no_privileges)
		for (size_t i = 0; i < snap->nobjects; i++)
			forget_owner_privileges(snap, snap->objects[i]);
	for (size_t i = 0; i < snap->nobjects; i++) {
		struct object *o = snap->objects[i];
		if (f->no_privileges) {
			forget_fact(o, "acl");
			forget_fact(o, "column_acls");
		}
		if (f->no_comments) {
			forget_fact(o, "comment");
			forget_fact(o, "column_comments");
		}
		if (!f->with_owners)
			forget_fact(o, "owner");
	}
	if (!f->no_privileges)
		return;
	strmap_release(&snap->by_key);
	for (size_t i = 0; i < snap->nobjects; i++) {
		struct object *o = snap->objects[i];
		if (o->kind == OBJ_DEFAULT_ACL)
			continue;
		snap->objects[n++] = o;
		strmap_put(&snap->by_key, o->key, o);
	}
	snap->nobjects = n;
}

void filter_apply(const struct filter *f, struct snapshot *snap)
{
	size_t n = 0;

	strmap_release(&snap->by_key);
	for (size_t i = 0; i < snap->nobjects; i++) {
		struct object *o = snap->objects[i];
		if (!included(f, o))
			continue;
		if (o->kind == OBJ_EXTENSION && f->ignore_extension_versions)
			forget_version(o);
		snap->objects[n++] = o;
		strmap_put(&snap->by_key, o->key, o);
	}
	snap->nobjects = n;
}

int filter_parse_kinds(struct filter *f, const char *list, struct strbuf *err)
{
	const char *p = list;

	while (*p) {
		size_t len = strcspn(p, ",");
		int found = 0;

		for (int k = 0; k < OBJ_NKINDS; k++) {
			const char *name = obj_kind_name((enum obj_kind)k);
			if (k == OBJ_COLUMN)
				continue;
			if ((strlen(name) == len && !strncmp(p, name, len)) ||
			    (k == OBJ_ENUM && len == 4 && !strncmp(p, "enum", 4))) {
				f->kinds |= KIND_BIT(k);
				found = 1;
			}
		}
		if (!found) {
			strbuf_addf(err, "--kinds: unknown kind '%.*s' (known:",
				    (int)len, p);
			for (int k = 0; k < OBJ_NKINDS; k++)
				if (k != OBJ_COLUMN)
					strbuf_addf(err, "%s %s", k ? "," : "",
						    obj_kind_name((enum obj_kind)k));
			strbuf_addch(err, ')');
			return -1;
		}
		p += len;
		if (*p == ',')
			p++;
	}
	return 0;
}

static void describe_list(struct strbuf *sb, const char *option,
			  const char *const *patterns, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		strbuf_addf(sb, "%s%s ", sb->len ? " " : "", option);
		quote_literal(sb, patterns[i]);
	}
}

void filter_describe(const struct filter *f, struct strbuf *sb)
{
	describe_list(sb, "--schema", f->schemas, f->nschemas);
	describe_list(sb, "--exclude-schema", f->exclude_schemas,
		      f->nexclude_schemas);
	describe_list(sb, "--exclude", f->excludes, f->nexcludes);
	if (f->kinds) {
		strbuf_addf(sb, "%s--kinds ", sb->len ? " " : "");
		for (int k = 0, first = 1; k < OBJ_NKINDS; k++) {
			if (!(f->kinds & KIND_BIT(k)))
				continue;
			strbuf_addf(sb, "%s%s", first ? "" : ",",
				    obj_kind_name((enum obj_kind)k));
			first = 0;
		}
	}
	if (f->ignore_extension_versions)
		strbuf_addf(sb, "%s--ignore-extension-versions",
			    sb->len ? " " : "");
	if (f->no_privileges)
		strbuf_addf(sb, "%s--no-privileges", sb->len ? " " : "");
	if (f->no_comments)
		strbuf_addf(sb, "%s--no-comments", sb->len ? " " : "");
	if (f->with_owners)
		strbuf_addf(sb, "%s--with-owners", sb->len ? " " : "");
}
