/*
 * operator.c: operators, keyed by name and operand types.  ALTER OPERATOR
 * sets the selectivity estimators (and, from PostgreSQL 17, adds a missing
 * commutator, negator, HASHES or MERGES); anything else drops and
 * re-creates the operator.
 */
#include <stdlib.h>
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

/* "public.===": operator names are never quoted, only their schema. */
static void add_operator_name(struct strbuf *sql, const struct object *o)
{
	quote_ident(sql, o->schema);
	strbuf_addf(sql, ".%s", o->name);
}

/* "public.=== (integer, integer)": how DROP, ALTER and COMMENT name it. */
static void add_signature(struct strbuf *sql, const struct object *o)
{
	add_operator_name(sql, o);
	strbuf_addf(sql, " (%s)", o->args ? o->args : "");
}

/* "operator public.===(integer, integer)": what reasons call it. */
static const char *operator_name(struct plan *plan, const struct object *o)
{
	char *name = obj_display_name(o);
	const char *what = arena_printf(&plan->arena, "operator %s", name);

	free(name);
	return what;
}

/*
 * The key of the operator an OPERATOR(schema.name) reference in o names:
 * a commutator takes o's operands swapped, a negator o's own.
 */
static const char *referenced_key(struct plan *plan, const struct object *o,
				  const char *ref, int swapped)
{
	const char *left = obj_get(o, "leftarg"), *right = obj_get(o, "rightarg");
	const char *open = strchr(ref, '('), *close = strrchr(ref, ')');
	const char *dot = NULL;
	struct strbuf schema = STRBUF_INIT, sb = STRBUF_INIT, args = STRBUF_INIT;
	int quoted = 0;
	const char *key;

	if (!open || !close || close < open)
		return NULL;
	/* the schema ends at the first dot outside double quotes */
	for (const char *p = open + 1; p < close && !dot; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (*p == '.' && !quoted)
			dot = p;
	}
	if (!dot)
		return NULL;
	quoted = 0;
	for (const char *p = open + 1; p < dot; p++) {
		if (*p != '"')
			strbuf_addch(&schema, *p);
		else if (quoted && p[1] == '"')
			strbuf_addch(&schema, *p++);
		else
			quoted = !quoted;
	}
	if (swapped) {
		const char *t = left;
		left = right;
		right = t;
	}
	strbuf_addf(&args, "%s, %s", left ? left : "NONE", right ? right : "NONE");
	obj_make_key(&sb, OBJ_OPERATOR, schema.buf, NULL,
		     arena_strndup(&plan->arena, dot + 1,
				   (size_t)(close - dot - 1)),
		     args.buf);
	key = arena_strdup(&plan->arena, sb.buf);
	strbuf_release(&schema);
	strbuf_release(&sb);
	strbuf_release(&args);
	return key;
}

static void operator_create(struct plan *plan, const struct object *o)
{
	static const struct {
		const char *attr, *option;
	} options[] = {
		{ "leftarg", "LEFTARG" },
		{ "rightarg", "RIGHTARG" },
		{ "commutator", "COMMUTATOR" },
		{ "negator", "NEGATOR" },
		{ "restrict", "RESTRICT" },
		{ "join", "JOIN" },
	};
	struct strbuf sql = STRBUF_INIT;
	const char *v;

	strbuf_adds(&sql, "CREATE OPERATOR ");
	add_operator_name(&sql, o);
	strbuf_addf(&sql, " (FUNCTION = %s", obj_get(o, "function"));
	for (size_t i = 0; i < sizeof(options) / sizeof(*options); i++)
		if ((v = obj_get(o, options[i].attr)))
			strbuf_addf(&sql, ", %s = %s", options[i].option, v);
	if (obj_flag(o, "hashes"))
		strbuf_adds(&sql, ", HASHES");
	if (obj_flag(o, "merges"))
		strbuf_adds(&sql, ", MERGES");
	strbuf_addch(&sql, ')');
	/*
	 * A commutator or negator not yet created is made a shell, which its
	 * own CREATE OPERATOR fills in later: no order is needed between them.
	 */
	plan_add(plan, ACT_CREATE, CH_CREATE_OPERATOR, o, operator_name(plan, o),
		 &sql);
	strbuf_release(&sql);
}

static void drop_operator(struct plan *plan, const struct object *o,
			  enum change ch)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, "DROP OPERATOR ");
	add_signature(&sql, o);
	plan_add(plan, ACT_DROP, ch, o, operator_name(plan, o), &sql);
	strbuf_release(&sql);
}

