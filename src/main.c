/* main.c: the command line: options, the pipeline's wiring, the exit status. */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pgdiff/catalog.h"
#include "pgdiff/options.h"
#include "pgdiff/output.h"
#include "pgdiff/plan.h"
#include "pgdiff/utf8.h"
#include "pgdiff/util.h"
#include "pgdiff/version.h"

static struct options options = { NULL, NULL, NULL, SEV_MINOR };

/* The -o file being written; removed if pgdiff stops before renaming it. */
static char *partial_output;

static const char usage_text[] =
	"usage: pgdiff [-o FILE] [--fail-on LEVEL] SOURCE TARGET\n"
	"       pgdiff --help | --version\n"
	"\n"
	"Prints the SQL that turns SOURCE's schema into TARGET's.\n"
	"SOURCE and TARGET are PostgreSQL connection strings: URIs\n"
	"(postgresql://host/db), conninfo (\"host=... dbname=...\") or service=NAME.\n"
	"\n"
	"  -o, --output FILE   write the SQL to FILE (complete or not at all)\n"
	"      --fail-on LEVEL exit 0 unless a change is at least LEVEL:\n"
	"                      minor (default), major or critical\n"
	"  -h, --help          show this help\n"
	"  -V, --version       show the versions of pgdiff, libpq and utf8proc\n"
	"\n"
	"Exit status: 0 no differences, 1/2/3 worst change minor/major/critical,\n"
	"64 usage, 65 bad input, 69 database unreachable, 70 internal error.\n";

static void remove_partial_output(void)
{
	if (partial_output)
		unlink(partial_output);
}

static void on_signal(int sig)
{
	if (partial_output)
		unlink(partial_output);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

_Noreturn static void usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "pgdiff: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry 'pgdiff --help' for more information.\n");
	exit(EXIT_USAGE);
}

static void print_version(void)
{
	struct strbuf sb = STRBUF_INIT;

	libpq_version(&sb);
	printf("pgdiff %s (libpq %s, utf8proc %s)\n", PGDIFF_VERSION, sb.buf,
	       utf8_library_version());
	strbuf_release(&sb);
}

static enum severity parse_level(const char *s)
{
	if (!strcmp(s, "minor"))
		return SEV_MINOR;
	if (!strcmp(s, "major"))
		return SEV_MAJOR;
	if (!strcmp(s, "critical"))
		return SEV_CRITICAL;
	usage_error("--fail-on takes minor, major or critical, not '%s'", s);
}

static void parse_options(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "fail-on", required_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+o:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			options.output = optarg;
			break;
		case 'F':
			options.fail_on = parse_level(optarg);
			break;
		case 'h':
			fputs(usage_text, stdout);
			exit(0);
		case 'V':
			print_version();
			exit(0);
		default:
			usage_error("unknown or incomplete option '%s'",
				    argv[optind - 1]);
		}
	}
	if (argc - optind != 2)
		usage_error("%s", argc - optind < 2 ?
			    "needs a SOURCE and a TARGET" :
			    "takes exactly two arguments, SOURCE and TARGET");
	options.source = argv[optind];
	options.target = argv[optind + 1];
}

/* One side read on its own thread: both catalogs are read at once. */
struct side {
	const char *spec;
	struct snapshot snap;
	struct strbuf err;
	int status;
};

static void *read_side(void *arg)
{
	struct side *side = arg;
	side->status = catalog_read(side->spec, &side->snap, &side->err);
	return NULL;
}

static void read_both(struct side sides[2])
{
	pthread_t thread;
	int threaded;

	for (int i = 0; i < 2; i++) {
		snapshot_init(&sides[i].snap);
		strbuf_init(&sides[i].err);
	}
	sides[0].spec = options.source;
	sides[1].spec = options.target;
	threaded = pthread_create(&thread, NULL, read_side, &sides[1]) == 0;
	read_side(&sides[0]);
	if (threaded)
		pthread_join(thread, NULL);
	else
		read_side(&sides[1]);
	for (int i = 0; i < 2; i++)
		if (sides[i].status)
			die(sides[i].status, "%s", sides[i].err.buf);
}

/* Writes to a temporary file beside FILE and renames it: all or nothing. */
static void write_output(const struct plan *plan)
{
	struct strbuf path = STRBUF_INIT;
	FILE *out;
	int fd;

	if (!options.output) {
		output_sql(stdout, plan);
		if (fflush(stdout) || ferror(stdout))
			die(EXIT_INTERNAL, "cannot write the output: %s",
			    strerror(errno));
		return;
	}
	strbuf_addf(&path, "%s.tmp.XXXXXX", options.output);
	partial_output = strbuf_detach(&path);
	fd = mkstemp(partial_output);
	if (fd < 0) {
		free(partial_output);
		partial_output = NULL;
		die(EXIT_BAD_INPUT, "cannot create '%s': %s", options.output,
		    strerror(errno));
	}
	out = fdopen(fd, "w");
	if (!out)
		die(EXIT_INTERNAL, "cannot write '%s': %s", options.output,
		    strerror(errno));
	output_sql(out, plan);
	if (fflush(out) || ferror(out) || fsync(fd) || fclose(out))
		die(EXIT_BAD_INPUT, "cannot write '%s': %s", options.output,
		    strerror(errno));
	if (rename(partial_output, options.output))
		die(EXIT_BAD_INPUT, "cannot rename to '%s': %s",
		    options.output, strerror(errno));
	free(partial_output);
	partial_output = NULL;
}

static int exit_status(const struct plan *plan)
{
	if (plan->worst < options.fail_on)
		return EXIT_NO_DIFF;
	switch (plan->worst) {
	case SEV_CRITICAL: return EXIT_CRITICAL;
	case SEV_MAJOR: return EXIT_MAJOR;
	case SEV_MINOR: return EXIT_MINOR;
	default: return EXIT_NO_DIFF;
	}
}

int main(int argc, char **argv)
{
	struct side sides[2];
	struct plan plan;
	int status;

	parse_options(argc, argv);
	set_exit_hook(remove_partial_output);
	catch_signals();
	read_both(sides);
	warn_unhandled("source", &sides[0].snap);
	warn_unhandled("target", &sides[1].snap);
	plan_build(&plan, &sides[0].snap, &sides[1].snap);
	if (plan.ncycles)
		warning("%zu dependency cycle(s) had to be broken; review the statement order",
			plan.ncycles);
	write_output(&plan);
	status = exit_status(&plan);
	plan_release(&plan);
	for (int i = 0; i < 2; i++) {
		snapshot_release(&sides[i].snap);
		strbuf_release(&sides[i].err);
	}
	return status;
}
