/* catalog.h: reads a live database's catalogs into a snapshot. */
#ifndef PGDIFF_CATALOG_H
#define PGDIFF_CATALOG_H

#include "pgdiff/arena.h"
#include "pgdiff/model.h"
#include "pgdiff/strbuf.h"

/*
 * Connects to spec (URI, conninfo or service=), reads every kind's catalog
 * query in one read-only, repeatable-read transaction and fills snap.
 * Returns 0, or an exit status with a one-line message in err.
 * Safe to call from two threads at once, one per side.
 */
int catalog_read(const char *spec, struct snapshot *snap, struct strbuf *err);

/*
 * A catalog query's text as a server of this version (PQserverVersion)
 * reads it: a line ending in "-- from pgN" is kept from PostgreSQL N on
 * only, one ending in "-- before pgN" before it only.  The text itself
 * when it has no such lines, else a copy in arena.
 */
const char *query_for_version(struct arena *arena, const char *text,
			      int version);

/* The spec as it may be shown: passwords replaced by "****" (caller frees). */
char *conn_display(const char *spec);

/*
 * A connection string (keywords or URI) split by libpq's own parser, with
 * its secrets taken out: the options libpq marks as secret (password,
 * sslpassword) are kept by name only.  Caller releases.
 */
struct conninfo_parts {
	char *text;	/* the string itself when it holds no secret, else
			   the other options rebuilt, in `options` form */
	char *options;	/* "key=value ...", sorted by key: for comparing */
	char *secrets;	/* their names as a text array ("{password}"), or
			   NULL for none */
};
/* Returns -1 (and no parts) when libpq cannot parse conninfo. */
int conninfo_strip(const char *conninfo, struct conninfo_parts *parts);
void conninfo_parts_release(struct conninfo_parts *parts);

/* Appends the linked libpq's version, e.g. "15.18". */
void libpq_version(struct strbuf *sb);

#endif
