/* options.h: the parsed command line, the one global pgdiff keeps. */
#ifndef PGDIFF_OPTIONS_H
#define PGDIFF_OPTIONS_H

#include "pgdiff/plan.h"

struct options {
	const char *source;
	const char *target;
	const char *output;	/* NULL: standard output */
	enum severity fail_on;	/* lowest severity that makes the status non-zero */
};

#endif
