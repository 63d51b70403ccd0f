/* scratch.h: empty scratch databases to build a schema in, removed on every exit path. */
#ifndef PGDIFF_SCRATCH_H
#define PGDIFF_SCRATCH_H

#include "pgdiff/strbuf.h"

struct scratch_options {
	const char *server;	/* --scratch URL or PGDIFF_SCRATCH_URL; NULL: own cluster */
	int prefer_major;	/* server major to look for (e.g. 15); 0: newest */
	int verbose;		/* report timings on stderr */
	int quiet;		/* no warnings (a cluster of another major) */
};

struct scratch;		/* opaque: see scratch.c */

/*
 * Creates a uniquely named empty database, on options->server or in a
 * throwaway local cluster started for it, and registers its removal with
 * the cleanup registry.  Returns NULL with err set and *status an exit
 * status on failure.
 */
struct scratch *scratch_open(const struct scratch_options *options,
			     struct strbuf *err, int *status);
/* The conninfo of the scratch database (owned by s). */
const char *scratch_conninfo(const struct scratch *s);
/* "host:port" or "cluster in /tmp/..." for messages (owned by s). */
const char *scratch_describe(const struct scratch *s);
/* Drops the database and stops and removes a cluster; frees s. */
void scratch_close(struct scratch *s);

#endif
