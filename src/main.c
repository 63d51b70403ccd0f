/* main.c: the command line: options, the pipeline's wiring, the exit status. */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pgdiff/catalog.h"
#include "pgdiff/cleanup.h"
#include "pgdiff/filter.h"
#include "pgdiff/inspect.h"
#include "pgdiff/kinds.h"
#include "pgdiff/options.h"
#include "pgdiff/output.h"
#include "pgdiff/plan.h"
#include "pgdiff/progress.h"
#include "pgdiff/renames.h"
#include "pgdiff/snapfile.h"
#include "pgdiff/source.h"
#include "pgdiff/utf8.h"
#include "pgdiff/util.h"
#include "pgdiff/version.h"

static struct options options = {
	.command = CMD_DIFF,
	.fail_on = SEV_MINOR,
	.color = COLOR_AUTO,
	.sql = { .lock_timeout = "5s", .statement_timeout = "0" },
};

static const char usage_text[] =
	"usage: pgdiff [OPTIONS] SOURCE TARGET\n"
	"       pgdiff snapshot [OPTIONS] SOURCE\n"
	"       pgdiff inspect [OPTIONS] SOURCE\n"
	"       pgdiff --help | --version\n"
	"\n"
	"Prints the SQL that turns SOURCE's schema into TARGET's.  Each side is a\n"
	"connection string (postgresql://host/db, \"host=... dbname=...\",\n"
	"service=NAME), a directory of migrations, a .sql schema file, a .json\n"
	"snapshot, 'empty', or 'build' (the database --build makes).\n"
	"\n"
	"  -o, --output FILE     write to FILE (complete or not at all)\n"
	"      --fail-on LEVEL   exit 0 unless a change is at least LEVEL:\n"
	"                        minor (default), major or critical\n"
	"      --lock-timeout T  SET lock_timeout in the script (default 5s; 0: off)\n"
	"      --statement-timeout T\n"
	"                        SET statement_timeout in the script (default 0: off)\n"
	"      --single-transaction\n"
	"                        run the whole script in one transaction\n"
	"      --schema PATTERN  compare only schemas matching PATTERN (repeatable)\n"
	"      --exclude-schema PATTERN\n"
	"                        leave out schemas matching PATTERN (repeatable)\n"
	"      --exclude PATTERN leave out objects [schema.]name (repeatable)\n"
	"      --kinds LIST      compare only these kinds (comma-separated names as\n"
	"                        pgdiff(1) lists them: table,index,view,...)\n"
	"      --ignore-extension-versions\n"
	"                        do not compare extension versions\n"
	"      --no-privileges   do not compare privileges (GRANT, REVOKE,\n"
	"                        ALTER DEFAULT PRIVILEGES)\n"
	"      --no-comments     do not compare comments\n"
	"      --with-owners     also compare owners (ALTER ... OWNER TO)\n"
	"      --strict          fail (status 65) when a side has objects of a kind\n"
	"                        pgdiff does not handle, instead of warning\n"
	"      --rename OLD=NEW  rename instead of drop and create, e.g.\n"
	"                        public.orders.note=public.orders.comment\n"
	"      --build CMD       build the 'build' side by running CMD against a\n"
	"                        scratch database (DATABASE_URL and PG* are set)\n"
	"      --scratch URL     create scratch databases on this server instead\n"
	"                        of a throwaway local cluster\n"
	"      --report FILE     also write drift-report.json, the JSON report\n"
	"      --summary FILE    also write drift-summary.md, a pull-request comment\n"
	"      --color WHEN      colour the summary on a terminal: auto (default,\n"
	"                        off when NO_COLOR is set), always or never\n"
	"  -v, --verbose         report each stage's time on stderr\n"
	"  -q, --quiet           no warnings or progress on stderr\n"
	"  -h, --help            show this help\n"
	"  -V, --version         show the versions of pgdiff, libpq and utf8proc\n"
	"\n"
	"Exit status: 0 no differences, 1/2/3 worst change minor/major/critical,\n"
	"64 usage, 65 bad input, 69 database unreachable, 70 internal error.\n";

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

static enum color_mode parse_color(const char *s)
{
	if (!strcmp(s, "auto"))
		return COLOR_AUTO;
	if (!strcmp(s, "always"))
		return COLOR_ALWAYS;
	if (!strcmp(s, "never"))
		return COLOR_NEVER;
	usage_error("--color takes auto, always or never, not '%s'", s);
}

