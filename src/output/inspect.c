/* inspect.c: one side's schema as a readable listing: tables, columns, keys, indexes. */
#include <string.h>

#include "pgdiff/inspect.h"
#include "pgdiff/quote.h"
#include "pgdiff/strbuf.h"
#include "pgdiff/utf8.h"

/* Pads to width terminal columns, so wide names line up. */
static void put_padded(FILE *out, const char *s, size_t width)
{
	size_t w = utf8_width(s);

	fputs(s, out);
	while (w++ < width)
		fputc(' ', out);
}

static void put_qualified(FILE *out, const struct object *o)
{
	struct strbuf sb = STRBUF_INIT;

	quote_qualified(&sb, o->schema, o->name);
	fputs(sb.buf, out);
	strbuf_release(&sb);
}

static void column_facts(struct strbuf *sb, const struct object *col)
{
	const char *v;

	strbuf_reset(sb);
	strbuf_adds(sb, obj_flag(col, "not_null") ? "not null" : "null");
	if ((v = obj_get(col, "default")))
		strbuf_addf(sb, ", default %s", v);
	if ((v = obj_get(col, "generated")))
		strbuf_addf(sb, ", generated always as (%s) stored", v);
	if ((v = obj_get(col, "identity")))
		strbuf_addf(sb, ", identity %s", v[0] == 'a' ? "always" : "by default");
	if ((v = obj_get(col, "collation")))
		strbuf_addf(sb, ", collate %s", v);
}

static void table(FILE *out, const struct snapshot *snap, const struct object *t)
{
	size_t name_w = 6, type_w = 4;
	struct strbuf sb = STRBUF_INIT;

	fputs(obj_get(t, "persistence") && obj_get(t, "persistence")[0] == 'u' ?
	      "\nunlogged table " : "\ntable ", out);
	put_qualified(out, t);
	fputc('\n', out);
	for (size_t i = 0; i < t->nchildren; i++) {
		size_t w = utf8_width(t->children[i]->name);
		size_t tw = utf8_width(obj_get(t->children[i], "type"));
		if (w > name_w)
			name_w = w;
		if (tw > type_w)
			type_w = tw;
	}
	for (size_t i = 0; i < t->nchildren; i++) {
		const struct object *col = t->children[i];
		fputs("  ", out);
		put_padded(out, col->name, name_w + 2);
		put_padded(out, obj_get(col, "type"), type_w + 2);
		column_facts(&sb, col);
		fprintf(out, "%s\n", sb.buf);
	}
	/* constraints and indexes hang off the table: find them by parent */
	for (size_t i = 0; i < snap->nobjects; i++) {
		const struct object *o = snap->objects[i];
		if (o->parent != t || o->kind == OBJ_COLUMN)
			continue;
		if (o->kind == OBJ_CONSTRAINT)
			fprintf(out, "  constraint %s %s\n", o->name,
				obj_get(o, "definition"));
		else if (o->kind == OBJ_INDEX)
			fprintf(out, "  index %s\n", obj_get(o, "definition"));
	}
	strbuf_release(&sb);
}

void inspect_write(FILE *out, const struct snapshot *snap)
{
	fprintf(out, "-- %s (PostgreSQL %s)\n", snap->origin, snap->server_version);
	for (size_t i = 0; i < snap->nobjects; i++) {
		const struct object *o = snap->objects[i];
		switch (o->kind) {
		case OBJ_SCHEMA:
			fprintf(out, "\nschema %s\n", o->name);
			break;
		case OBJ_EXTENSION:
			fprintf(out, "\nextension %s %s in schema %s\n", o->name,
				obj_get(o, "version"), obj_get(o, "ext_schema"));
			break;
		case OBJ_ENUM:
			fputs("\nenum ", out);
			put_qualified(out, o);
			fprintf(out, " %s\n", obj_get(o, "labels"));
			break;
		case OBJ_SEQUENCE:
			fputs("\nsequence ", out);
			put_qualified(out, o);
			fprintf(out, " as %s", obj_get(o, "data_type"));
			if (obj_get(o, "owned_by"))
				fprintf(out, ", owned by %s", obj_get(o, "owned_by"));
			fputc('\n', out);
			break;
		case OBJ_TABLE:
			table(out, snap, o);
			break;
		default:
			break;
		}
	}
	for (size_t i = 0; i < snap->nunhandled; i++)
		fprintf(out, "\nnot handled yet: %s: %zu (%s)\n",
			snap->unhandled[i].kind, snap->unhandled[i].count,
			snap->unhandled[i].names);
}
