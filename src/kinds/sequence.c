/* sequence.c: free-standing sequences, their options and OWNED BY. */
#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"

/* Clauses in the order CREATE SEQUENCE documents them. */
static const struct {
	const char *attr;
	const char *clause;
} options[] = {
	{ "data_type", " AS " },
	{ "increment", " INCREMENT BY " },
	{ "minvalue", " MINVALUE " },
	{ "maxvalue", " MAXVALUE " },
	{ "start", " START WITH " },
	{ "cache", " CACHE " },
};

static void add_options(struct strbuf *sql, const struct object *from,
			const struct object *to)
{
	for (size_t i = 0; i < sizeof(options) / sizeof(options[0]); i++) {
		if (from && !obj_attr_differs(from, to, options[i].attr))
			continue;
		strbuf_adds(sql, options[i].clause);
		strbuf_adds(sql, obj_get(to, options[i].attr));
	}
	if (!from || obj_attr_differs(from, to, "cycle"))
		strbuf_adds(sql, obj_flag(to, "cycle") ? " CYCLE" : " NO CYCLE");
}

/* OWNED BY is its own statement: it needs the column, which may need us. */
static void set_owner(struct plan *plan, const struct object *from,
		      const struct object *to)
{
	struct strbuf sql = STRBUF_INIT;
	const char *owner = obj_get(to, "owned_by");
	struct stmt *st;

	strbuf_adds(&sql, "ALTER SEQUENCE ");
	quote_qualified(&sql, to->schema, to->name);
	strbuf_adds(&sql, " OWNED BY ");
	strbuf_adds(&sql, owner ? owner : "NONE");
	st = plan_add(plan, ACT_ALTER, CH_SEQUENCE_OWNER, to, NULL, &sql);
	st->custom_keys = 1;
	keylist_add(plan, &st->needs, to->key);
	if (owner)
		keylist_add(plan, &st->needs,
			    arena_printf(&plan->arena, "column %s", owner));
	if (from && obj_get(from, "owned_by"))
		keylist_add(plan, &st->unneeds,
			    arena_printf(&plan->arena, "column %s",
					 obj_get(from, "owned_by")));
	strbuf_release(&sql);
}

/*
 * A sequence statement needs only the schema: the column that owns the
 * sequence may itself need the sequence, and OWNED BY waits for it.
 */
static void needs_schema_only(struct plan *plan, struct stmt *st,
			      const struct object *o, int creates_relation)
{
	st->custom_keys = 1;
	keylist_add(plan, &st->creates, o->key);
	if (creates_relation)
		keylist_add(plan, &st->creates,
			    arena_printf(&plan->arena, "rel %s",
					 o->key + sizeof("sequence")));
	for (size_t i = 0; i < o->ndeps; i++)
		if (o->deps[i].on->kind == OBJ_SCHEMA)
			keylist_add(plan, &st->needs, o->deps[i].on->key);
}

static void sequence_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;
	const char *persistence = obj_get(o, "persistence");

	strbuf_adds(&sql, persistence && persistence[0] == 'u' ?
		    "CREATE UNLOGGED SEQUENCE " : "CREATE SEQUENCE ");
	quote_qualified(&sql, o->schema, o->name);
	add_options(&sql, NULL, o);
	st = plan_add(plan, ACT_CREATE, CH_CREATE_SEQUENCE, o, NULL, &sql);
	needs_schema_only(plan, st, o, 1);
	if (obj_get(o, "owned_by"))
		set_owner(plan, NULL, o);
	strbuf_release(&sql);
}

static void sequence_drop(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, "DROP SEQUENCE ");
	quote_qualified(&sql, o->schema, o->name);
	plan_add(plan, ACT_DROP, CH_DROP_SEQUENCE, o, NULL, &sql);
	strbuf_release(&sql);
}

static void sequence_alter(struct plan *plan, const struct object *from,
			   const struct object *to)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, "ALTER SEQUENCE ");
	quote_qualified(&sql, to->schema, to->name);
	{
		size_t len = sql.len;
		add_options(&sql, from, to);
		if (sql.len > len)
			needs_schema_only(plan, plan_add(plan, ACT_ALTER,
				CH_ALTER_SEQUENCE, to, NULL, &sql), to, 0);
	}
	if (obj_attr_differs(from, to, "persistence")) {
		strbuf_reset(&sql);
		strbuf_adds(&sql, "ALTER SEQUENCE ");
		quote_qualified(&sql, to->schema, to->name);
		strbuf_adds(&sql, obj_get(to, "persistence")[0] == 'u' ?
			    " SET UNLOGGED" : " SET LOGGED");
		needs_schema_only(plan, plan_add(plan, ACT_ALTER,
			CH_ALTER_SEQUENCE, to, NULL, &sql), to, 0);
	}
	if (obj_attr_differs(from, to, "owned_by"))
		set_owner(plan, from, to);
	strbuf_release(&sql);
}

const struct kind_ops sequence_ops = {
	sequence_create, sequence_drop, sequence_alter
};
