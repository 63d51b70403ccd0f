/* aggregate.c: aggregates, written from pg_aggregate; any change drops and re-creates. */
#include <stdlib.h>
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

/* "aggregate public.a(integer)": what reasons call it. */
static const char *aggregate_name(struct plan *plan, const struct object *o)
{
	char *name = obj_display_name(o);
	const char *what = arena_printf(&plan->arena, "aggregate %s(%s)", name,
					o->args ? o->args : "");
	free(name);
	return what;
}

/* "public.a(integer)"; an aggregate without arguments is written a(*). */
static void add_signature(struct strbuf *sql, const struct object *o,
			  const char *attr)
{
	const char *args = obj_get(o, attr);

	quote_qualified(sql, o->schema, o->name);
	strbuf_addf(sql, "(%s)", args && *args ? args : "*");
}

static const char *modify_word(const char *m)
{
	return m && *m == 's' ? "SHAREABLE" : m && *m == 'w' ? "READ_WRITE" :
	       "READ_ONLY";
}

static void aggregate_create(struct plan *plan, const struct object *o)
{
	/* Options taken as written: functions, types, numbers. */
	static const struct {
		const char *attr, *option;
	} plain[] = {
		{ "sspace", "SSPACE" },
		{ "finalfunc", "FINALFUNC" },
		{ "combinefunc", "COMBINEFUNC" },
		{ "serialfunc", "SERIALFUNC" },
		{ "deserialfunc", "DESERIALFUNC" },
		{ "msfunc", "MSFUNC" },
		{ "minvfunc", "MINVFUNC" },
		{ "mstype", "MSTYPE" },
		{ "msspace", "MSSPACE" },
		{ "mfinalfunc", "MFINALFUNC" },
		{ "sortop", "SORTOP" },
	};
	struct strbuf sql = STRBUF_INIT;
	const char *v, *parallel = obj_get(o, "parallel");

	strbuf_adds(&sql, "CREATE AGGREGATE ");
	add_signature(&sql, o, "arguments");
	strbuf_addf(&sql, " (SFUNC = %s, STYPE = %s", obj_get(o, "sfunc"),
		    obj_get(o, "stype"));
	for (size_t i = 0; i < sizeof(plain) / sizeof(*plain); i++)
		if ((v = obj_get(o, plain[i].attr)))
			strbuf_addf(&sql, ", %s = %s", plain[i].option, v);
	if (obj_get(o, "finalfunc")) {
		if (obj_flag(o, "finalfunc_extra"))
			strbuf_adds(&sql, ", FINALFUNC_EXTRA");
		strbuf_addf(&sql, ", FINALFUNC_MODIFY = %s",
			    modify_word(obj_get(o, "finalfunc_modify")));
	}
	if (obj_get(o, "mfinalfunc")) {
		if (obj_flag(o, "mfinalfunc_extra"))
			strbuf_adds(&sql, ", MFINALFUNC_EXTRA");
		strbuf_addf(&sql, ", MFINALFUNC_MODIFY = %s",
			    modify_word(obj_get(o, "mfinalfunc_modify")));
	}
	if ((v = obj_get(o, "initcond"))) {
		strbuf_adds(&sql, ", INITCOND = ");
		quote_literal(&sql, v);
	}
	if ((v = obj_get(o, "minitcond"))) {
		strbuf_adds(&sql, ", MINITCOND = ");
		quote_literal(&sql, v);
	}
	if (parallel && *parallel == 's')
		strbuf_adds(&sql, ", PARALLEL = SAFE");
	else if (parallel && *parallel == 'r')
		strbuf_adds(&sql, ", PARALLEL = RESTRICTED");
	if (str_equal(obj_get(o, "kind"), "h"))
		strbuf_adds(&sql, ", HYPOTHETICAL");
	strbuf_addch(&sql, ')');
	plan_add(plan, ACT_CREATE, CH_CREATE_AGGREGATE, o,
		 aggregate_name(plan, o), &sql);
	strbuf_release(&sql);
}

static void drop_aggregate(struct plan *plan, const struct object *o,
			   enum change ch)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, "DROP AGGREGATE ");
	add_signature(&sql, o, "identity");
	plan_add(plan, ACT_DROP, ch, o, aggregate_name(plan, o), &sql);
	strbuf_release(&sql);
}

static void aggregate_drop(struct plan *plan, const struct object *o)
{
	drop_aggregate(plan, o, CH_DROP_AGGREGATE);
}

/* ALTER AGGREGATE changes only names, owners and schemas: re-create. */
static void aggregate_alter(struct plan *plan, const struct object *from,
			    const struct object *to)
{
	if (obj_same_attrs(from, to))
		return;
	drop_aggregate(plan, from, CH_RECREATE_DROP);
	aggregate_create(plan, to);
}

const struct kind_ops aggregate_ops = {
	aggregate_create, aggregate_drop, aggregate_alter
};
