/* report.c: drift-report.json, the versioned report documented in pgdiff(1). */
#include <string.h>


#include "pgdiff/jsonutil.h"
#include "pgdiff/output.h"
#include "pgdiff/review.h"
#include "pgdiff/strbuf.h"
#include "pgdiff/utf8.h"
#include "pgdiff/util.h"
#include "pgdiff/version.h"

#define REPORT_FORMAT "pgdiff-report"
#define REPORT_VERSION 1	/* bumped on any incompatible change */

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
		jsonutil_out_of_memory();
	return j;
}

static json_t *side(const struct snapshot *snap, const char *fingerprint)
{
	json_t *j = jsonutil_object();

	jsonutil_set(j, "origin", jstr(snap->origin));
	jsonutil_set(j, "server_version", jstr(snap->server_version));
	jsonutil_set(j, "fingerprint",
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
	j = jsonutil_object();
	jsonutil_set(j, "kind", jstr(obj_kind_name(o->kind)));
	jsonutil_set(j, "schema", jstr(o->schema));
	jsonutil_set(j, "name", jstr(o->name));
	jsonutil_set(j, "table", has_table ? jstr(o->parent->name) : json_null());
	return j;
}

static json_t *statement(const struct stmt *st)
{
	json_t *j = jsonutil_object(), *hazards = jsonutil_array();

	jsonutil_set(j, "sql", jstr(st->sql));
	jsonutil_set(j, "severity", jstr(severity_name(st->severity)));
	jsonutil_set(j, "reason", jstr(st->reason));
	for (int bit = 0; bit < HZ_COUNT; bit++) {
		enum hazard hz = (enum hazard)(1u << bit);
		json_t *h;

		if (!(st->hazards & hz))
			continue;
		h = jsonutil_object();
		jsonutil_set(h, "code", jstr(hazard_name(hz)));
		jsonutil_set(h, "reason", jstr(hazard_reason(hz)));
		jsonutil_append(hazards, h);
	}
	jsonutil_set(j, "hazards", hazards);
	jsonutil_set(j, "object", object(st->obj));
	jsonutil_set(j, "lock", jstr(lock_name(st->lock)));
	jsonutil_set(j, "transactional", json_boolean(st->transactional));
	return j;
}

/* Likely renames and look-alike names, as the script's notes give them. */
static json_t *renames(const struct plan *plan)
{
	json_t *list = jsonutil_array();

	for (size_t i = 0; i < plan->nhints; i++) {
		const struct rename_hint *h = &plan->hints[i];
		json_t *j = jsonutil_object();
		struct strbuf note = STRBUF_INIT;

		describe_hint(&note, h);
		jsonutil_set(j, "from", object(h->from));
		jsonutil_set(j, "to", object(h->to));
		jsonutil_set(j, "lookalike", json_boolean(h->lookalike));
		jsonutil_set(j, "note", jstr(note.buf));
		jsonutil_append(list, j);
		strbuf_release(&note);
	}
	return list;
}

static json_t *names(const char *const *list, size_t n)
{
	json_t *j = jsonutil_array();

	for (size_t i = 0; i < n; i++)
		jsonutil_append(j, jstr(list[i]));
	return j;
}

/* Tables whose columns the script leaves in another order than the target's. */
static json_t *column_orders(const struct plan *plan)
{
	json_t *list = jsonutil_array();

	for (size_t i = 0; i < plan->ncolumn_orders; i++) {
		const struct column_order *co = &plan->column_orders[i];
		const struct object *y = co->table;
		json_t *j = jsonutil_object(), *target = jsonutil_array();
		struct strbuf note = STRBUF_INIT;

		for (size_t k = 0; k < y->nchildren; k++)
			if (y->children[k]->kind == OBJ_COLUMN)
				jsonutil_append(target, jstr(y->children[k]->name));
		describe_column_order(&note, co);
		jsonutil_set(j, "table", object(y));
		jsonutil_set(j, "columns", names(co->columns, co->ncolumns));
		jsonutil_set(j, "target_columns", target);
		jsonutil_set(j, "note", jstr(note.buf));
		jsonutil_append(list, j);
		strbuf_release(&note);
	}
	return list;
}

static json_t *unhandled(const struct snapshot *snap)
{
	json_t *list = jsonutil_array();

	for (size_t i = 0; i < snap->nunhandled; i++) {
		const struct unhandled *u = &snap->unhandled[i];
		json_t *j = jsonutil_object(), *names = jsonutil_array();
		struct unhandled_names it;
		const char *name;

		jsonutil_set(j, "kind", jstr(u->kind));
		jsonutil_set(j, "count", json_integer((json_int_t)u->count));
		unhandled_names_init(&it, u->names);
		while ((name = unhandled_names_next(&it)))
			jsonutil_append(names, jstr(name));
		unhandled_names_release(&it);
		jsonutil_set(j, "names", names);
		jsonutil_append(list, j);
	}
	return list;
}

int output_report(FILE *out, const struct review *review, struct strbuf *err)
{
	const struct plan *plan = review->plan;
	json_t *root = jsonutil_object(), *counts = jsonutil_object();
	json_t *stmts = jsonutil_array(), *unh = jsonutil_object();
	int failed;

	jsonutil_set(root, "format", jstr(REPORT_FORMAT));
	jsonutil_set(root, "version", json_integer(REPORT_VERSION));
	jsonutil_set(root, "pgdiff_version", jstr(PGDIFF_VERSION));
	jsonutil_set(root, "source", side(plan->from, review->fingerprint[0]));
	jsonutil_set(root, "target", side(plan->to, review->fingerprint[1]));
	jsonutil_set(counts, "critical", json_integer((json_int_t)plan->counts[SEV_CRITICAL]));
	jsonutil_set(counts, "major", json_integer((json_int_t)plan->counts[SEV_MAJOR]));
	jsonutil_set(counts, "minor", json_integer((json_int_t)plan->counts[SEV_MINOR]));
	jsonutil_set(root, "counts", counts);
	jsonutil_set(root, "worst", jstr(severity_name(plan->worst)));
	for (size_t i = 0; i < plan->nstmts; i++)
		jsonutil_append(stmts, statement(plan->stmts[i]));
	jsonutil_set(root, "statements", stmts);
	jsonutil_set(root, "renames", renames(plan));
	jsonutil_set(root, "column_order", column_orders(plan));
	jsonutil_set(unh, "source", unhandled(plan->from));
	jsonutil_set(unh, "target", unhandled(plan->to));
	jsonutil_set(root, "unhandled", unh);
	jsonutil_set(root, "filters", jstr(review->filters));

	failed = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (failed || fputc('\n', out) == EOF) {
		strbuf_adds(err, "cannot write the report");
		return EXIT_INTERNAL;
	}
	return 0;
}
