/* test_view.c: views on hand-built snapshots: replace or re-create, options, cascades. */
#include <string.h>

#include "pgdiff/plan.h"
#include "helpers.h"
#include "test.h"

/* public.t (a integer, b text) and, when given, views on it. */
struct side {
	struct snapshot s;
	struct object *schema, *t, *a, *b;
};

static void side_init(struct side *x, const char *a_type)
{
	const char *a_facts[] = { "type", a_type, "not_null", "f", NULL };
	const char *b_facts[] = { "type", "text", "not_null", "f", NULL };

	snapshot_init(&x->s);
	x->schema = snapshot_add(&x->s, OBJ_SCHEMA, NULL, "public", NULL,
				 NULL, 0, NULL);
	x->t = snapshot_add(&x->s, OBJ_TABLE, "public", "t", NULL, NULL, 0,
			    NULL);
	{
		struct attr attrs[2] = { { a_facts[0], a_facts[1] },
					 { a_facts[2], a_facts[3] } };
		x->a = snapshot_add(&x->s, OBJ_COLUMN, "public", "a", x->t,
				    attrs, 2, NULL);
	}
	{
		struct attr attrs[2] = { { b_facts[0], b_facts[1] },
					 { b_facts[2], b_facts[3] } };
		x->b = snapshot_add(&x->s, OBJ_COLUMN, "public", "b", x->t,
				    attrs, 2, NULL);
	}
	snapshot_add_dep(&x->s, x->t, x->schema, 'n');
}

static struct object *view(struct side *x, const char *name,
			   const char *definition, const char *columns,
			   const char *options, int materialized)
{
	struct attr attrs[] = {
		{ "materialized", materialized ? "t" : "f" },
		{ "definition", definition },
		{ "columns", columns },
		{ "options", options },
		{ "populated", materialized ? "t" : NULL },
	};
	struct object *v = snapshot_add(&x->s, OBJ_VIEW, "public", name, NULL,
					attrs, 5, NULL);
	snapshot_add_dep(&x->s, v, x->schema, 'n');
	return v;
}

static void side_release(struct side *x)
{
	snapshot_release(&x->s);
}

/* New columns at the end: CREATE OR REPLACE; otherwise drop and create. */
static void test_replace_or_recreate(void)
{
	struct side a, b;
	struct object *v;
	struct plan p;

	side_init(&a, "integer");
	v = view(&a, "ok", " SELECT t.a FROM public.t", "a integer", NULL, 0);
	snapshot_add_dep(&a.s, v, a.a, 'n');
	v = view(&a, "bad", " SELECT t.a, t.b FROM public.t",
		 "a integer, b text", NULL, 0);
	snapshot_add_dep(&a.s, v, a.a, 'n');
	snapshot_add_dep(&a.s, v, a.b, 'n');
	/* "a integer[]" starts with "a integer" but is another type */
	v = view(&a, "prefix", " SELECT t.a FROM public.t", "a integer", NULL, 0);
	snapshot_add_dep(&a.s, v, a.a, 'n');
	snapshot_finish(&a.s);

	side_init(&b, "integer");
	v = view(&b, "ok", " SELECT t.a, t.b FROM public.t",
		 "a integer, b text", NULL, 0);
	snapshot_add_dep(&b.s, v, b.a, 'n');
	snapshot_add_dep(&b.s, v, b.b, 'n');
	v = view(&b, "bad", " SELECT t.b FROM public.t", "b text", NULL, 0);
	snapshot_add_dep(&b.s, v, b.b, 'n');
	v = view(&b, "prefix", " SELECT ARRAY[t.a] AS a FROM public.t",
		 "a integer[]", NULL, 0);
	snapshot_add_dep(&b.s, v, b.a, 'n');
	snapshot_finish(&b.s);

	plan_build(&p, &a.s, &b.s);
	CHECK(p.ncycles == 0);
	CHECK(plan_position(&p, "CREATE OR REPLACE VIEW public.ok AS\n SELECT t.a, t.b") >= 0);
	CHECK(plan_runs_before(&p, "DROP VIEW public.bad", "CREATE VIEW public.bad AS\n SELECT t.b"));
	CHECK(plan_runs_before(&p, "DROP VIEW public.prefix", "CREATE VIEW public.prefix AS"));
	CHECK(p.nstmts == 5);
	CHECK(p.worst == SEV_MAJOR);
	plan_release(&p);
	side_release(&a);
	side_release(&b);
}

