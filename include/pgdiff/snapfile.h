/* snapfile.h: snapshots saved as versioned JSON and read back. */
#ifndef PGDIFF_SNAPFILE_H
#define PGDIFF_SNAPFILE_H

#include <stdio.h>

#include "pgdiff/model.h"
#include "pgdiff/strbuf.h"

#define SNAPFILE_FORMAT 1	/* bumped on any incompatible change */

/* Writes snap as a JSON snapshot; returns 0, or an exit status with err set. */
int snapfile_write(FILE *out, const struct snapshot *snap, struct strbuf *err);
/*
 * Reads a JSON snapshot into snap (freshly initialised).  A corrupt file
 * or one from a newer format is EXIT_BAD_INPUT with a one-line err.
 */
int snapfile_read(const char *path, struct snapshot *snap, struct strbuf *err);
/*
 * Hex SHA-256 of what the snapshot says about the schema (objects, facts,
 * dependencies), not of where or when it was taken.
 */
void snapshot_fingerprint(const struct snapshot *snap, char hex[65]);

#endif
