/* filter.h: which objects take part in a comparison, applied to both sides before diffing. */
#ifndef PGDIFF_FILTER_H
#define PGDIFF_FILTER_H

#include <stdint.h>

#include "pgdiff/model.h"
#include "pgdiff/strbuf.h"

_Static_assert(OBJ_NKINDS <= 64, "struct filter's kinds has a bit per kind");
#define KIND_BIT(k) ((uint64_t)1 << (k))

struct filter {
	const char **schemas;		/* --schema: psql-style patterns */
	size_t nschemas, schemas_alloc;
	const char **exclude_schemas;	/* --exclude-schema */
	size_t nexclude_schemas, exclude_schemas_alloc;
	const char **excludes;		/* --exclude: [schema.]name patterns */
	size_t nexcludes, excludes_alloc;
	uint64_t kinds;			/* --kinds: KIND_BIT per obj_kind; 0: all */
	int ignore_extension_versions;
	int no_privileges;	/* --no-privileges: no acl facts, no default privileges */
	int no_comments;	/* --no-comments */
	int with_owners;	/* --with-owners; else neither owners nor their own privileges */
};

/* Parses "table,index,..."; returns -1 with err naming the bad word. */
int filter_parse_kinds(struct filter *f, const char *list, struct strbuf *err);
/* Whether name matches a psql-style pattern (* ? and "quoted" parts). */
int pattern_match(const char *pattern, const char *name);
/* Drops what the filter leaves out from snap. */
void filter_apply(const struct filter *f, struct snapshot *snap);
/*
 * Leaves out what is not compared: privileges (--no-privileges), comments
 * (--no-comments), owners and their own privileges (unless --with-owners).
 * For the two sides of a diff; snapshots keep every fact.
 */
void filter_facts(const struct filter *f, struct snapshot *snap);
/* The filter as the options that made it, for headers; "" when none. */
void filter_describe(const struct filter *f, struct strbuf *sb);

#endif