/* A PostgreSQL duration: digits and an optional unit ("5s", "250ms", "0"). */
static const char *parse_duration(const char *option, const char *s)
{
	static const char *const units[] = { "", "us", "ms", "s", "min", "h", "d" };
	const char *p = s;

	while (*p >= '0' && *p <= '9')
		p++;
	if (p > s)
		for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
			if (!strcmp(p, units[i]))
				return s;
	fprintf(stderr, "pgdiff: %s takes a duration such as 5s, 250ms or 2min, not '%s'\n",
		option, s);
	fprintf(stderr, "Try 'pgdiff --help' for more information.\n");
	exit(EXIT_USAGE);
}

enum {
	OPT_FAIL_ON = 256,
	OPT_BUILD,
	OPT_SCRATCH,
	OPT_REPORT,
	OPT_SUMMARY,
	OPT_COLOR,
	OPT_LOCK_TIMEOUT,
	OPT_STATEMENT_TIMEOUT,
	OPT_SINGLE_TRANSACTION,
	OPT_SCHEMA,
	OPT_EXCLUDE_SCHEMA,
	OPT_EXCLUDE,
	OPT_KINDS,
	OPT_IGNORE_EXTENSION_VERSIONS,
	OPT_RENAME,
	OPT_NO_PRIVILEGES,
	OPT_NO_COMMENTS,
	OPT_WITH_OWNERS,
	OPT_STRICT,
};

static void add_pattern(const char ***list, size_t *n, size_t *alloc,
			const char *pattern)
{
	ALLOC_GROW(*list, *n + 1, *alloc);
	(*list)[(*n)++] = pattern;
}

static void parse_options(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
		{ "build", required_argument, NULL, OPT_BUILD },
		{ "scratch", required_argument, NULL, OPT_SCRATCH },
		{ "report", required_argument, NULL, OPT_REPORT },
		{ "summary", required_argument, NULL, OPT_SUMMARY },
		{ "color", required_argument, NULL, OPT_COLOR },
		{ "lock-timeout", required_argument, NULL, OPT_LOCK_TIMEOUT },
		{ "statement-timeout", required_argument, NULL, OPT_STATEMENT_TIMEOUT },
		{ "single-transaction", no_argument, NULL, OPT_SINGLE_TRANSACTION },
		{ "schema", required_argument, NULL, OPT_SCHEMA },
		{ "exclude-schema", required_argument, NULL, OPT_EXCLUDE_SCHEMA },
		{ "exclude", required_argument, NULL, OPT_EXCLUDE },
		{ "kinds", required_argument, NULL, OPT_KINDS },
		{ "rename", required_argument, NULL, OPT_RENAME },
		{ "ignore-extension-versions", no_argument, NULL,
		  OPT_IGNORE_EXTENSION_VERSIONS },
		{ "no-privileges", no_argument, NULL, OPT_NO_PRIVILEGES },
		{ "no-comments", no_argument, NULL, OPT_NO_COMMENTS },
		{ "with-owners", no_argument, NULL, OPT_WITH_OWNERS },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "verbose", no_argument, NULL, 'v' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int nargs, c;

	if (argc > 1 && !strcmp(argv[1], "snapshot"))
		options.command = CMD_SNAPSHOT;
	else if (argc > 1 && !strcmp(argv[1], "inspect"))
		options.command = CMD_INSPECT;
	if (options.command != CMD_DIFF) {
		argv++;
		argc--;
	}
	options.sources.scratch.server = getenv("PGDIFF_SCRATCH_URL");
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:vqhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': options.output = optarg; break;
		case OPT_FAIL_ON: options.fail_on = parse_level(optarg); break;
		case OPT_BUILD: options.sources.build_command = optarg; break;
		case OPT_SCRATCH: options.sources.scratch.server = optarg; break;
		case OPT_REPORT: options.report = optarg; break;
		case OPT_SUMMARY: options.summary = optarg; break;
		case OPT_COLOR: options.color = parse_color(optarg); break;
		case OPT_LOCK_TIMEOUT:
			options.sql.lock_timeout = parse_duration("--lock-timeout", optarg);
			break;
		case OPT_STATEMENT_TIMEOUT:
			options.sql.statement_timeout =
				parse_duration("--statement-timeout", optarg);
			break;
		case OPT_SINGLE_TRANSACTION:
			options.sql.single_transaction = 1;
			break;
		case OPT_SCHEMA:
			add_pattern(&options.filter.schemas, &options.filter.nschemas,
				    &options.filter.schemas_alloc, optarg);
			break;
		case OPT_EXCLUDE_SCHEMA:
			add_pattern(&options.filter.exclude_schemas,
				    &options.filter.nexclude_schemas,
				    &options.filter.exclude_schemas_alloc, optarg);
			break;
		case OPT_EXCLUDE:
			add_pattern(&options.filter.excludes,
				    &options.filter.nexcludes,
				    &options.filter.excludes_alloc, optarg);
			break;
		case OPT_KINDS: {
			struct strbuf err = STRBUF_INIT;
			if (filter_parse_kinds(&options.filter, optarg, &err) < 0)
				usage_error("%s", err.buf);
			strbuf_release(&err);
			break;
		}
		case OPT_RENAME:
			add_pattern(&options.renames, &options.nrenames,
				    &options.renames_alloc, optarg);
			break;
		case OPT_IGNORE_EXTENSION_VERSIONS:
			options.filter.ignore_extension_versions = 1;
			break;
		case OPT_NO_PRIVILEGES: options.filter.no_privileges = 1; break;
		case OPT_NO_COMMENTS: options.filter.no_comments = 1; break;
		case OPT_WITH_OWNERS: options.filter.with_owners = 1; break;
		case OPT_STRICT: options.strict = 1; break;
		case 'v': options.verbose = 1; break;
		case 'q': options.quiet = 1; break;
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
	options.sources.scratch.verbose = options.verbose;
	options.sources.scratch.quiet = options.quiet;
	nargs = options.command == CMD_DIFF ? 2 : 1;
	if (argc - optind != nargs)
		usage_error("%s", nargs == 2 ?
			    "needs exactly two arguments, SOURCE and TARGET" :
			    "needs exactly one argument, SOURCE");
	options.source = argv[optind];
	if (nargs == 2)
		options.target = argv[optind + 1];
}

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void report_time(const char *stage, double since)
{
	if (options.verbose)
		fprintf(stderr, "pgdiff: %s took %.3f s\n", stage,
			now_seconds() - since);
}

