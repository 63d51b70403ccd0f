/* options.h: the parsed command line, the one global pgdiff keeps. */
#ifndef PGDIFF_OPTIONS_H
#define PGDIFF_OPTIONS_H

#include "pgdiff/filter.h"
#include "pgdiff/output.h"
#include "pgdiff/plan.h"
#include "pgdiff/source.h"

enum command {
	CMD_DIFF,	/* pgdiff SOURCE TARGET */
	CMD_SNAPSHOT,	/* pgdiff snapshot SOURCE */
	CMD_INSPECT	/* pgdiff inspect SOURCE */
};

enum color_mode {
	COLOR_AUTO,
	COLOR_ALWAYS,
	COLOR_NEVER
};

struct options {
	enum command command;
	const char *source;
	const char *target;	/* CMD_DIFF only */
	const char *output;	/* -o; NULL: standard output */
	const char *report;	/* --report: drift-report.json */
	const char *summary;	/* --summary: drift-summary.md */
	enum severity fail_on;	/* lowest severity that makes the status non-zero */
	enum color_mode color;
	int quiet;		/* -q */
	int verbose;		/* -v */
	int strict;		/* --strict: unhandled kinds are an error */
	struct source_options sources;
	struct sql_format sql;
	struct filter filter;
	const char **renames;	/* --rename OLD=NEW */
	size_t nrenames, renames_alloc;
};

#endif
