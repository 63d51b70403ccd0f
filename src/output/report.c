/* report.c: drift-report.json, the versioned report documented in pgdiff(1). */
#include <string.h>

#include <jansson.h>

#include "pgdiff/output.h"
#include "pgdiff/review.h"
#include "pgdiff/strbuf.h"
#include "pgdiff/utf8.h"
#include "pgdiff/util.h"
#include "pgdiff/version.h"

#define REPORT_FORMAT "pgdiff-report"
#define REPORT_VERSION 1	/* bumped on any incompatible change */

_Noreturn static void out_of_memory(void)
{
	die(EXIT_INTERNAL, "out of memory while building the report");
}

/*
 * A JSON string for s; NULL is null.  Bytes that are not UTF-8 (a path
 * in another encoding) become U+FFFD, since JSON text must be Unicode.
 */
static json_t *jstr(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len, off = 0, bad;
	json_t *j;

	if (!s)
		return json_null();
	len = strlen(s);
	while (!utf8_valid(s + off, len - off, &bad)) {
		strbuf_add(&sb, s + off, bad);
		strbuf_adds(&sb, "\xef\xbf\xbd");
		off += bad + 1;
	}
	strbuf_add(&sb, s + off, len - off);
	j = json_stringn(sb.buf, sb.len);
	strbuf_release(&sb);
	if (!j)
		out_of_memory();
	return j;
}

static void set(json_t *obj, const char *key, json_t *value)
{
	if (!value || json_object_set_new(obj, key, value))
		out_of_memory();
}

static void append(json_t *array, json_t *value)
{
	if (!value || json_array_append_new(array, value))
		out_of_memory();
}

static json_t *new_object(void)
{
	json_t *j = json_object();

	if (!j)
		out_of_memory();
	return j;
}

static json_t *new_array(void)
{
	json_t *j = json_array();

	if (!j)
		out_of_memory();
	return j;
}

static json_t *side(const struct snapshot *snap, const char *fingerprint)
{
	json_t *j = new_object();

	set(j, "origin", jstr(snap->origin));
	set(j, "server_version", jstr(snap->server_version));
	set(j, "fingerprint",
	    fingerprint && *fingerprint ? jstr(fingerprint) : json_null());
	return j;
}

static json_t *object(const struct object *o)
{
	json_t *j;
	int has_table;

	if (!o)
		return json_null();
	has_table = o->parent && (o->kind == OBJ_COLUMN ||
				  o->kind == OBJ_CONSTRAINT ||
				  o->kind == OBJ_INDEX);
	j = new_object();
	set(j, "kind", jstr(obj_kind_name(o->kind)));
	set(j, "schema", jstr(o->schema));
	set(j, "name", jstr(o->name));
	set(j, "table", has_table ? jstr(o->parent->name) : json_null());
	return j;
}

static json_t *statement(const struct stmt *st)
{
	json_t *j = new_object(), *hazards = new_array();

	set(j, "sql", jstr(st->sql));
	set(j, "severity", jstr(severity_name(st->severity)));
	set(j, "reason", jstr(st->reason));
	for (int bit = 0; bit < HZ_COUNT; bit++) {
		enum hazard hz = (enum hazard)(1u << bit);
		json_t *h;

		if (!(st->hazards & hz))
			continue;
		h = new_object();
		set(h, "code", jstr(hazard_name(hz)));
		set(h, "reason", jstr(hazard_reason(hz)));
		append(hazards, h);
	}
	set(j, "hazards", hazards);
	set(j, "object", object(st->obj));
	set(j, "lock", jstr(lock_name(st->lock)));
	set(j, "transactional", json_boolean(st->transactional));
	return j;
}

/* Likely renames and look-alike names, as the script's notes give them. */
static json_t *renames(const struct plan *plan)
{
	json_t *list = new_array();

	for (size_t i = 0; i < plan->nhints; i++) {
		const struct rename_hint *h = &plan->hints[i];
		json_t *j = new_object();
		struct strbuf note = STRBUF_INIT;

		describe_hint(&note, h);
		set(j, "from", object(h->from));
		set(j, "to", object(h->to));
		set(j, "lookalike", json_boolean(h->lookalike));
		set(j, "note", jstr(note.buf));
		append(list, j);
		strbuf_release(&note);
	}
	return list;
}

static json_t *unhandled(const struct snapshot *snap)
{
	json_t *list = new_array();

	for (size_t i = 0; i < snap->nunhandled; i++) {
		const struct unhandled *u = &snap->unhandled[i];
		json_t *j = new_object(), *names = new_array();
		struct unhandled_names it;
		const char *name;

		set(j, "kind", jstr(u->kind));
		set(j, "count", json_integer((json_int_t)u->count));
		unhandled_names_init(&it, u->names);
		while ((name = unhandled_names_next(&it)))
			append(names, jstr(name));
		unhandled_names_release(&it);
		set(j, "names", names);
		append(list, j);
	}
	return list;
}

int output_report(FILE *out, const struct review *review, struct strbuf *err)
{
	const struct plan *plan = review->plan;
	json_t *root = new_object(), *counts = new_object();
	json_t *stmts = new_array(), *unh = new_object();
	int failed;

	set(root, "format", jstr(REPORT_FORMAT));
	set(root, "version", json_integer(REPORT_VERSION));
	set(root, "pgdiff_version", jstr(PGDIFF_VERSION));
	set(root, "source", side(plan->from, review->fingerprint[0]));
	set(root, "target", side(plan->to, review->fingerprint[1]));
	set(counts, "critical", json_integer((json_int_t)plan->counts[SEV_CRITICAL]));
	set(counts, "major", json_integer((json_int_t)plan->counts[SEV_MAJOR]));
	set(counts, "minor", json_integer((json_int_t)plan->counts[SEV_MINOR]));
	set(root, "counts", counts);
	set(root, "worst", jstr(severity_name(plan->worst)));
	for (size_t i = 0; i < plan->nstmts; i++)
		append(stmts, statement(plan->stmts[i]));
	set(root, "statements", stmts);
	set(root, "renames", renames(plan));
	set(unh, "source", unhandled(plan->from));
	set(unh, "target", unhandled(plan->to));
	set(root, "unhandled", unh);
	set(root, "filters", jstr(review->filters));

	failed = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (failed || fputc('\n', out) == EOF) {
		strbuf_adds(err, "cannot write the report");
		return EXIT_INTERNAL;
	}
	return 0;
}