/* One side read on its own thread: both sides are read at once. */
struct side {
	const char *spec;
	struct snapshot snap;
	struct strbuf err;
	int status;
	double seconds;
};

static void *read_side(void *arg)
{
	struct side *side = arg;
	double start = now_seconds();

	{
		char *shown = conn_display(side->spec);
		progress_show("reading %s", shown);
		free(shown);
	}
	side->status = source_read(side->spec, &options.sources, &side->snap,
				   &side->err);
	side->seconds = now_seconds() - start;
	return NULL;
}

static int needs_scratch(const char *spec)
{
	enum source_kind kind;
	struct strbuf err = STRBUF_INIT;
	int r = source_kind_of(spec, &options.sources, &kind, &err) == 0 &&
		(kind == SOURCE_MIGRATIONS || kind == SOURCE_SCHEMA_FILE ||
		 kind == SOURCE_BUILD);
	strbuf_release(&err);
	return r;
}

static void check_spec(const char *spec)
{
	enum source_kind kind;
	struct strbuf err = STRBUF_INIT;

	if (source_kind_of(spec, &options.sources, &kind, &err) < 0)
		usage_error("%s", err.buf);
	strbuf_release(&err);
}

static int server_major(const char *version)
{
	return atoi(version);
}

/*
 * Both sides are read at once, except that a side built in a scratch
 * database waits for a live side, so the cluster can match its version.
 */
static void read_sides(struct side *sides, int n)
{
	pthread_t thread;
	int threaded = 0;

	for (int i = 0; i < n; i++) {
		snapshot_init(&sides[i].snap);
		strbuf_init(&sides[i].err);
		check_spec(sides[i].spec);
	}
	if (n == 2 && needs_scratch(sides[0].spec) != needs_scratch(sides[1].spec)) {
		int live = needs_scratch(sides[0].spec) ? 1 : 0;
		read_side(&sides[live]);
		if (!sides[live].status)
			options.sources.scratch.prefer_major =
				server_major(sides[live].snap.server_version);
		if (!sides[live].status)
			read_side(&sides[1 - live]);
	} else {
		if (n == 2)
			threaded = pthread_create(&thread, NULL, read_side,
						  &sides[1]) == 0;
		read_side(&sides[0]);
		if (n == 2 && threaded)
			pthread_join(thread, NULL);
		else if (n == 2)
			read_side(&sides[1]);
	}
	progress_clear();
	for (int i = 0; i < n; i++) {
		if (sides[i].status)
			die(sides[i].status, "%s", sides[i].err.buf);
		filter_apply(&options.filter, &sides[i].snap);
		if (options.verbose)
			fprintf(stderr, "pgdiff: reading %s took %.3f s\n",
				i ? "the target" : "the source", sides[i].seconds);
	}
}