static void operator_drop(struct plan *plan, const struct object *o)
{
	drop_operator(plan, o, CH_DROP_OPERATOR);
}

/* The facts only a re-create can change, whatever the server. */
static int needs_recreate(const struct object *from, const struct object *to)
{
	static const char *const fixed[] = { "function", "leftarg", "rightarg",
					     "result" };

	for (size_t i = 0; i < sizeof(fixed) / sizeof(*fixed); i++)
		if (obj_attr_differs(from, to, fixed[i]))
			return 1;
	return 0;
}

/* Major version of a snapshot's server ("17.2" -> 17; unknown -> 0). */
static int server_major(const struct snapshot *s)
{
	return s && s->server_version ? atoi(s->server_version) : 0;
}

/*
 * Whether o's commutator (swapped) or negator link must change: one to an
 * operator the plan drops goes with it (PostgreSQL clears the link).
 */
static int link_differs(struct plan *plan, const struct object *from,
			const struct object *to, const char *attr, int swapped)
{
	const char *old = obj_get(from, attr), *new = obj_get(to, attr);
	const char *key;

	if (str_equal(old, new))
		return 0;
	if (old && !new) {
		key = referenced_key(plan, from, old, swapped);
		if (key && !snapshot_find(plan->to, key))
			return 0;
	}
	return 1;
}

static void add_set_option(struct strbuf *sql, int *n, const char *option,
			   const char *value)
{
	strbuf_addf(sql, "%s%s = %s", (*n)++ ? ", " : "", option,
		    value ? value : "NONE");
}

/* ALTER needs the operator a new link names: unlike CREATE, it makes no shell. */
static void need_linked(struct plan *plan, struct stmt *st,
			const struct object *to, const char *attr, int swapped)
{
	const char *key = referenced_key(plan, to, obj_get(to, attr), swapped);

	if (key && strcmp(key, to->key))
		keylist_add(plan, &st->needs, key);
}

/*
 * From PostgreSQL 17, ALTER OPERATOR SET can give a commutator or negator
 * to an operator without one and turn HASHES or MERGES on; never the other
 * way.  Anything else but the estimators drops and re-creates it.
 */
static void operator_alter(struct plan *plan, const struct object *from,
			   const struct object *to)
{
	struct strbuf sql = STRBUF_INIT;
	int com = link_differs(plan, from, to, "commutator", 1);
	int neg = link_differs(plan, from, to, "negator", 0);
	int hashes = obj_attr_differs(from, to, "hashes");
	int merges = obj_attr_differs(from, to, "merges");
	int rest = obj_attr_differs(from, to, "restrict");
	int join = obj_attr_differs(from, to, "join");
	int settable = server_major(plan->from) >= 17 &&
		       !(com && obj_get(from, "commutator")) &&
		       !(neg && obj_get(from, "negator")) &&
		       !(hashes && obj_flag(from, "hashes")) &&
		       !(merges && obj_flag(from, "merges"));
	int n = 0;
	struct stmt *st;

	if (needs_recreate(from, to) ||
	    ((com || neg || hashes || merges) && !settable)) {
		drop_operator(plan, from, CH_RECREATE_DROP);
		operator_create(plan, to);
		return;
	}
	if (!(com || neg || hashes || merges || rest || join))
		return;
	strbuf_adds(&sql, "ALTER OPERATOR ");
	add_signature(&sql, to);
	strbuf_adds(&sql, " SET (");
	if (rest)
		add_set_option(&sql, &n, "RESTRICT", obj_get(to, "restrict"));
	if (join)
		add_set_option(&sql, &n, "JOIN", obj_get(to, "join"));
	if (com)
		add_set_option(&sql, &n, "COMMUTATOR", obj_get(to, "commutator"));
	if (neg)
		add_set_option(&sql, &n, "NEGATOR", obj_get(to, "negator"));
	if (hashes)
		strbuf_addf(&sql, "%sHASHES", n++ ? ", " : "");
	if (merges)
		strbuf_addf(&sql, "%sMERGES", n++ ? ", " : "");
	strbuf_addch(&sql, ')');
	st = plan_add(plan, ACT_ALTER, CH_ALTER_OPERATOR, to,
		      operator_name(plan, to), &sql);
	if (com)
		need_linked(plan, st, to, "commutator", 1);
	if (neg)
		need_linked(plan, st, to, "negator", 0);
	strbuf_release(&sql);
}

const struct kind_ops operator_ops = {
	operator_create, operator_drop, operator_alter
};
