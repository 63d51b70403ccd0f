/* cluster.h: the one throwaway local PostgreSQL cluster a pgdiff run may start. */
#ifndef PGDIFF_CLUSTER_H
#define PGDIFF_CLUSTER_H

#include "pgdiff/scratch.h"
#include "pgdiff/strbuf.h"

/* The server listens on a Unix socket only, in its private directory. */
#define CLUSTER_PORT 5432
#define CLUSTER_USER "postgres"

struct cluster_info {
	const char *socket_dir;	/* owned by the cluster; valid until released */
	int major;		/* the server's major version, e.g. 15 */
};

/*
 * Starts the process's throwaway cluster (initdb in a private temporary
 * directory, then the server), or takes another reference to the one
 * already running: both sides may call this at once.  Its removal is
 * registered with the cleanup registry.  Returns 0, or an exit status
 * with a one-line err.
 */
int cluster_acquire(const struct scratch_options *options,
		    struct cluster_info *info, struct strbuf *err);
/* Drops a reference; the last one stops the server and removes the directory. */
void cluster_release(void);

/*
 * Finds a directory holding initdb and postgres: PGDIFF_PG_BINDIR (which
 * must then be right), else PATH, else `pg_config --bindir`, else the
 * newest /usr/lib/postgresql/N/bin.  A server there of major prefer beats
 * one of another major found earlier.  Returns 0, or EXIT_UNREACHABLE with
 * a one-line err.
 */
int cluster_find_bindir(int prefer, struct strbuf *bindir, struct strbuf *err);

#endif