/* The file being written; removed if pgdiff stops before renaming it. */
static void remove_partial(void *path)
{
	unlink(path);
}

/* A path that exists and is no regular file (a device, a FIFO). */
static int is_special_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && !S_ISREG(st.st_mode);
}

typedef int (*writer_fn)(FILE *out, const void *ctx, struct strbuf *err);

/* Writes to path through a temporary file and a rename: all or nothing. */
static void write_file(const char *path, writer_fn write, const void *ctx)
{
	struct strbuf tmp = STRBUF_INIT, err = STRBUF_INIT;
	FILE *out;
	int fd, handle, status;

	if (!path || !strcmp(path, "-") || is_special_file(path)) {
		/* stdout, /dev/null, a pipe: nothing to rename over */
		out = path && strcmp(path, "-") ? fopen(path, "w") : stdout;
		if (!out)
			die(EXIT_BAD_INPUT, "cannot write '%s': %s", path,
			    strerror(errno));
		status = write(out, ctx, &err);
		if (status)
			die(status, "%s", err.buf);
		if (fflush(out) || ferror(out) || (out != stdout && fclose(out)))
			die(EXIT_INTERNAL, "cannot write the output: %s",
			    strerror(errno));
		strbuf_release(&err);
		return;
	}
	strbuf_addf(&tmp, "%s.tmp.XXXXXX", path);
	fd = mkstemp(tmp.buf);
	if (fd < 0)
		die(EXIT_BAD_INPUT, "cannot create '%s': %s", path,
		    strerror(errno));
	handle = cleanup_register(remove_partial, tmp.buf);
	out = fdopen(fd, "w");
	if (!out)
		die(EXIT_INTERNAL, "cannot write '%s': %s", path, strerror(errno));
	status = write(out, ctx, &err);
	if (status)
		die(status, "%s", err.buf);
	if (fflush(out) || ferror(out) || fsync(fd) || fclose(out))
		die(EXIT_BAD_INPUT, "cannot write '%s': %s", path,
		    strerror(errno));
	if (rename(tmp.buf, path))
		die(EXIT_BAD_INPUT, "cannot rename to '%s': %s", path,
		    strerror(errno));
	cleanup_done(handle);
	strbuf_release(&tmp);
	strbuf_release(&err);
}

struct sql_job {
	const struct plan *plan;
	const struct sql_format *format;
};

static int write_sql(FILE *out, const void *ctx, struct strbuf *err)
{
	const struct sql_job *job = ctx;

	(void)err;
	output_sql(out, job->plan, job->format);
	return 0;
}

static int write_report(FILE *out, const void *ctx, struct strbuf *err)
{
	return output_report(out, ctx, err);
}

static int write_summary(FILE *out, const void *ctx, struct strbuf *err)
{
	return output_summary(out, ctx, err);
}

/* --color, else colour on a terminal unless NO_COLOR is set (not empty). */
static int use_color(void)
{
	const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");

	if (options.color != COLOR_AUTO)
		return options.color == COLOR_ALWAYS;
	if ((no_color && *no_color) || (term && !strcmp(term, "dumb")))
		return 0;
	return isatty(STDERR_FILENO);
}

/* drift-report.json, drift-summary.md and, on a terminal, the summary. */
static void write_review(const struct plan *plan,
			 const struct snapshot *source,
			 const struct snapshot *target)
{
	char fingerprints[2][65] = { "", "" };
	struct review review = {
		.plan = plan,
		.fingerprint = { fingerprints[0], fingerprints[1] },
		.filters = options.sql.filters,
	};

	/* hashing every object costs; only the files show fingerprints */
	if (options.report || options.summary) {
		snapshot_fingerprint(source, fingerprints[0]);
		snapshot_fingerprint(target, fingerprints[1]);
	}
	if (options.report)
		write_file(options.report, write_report, &review);
	if (options.summary)
		write_file(options.summary, write_summary, &review);
	if (!options.quiet && isatty(STDERR_FILENO))
		output_terminal(stderr, &review, use_color());
}

static int write_snapshot(FILE *out, const void *ctx, struct strbuf *err)
{
	return snapfile_write(out, ctx, err);
}