/* A view over a retyped column goes before the ALTER and comes back after. */
static void test_retyped_column(void)
{
	struct side a, b;
	struct object *v, *w;
	struct plan p;

	side_init(&a, "integer");
	v = view(&a, "v", " SELECT t.b FROM public.t WHERE t.a > 0", "b text",
		 NULL, 0);
	snapshot_add_dep(&a.s, v, a.a, 'n');
	snapshot_add_dep(&a.s, v, a.b, 'n');
	w = view(&a, "w", " SELECT v.b FROM public.v", "b text", NULL, 0);
	snapshot_add_dep(&a.s, w, v, 'n');
	snapshot_finish(&a.s);

	side_init(&b, "bigint");
	/* a compatible change of its own cannot be a CREATE OR REPLACE */
	v = view(&b, "v", " SELECT t.b FROM public.t WHERE t.a > 1", "b text",
		 NULL, 0);
	snapshot_add_dep(&b.s, v, b.a, 'n');
	snapshot_add_dep(&b.s, v, b.b, 'n');
	w = view(&b, "w", " SELECT v.b FROM public.v", "b text", NULL, 0);
	snapshot_add_dep(&b.s, w, v, 'n');
	snapshot_finish(&b.s);

	plan_build(&p, &a.s, &b.s);
	CHECK(p.ncycles == 0);
	CHECK(plan_position(&p, "CREATE OR REPLACE") < 0);
	CHECK(plan_runs_before(&p, "DROP VIEW public.w", "DROP VIEW public.v"));
	CHECK(plan_runs_before(&p, "DROP VIEW public.v", "ALTER TABLE public.t ALTER COLUMN a TYPE bigint"));
	CHECK(plan_runs_before(&p, "ALTER TABLE public.t ALTER COLUMN a TYPE bigint", "CREATE VIEW public.v"));
	CHECK(plan_runs_before(&p, "CREATE VIEW public.v", "CREATE VIEW public.w"));
	CHECK(p.nstmts == 5);
	plan_release(&p);
	side_release(&a);
	side_release(&b);
}

/*
 * A view the planner re-creates (what it reads is re-created) that also
 * changes on its own: its statements run after the re-creation, no cycle.
 */
static void test_replace_inside_cascade(void)
{
	struct side a, b;
	struct object *v, *w, *m;
	struct plan p;

	side_init(&a, "integer");
	v = view(&a, "v", " SELECT t.a FROM public.t", "a integer", NULL, 0);
	snapshot_add_dep(&a.s, v, a.a, 'n');
	w = view(&a, "w", " SELECT v.a FROM public.v", "a integer", NULL, 0);
	snapshot_add_dep(&a.s, w, v, 'n');
	m = view(&a, "m", " SELECT v.a FROM public.v", "a integer", NULL, 1);
	snapshot_add_dep(&a.s, m, v, 'n');
	snapshot_finish(&a.s);

	side_init(&b, "integer");
	v = view(&b, "v", " SELECT t.b, t.a FROM public.t", "b text, a integer",
		 NULL, 0);
	snapshot_add_dep(&b.s, v, b.a, 'n');
	snapshot_add_dep(&b.s, v, b.b, 'n');
	w = view(&b, "w", " SELECT v.a, v.b FROM public.v", "a integer, b text",
		 "security_barrier=true", 0);
	snapshot_add_dep(&b.s, w, v, 'n');
	m = view(&b, "m", " SELECT v.a FROM public.v", "a integer",
		 "fillfactor=50", 1);
	snapshot_add_dep(&b.s, m, v, 'n');
	snapshot_finish(&b.s);

	plan_build(&p, &a.s, &b.s);
	CHECK(p.ncycles == 0);
	CHECK(plan_runs_before(&p, "DROP VIEW public.w", "DROP VIEW public.v"));
	CHECK(plan_runs_before(&p, "DROP MATERIALIZED VIEW public.m", "DROP VIEW public.v"));
	CHECK(plan_runs_before(&p, "CREATE VIEW public.v", "CREATE VIEW public.w"));
	/* the re-creation writes the target state: no ALTER repeats it */
	CHECK(plan_position(&p, "CREATE VIEW public.w") >= 0);
	CHECK(plan_position(&p, "CREATE OR REPLACE VIEW public.w") < 0);
	CHECK(plan_position(&p, "CREATE MATERIALIZED VIEW public.m WITH (fillfactor='50')") >= 0);
	CHECK(plan_position(&p, "ALTER MATERIALIZED VIEW public.m SET") < 0);
	plan_release(&p);
	side_release(&a);
	side_release(&b);
}

/* Options: one ALTER that sets what is new or changed and resets the rest. */
static void test_options(void)
{
	struct side a, b;
	struct plan p;

	side_init(&a, "integer");
	view(&a, "v", " SELECT 1", "\"?column?\" integer",
	     "check_option=local\nsecurity_barrier=true", 0);
	view(&a, "m", " SELECT 1", "\"?column?\" integer", "fillfactor=50", 1);
	view(&a, "same", " SELECT 1", "\"?column?\" integer",
	     "security_barrier=true", 0);
	snapshot_finish(&a.s);
	side_init(&b, "integer");
	view(&b, "v", " SELECT 1", "\"?column?\" integer",
	     "check_option=cascaded\nsecurity_invoker=true", 0);
	view(&b, "m", " SELECT 1", "\"?column?\" integer", NULL, 1);
	view(&b, "same", " SELECT 1", "\"?column?\" integer",
	     "security_barrier=true", 0);
	snapshot_finish(&b.s);

	plan_build(&p, &a.s, &b.s);
	CHECK(p.nstmts == 2);
	CHECK(plan_position(&p, "ALTER VIEW public.v SET (check_option='cascaded', security_invoker='true'), RESET (security_barrier)") >= 0);
	CHECK(plan_position(&p, "ALTER MATERIALIZED VIEW public.m RESET (fillfactor)") >= 0);
	CHECK(p.worst == SEV_MINOR);
	plan_release(&p);
	side_release(&a);
	side_release(&b);
}

void test_view(void)
{
	test_replace_or_recreate();
	test_retyped_column();
	test_replace_inside_cascade();
	test_options();
}
