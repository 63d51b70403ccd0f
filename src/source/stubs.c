/* stubs.c: placeholders while scratch databases and snapshots are being written. */
#include "pgdiff/migrations.h"
#include "pgdiff/scratch.h"
#include "pgdiff/snapfile.h"
#include "pgdiff/util.h"

struct scratch *scratch_open(const struct scratch_options *options,
			     struct strbuf *err, int *status)
{
	(void)options;
	strbuf_adds(err, "scratch databases are not implemented yet");
	*status = EXIT_USAGE;
	return NULL;
}
const char *scratch_conninfo(const struct scratch *s) { (void)s; return ""; }
const char *scratch_describe(const struct scratch *s) { (void)s; return ""; }
void scratch_close(struct scratch *s) { (void)s; }
int migrations_apply(const char *path, const char *conninfo, int verbose,
		     struct strbuf *err)
{
	(void)path; (void)conninfo; (void)verbose;
	strbuf_adds(err, "migrations are not implemented yet");
	return EXIT_USAGE;
}
int build_run(const char *command, const char *conninfo, struct strbuf *err)
{
	(void)command; (void)conninfo;
	strbuf_adds(err, "build commands are not implemented yet");
	return EXIT_USAGE;
}
int snapfile_write(FILE *out, const struct snapshot *snap, struct strbuf *err)
{
	(void)out; (void)snap;
	strbuf_adds(err, "snapshots are not implemented yet");
	return EXIT_USAGE;
}
int snapfile_read(const char *path, struct snapshot *snap, struct strbuf *err)
{
	(void)path; (void)snap;
	strbuf_adds(err, "snapshots are not implemented yet");
	return EXIT_USAGE;
}
void snapshot_fingerprint(const struct snapshot *snap, char hex[65])
{
	(void)snap;
	hex[0] = '\0';
}