static int write_inspect(FILE *out, const void *ctx, struct strbuf *err)
{
	(void)err;
	inspect_write(out, ctx);
	return 0;
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

static void warn_versions(const struct snapshot *a, const struct snapshot *b)
{
	int ma = server_major(a->server_version), mb = server_major(b->server_version);

	if (ma && mb && ma != mb && !options.quiet)
		warning("the sides run PostgreSQL %d and %d: catalog output may differ between majors",
			ma, mb);
}

/* Objects pgdiff cannot compare: a warning, or with --strict the end. */
static void check_unhandled(const char *side, const struct snapshot *snap)
{
	struct strbuf sb = STRBUF_INIT;

	if (!snap->nunhandled)
		return;
	if (options.strict) {
		describe_unhandled(&sb, snap);
		die(EXIT_BAD_INPUT,
		    "--strict: %s has objects pgdiff does not handle yet: %s",
		    side, sb.buf);
	}
	if (!options.quiet)
		warn_unhandled(side, snap);
}

/* Subscriptions whose connection string is not compared, and why. */
static void warn_unread_conninfo(const char *side, const struct snapshot *snap)
{
	struct strbuf sb = STRBUF_INIT;

	if (!options.quiet && subscription_unread(&sb, snap))
		warning("%s: %s", side, sb.buf);
	strbuf_release(&sb);
}

static int run_diff(void)
{
	struct side sides[2] = { { .spec = options.source },
				 { .spec = options.target } };
	struct plan plan;
	double start;
	int status;

	read_sides(sides, 2);
	for (int i = 0; i < 2; i++)
		filter_facts(&options.filter, &sides[i].snap);
	for (size_t i = 0; i < options.nrenames; i++) {
		struct strbuf err = STRBUF_INIT;
		if (rename_apply(&sides[0].snap, options.renames[i], &err) < 0)
			die(EXIT_USAGE, "%s", err.buf);
		strbuf_release(&err);
	}
	check_unhandled("source", &sides[0].snap);
	check_unhandled("target", &sides[1].snap);
	warn_unread_conninfo("source", &sides[0].snap);
	warn_unread_conninfo("target", &sides[1].snap);
	if (!options.quiet)
		warn_versions(&sides[0].snap, &sides[1].snap);
	start = now_seconds();
	plan_build(&plan, &sides[0].snap, &sides[1].snap);
	report_time("planning", start);
	if (!options.quiet)
		warn_notes(&plan);
	for (size_t i = 0; i < plan.nmissing_roles && !options.quiet; i++)
		warning("role '%s' does not exist on the source server: statements naming it will fail there",
			plan.missing_roles[i]);
	for (size_t i = 0; i < plan.nmissing_tablespaces && !options.quiet; i++)
		warning("tablespace '%s' does not exist on the source server: statements naming it will fail there",
			plan.missing_tablespaces[i]);
	if (plan.ncycles && !options.quiet)
		warning("%zu dependency cycle(s) had to be broken; review the statement order",
			plan.ncycles);
	if (options.sql.single_transaction && (plan.ncommits || plan.nnontransactional))
		die(EXIT_USAGE, "--single-transaction is not possible here: %s",
		    plan.ncommits ? "a new enum value must be committed before a later statement uses it"
				  : "a statement cannot run inside a transaction");
	start = now_seconds();
	{
		struct sql_job job = { &plan, &options.sql };
		write_file(options.output, write_sql, &job);
	}
	write_review(&plan, &sides[0].snap, &sides[1].snap);
	report_time("writing", start);
	status = exit_status(&plan);
	plan_release(&plan);
	for (int i = 0; i < 2; i++) {
		snapshot_release(&sides[i].snap);
		strbuf_release(&sides[i].err);
	}
	return status;
}

static int run_single(writer_fn write)
{
	struct side side = { .spec = options.source };

	read_sides(&side, 1);
	if (options.command == CMD_SNAPSHOT) {
		check_unhandled("the snapshot's source", &side.snap);
		warn_unread_conninfo("the snapshot's source", &side.snap);
	}
	write_file(options.output, write, &side.snap);
	snapshot_release(&side.snap);
	strbuf_release(&side.err);
	return 0;
}

int main(int argc, char **argv)
{
	struct strbuf filters = STRBUF_INIT;

	parse_options(argc, argv);
	progress_init(options.quiet);
	filter_describe(&options.filter, &filters);
	options.sql.filters = filters.len ? filters.buf : NULL;
	set_exit_hook(cleanup_run_all);
	cleanup_catch_signals();
	switch (options.command) {
	case CMD_SNAPSHOT:
		return run_single(write_snapshot);
	case CMD_INSPECT:
		return run_single(write_inspect);
	case CMD_DIFF:
		break;
	}
	return run_diff();
}
