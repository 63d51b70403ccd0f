/* source.h: turns a side's spec into a snapshot, whatever kind of source it names. */
#ifndef PGDIFF_SOURCE_H
#define PGDIFF_SOURCE_H

#include "pgdiff/model.h"
#include "pgdiff/scratch.h"
#include "pgdiff/strbuf.h"

enum source_kind {
	SOURCE_LIVE,		/* URI, conninfo, service= */
	SOURCE_MIGRATIONS,	/* a directory */
	SOURCE_SCHEMA_FILE,	/* a .sql file */
	SOURCE_SNAPSHOT,	/* a .json file */
	SOURCE_BUILD,		/* "build": a scratch database built by --build */
	SOURCE_EMPTY		/* "empty": nothing at all */
};

struct source_options {
	const char *build_command;	/* --build */
	struct scratch_options scratch;
};

/* Classifies spec; returns -1 with err set when it names no source. */
int source_kind_of(const char *spec, const struct source_options *options,
		   enum source_kind *kind, struct strbuf *err);
/* Reads spec into snap (initialised); 0 or an exit status with err. */
int source_read(const char *spec, const struct source_options *options,
		struct snapshot *snap, struct strbuf *err);

#endif
