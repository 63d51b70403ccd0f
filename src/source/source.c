/* source.c: what a spec names (live database, migrations, file, snapshot, build, empty). */
#include <string.h>
#include <sys/stat.h>

#include "pgdiff/catalog.h"
#include "pgdiff/migrations.h"
#include "pgdiff/snapfile.h"
#include "pgdiff/source.h"
#include "pgdiff/util.h"

static int has_prefix(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static int has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcmp(s + n - m, suffix);
}

int source_kind_of(const char *spec, const struct source_options *options,
		   enum source_kind *kind, struct strbuf *err)
{
	struct stat st;

	if (!strcmp(spec, "empty")) {
		*kind = SOURCE_EMPTY;
		return 0;
	}
	if (!strcmp(spec, "build")) {
		if (!options->build_command) {
			strbuf_addf(err, "'build' names the database built by --build, but no --build command was given");
			return -1;
		}
		*kind = SOURCE_BUILD;
		return 0;
	}
	if (has_prefix(spec, "postgresql://") || has_prefix(spec, "postgres://") ||
	    strchr(spec, '=')) {
		*kind = SOURCE_LIVE;
		return 0;
	}
	if (stat(spec, &st) == 0 && S_ISDIR(st.st_mode)) {
		*kind = SOURCE_MIGRATIONS;
		return 0;
	}
	if (has_suffix(spec, ".sql") || has_suffix(spec, ".json")) {
		if (stat(spec, &st) != 0) {
			strbuf_addf(err, "cannot open '%s': no such file", spec);
			return -1;
		}
		*kind = has_suffix(spec, ".sql") ? SOURCE_SCHEMA_FILE :
						    SOURCE_SNAPSHOT;
		return 0;
	}
	strbuf_addf(err, "'%s' is not a connection string (postgresql://... or key=value), a migrations directory, a .sql or .json file, 'empty' or 'build'",
		    spec);
	return -1;
}

/* Builds the schema in a scratch database and reads it back. */
static int read_scratch(const char *spec, enum source_kind kind,
			const struct source_options *options,
			struct snapshot *snap, struct strbuf *err)
{
	int status = 0;
	struct scratch *scratch = scratch_open(&options->scratch, err, &status);

	if (!scratch)
		return status ? status : EXIT_INTERNAL;
	if (kind == SOURCE_BUILD)
		status = build_run(options->build_command,
				   scratch_conninfo(scratch), err);
	else
		status = migrations_apply(spec, scratch_conninfo(scratch),
					  options->scratch.verbose, err);
	if (!status)
		status = catalog_read(scratch_conninfo(scratch), snap, err);
	if (!status) {
		/* name the side by what the user gave, not the scratch database */
		snap->origin = arena_strdup(&snap->arena, kind == SOURCE_BUILD ?
			arena_printf(&snap->arena, "build: %s",
				     options->build_command) : spec);
	}
	scratch_close(scratch);
	return status;
}

int source_read(const char *spec, const struct source_options *options,
		struct snapshot *snap, struct strbuf *err)
{
	enum source_kind kind;

	if (source_kind_of(spec, options, &kind, err) < 0)
		return EXIT_USAGE;
	switch (kind) {
	case SOURCE_LIVE:
		return catalog_read(spec, snap, err);
	case SOURCE_SNAPSHOT:
		return snapfile_read(spec, snap, err);
	case SOURCE_EMPTY:
		/* what CREATE DATABASE gives: nothing but the public schema */
		snap->origin = "empty";
		snap->server_version = "none";
		snapshot_add(snap, OBJ_SCHEMA, NULL, "public", NULL, NULL, 0, NULL);
		snapshot_finish(snap);
		return 0;
	case SOURCE_MIGRATIONS:
	case SOURCE_SCHEMA_FILE:
	case SOURCE_BUILD:
		return read_scratch(spec, kind, options, snap, err);
	}
	BUG("unknown source kind %d", (int)kind);
}
