/* test_base_type.c: the type <-> function repair: base types and their I/O functions. */
#include <string.h>

#include "pgdiff/plan.h"
#include "helpers.h"
#include "test.h"

static struct object *function(struct snapshot *s, const char *name,
			       const char *definition)
{
	const char *facts[] = { "identity", "", "definition", definition,
				"result", "x", NULL };
	return test_object(s, OBJ_FUNCTION, "public", name, NULL, facts);
}

/*
 * Base type public.t with I/O functions t_in and t_out (each depending on
 * the type, which depends on them) and, if recv, a receive function too;
 * a table public.tab with a column of the type.
 */
static void base_type(struct snapshot *s, const char *category, int recv)
{
	const char *facts[] = { "input", "public.t_in", "output", "public.t_out",
				"receive", recv ? "public.t_recv" : NULL,
				"internallength", "VARIABLE",
				"alignment", "int4", "storage", "extended",
				"category", category, NULL };
	struct object *schema = test_object(s, OBJ_SCHEMA, NULL, "public", NULL, NULL);
	struct object *t = test_object(s, OBJ_BASE_TYPE, "public", "t", NULL, facts);
	struct object *in = function(s, "t_in", "CREATE FUNCTION public.t_in");
	struct object *out = function(s, "t_out", "CREATE FUNCTION public.t_out");
	struct object *tab = test_object(s, OBJ_TABLE, "public", "tab", NULL, NULL);
	const char *colfacts[] = { "type", "public.t", NULL };
	struct object *col = test_object(s, OBJ_COLUMN, "public", "c", tab, colfacts);

	snapshot_add_dep(s, t, schema, 'n');
	snapshot_add_dep(s, in, schema, 'n');
	snapshot_add_dep(s, out, schema, 'n');
	snapshot_add_dep(s, tab, schema, 'n');
	snapshot_add_dep(s, in, t, 'n');
	snapshot_add_dep(s, out, t, 'n');
	snapshot_add_dep(s, t, in, 'n');
	snapshot_add_dep(s, t, out, 'n');
	snapshot_add_dep(s, col, t, 'n');
	if (recv) {
		struct object *r = function(s, "t_recv", "CREATE FUNCTION public.t_recv");
		snapshot_add_dep(s, r, schema, 'n');
		snapshot_add_dep(s, r, t, 'n');
		snapshot_add_dep(s, t, r, 'n');
	}
	snapshot_finish(s);
}

static void only_schema(struct snapshot *s)
{
	test_object(s, OBJ_SCHEMA, NULL, "public", NULL, NULL);
	snapshot_finish(s);
}

static void test_create(void)
{
	struct snapshot from, to;
	struct plan p;

	snapshot_init(&from);
	snapshot_init(&to);
	only_schema(&from);
	base_type(&to, "U", 0);
	plan_build(&p, &from, &to);
	CHECK(p.ncycles == 0);
	CHECK(plan_position(&p, "CREATE TYPE public.t") == 0);
	CHECK(plan_runs_before(&p, "CREATE TYPE public.t", "CREATE FUNCTION public.t_in"));
	CHECK(plan_runs_before(&p, "CREATE TYPE public.t", "CREATE FUNCTION public.t_out"));
	CHECK(plan_runs_before(&p, "CREATE FUNCTION public.t_in", "CREATE TYPE public.t (INPUT"));
	CHECK(plan_runs_before(&p, "CREATE FUNCTION public.t_out", "CREATE TYPE public.t (INPUT"));
	CHECK(plan_runs_before(&p, "CREATE TYPE public.t (INPUT", "CREATE TABLE public.tab"));
	CHECK(p.worst == SEV_MINOR);
	plan_release(&p);
	snapshot_release(&from);
	snapshot_release(&to);
}

static void test_drop(void)
{
	struct snapshot from, to;
	struct plan p;

	snapshot_init(&from);
	snapshot_init(&to);
	base_type(&from, "U", 0);
	only_schema(&to);
	plan_build(&p, &from, &to);
	CHECK(p.ncycles == 0);
	/* the I/O functions go with the type's CASCADE */
	CHECK(plan_position(&p, "DROP FUNCTION") < 0);
	CHECK(plan_runs_before(&p, "DROP TABLE public.tab", "DROP TYPE public.t CASCADE"));
	CHECK(p.nstmts == 2);
	plan_release(&p);
	snapshot_release(&from);
	snapshot_release(&to);
}

/* A change ALTER TYPE cannot make: the type and its functions come back. */
static void test_recreate(void)
{
	struct snapshot from, to;
	struct plan p;

	snapshot_init(&from);
	snapshot_init(&to);
	base_type(&from, "U", 0);
	base_type(&to, "S", 0);
	plan_build(&p, &from, &to);
	CHECK(p.ncycles == 0);
	/* a column keeps using the type: no CASCADE, which would drop it */
	CHECK(plan_position(&p, "DROP TYPE public.t CASCADE") < 0);
	CHECK(plan_position(&p, "DROP TYPE public.t") == 0);
	CHECK(p.stmts[0]->change == CH_RECREATE_USED_BASE_TYPE);
	CHECK(plan_position(&p, "DROP FUNCTION") < 0);
	CHECK(plan_runs_before(&p, "CREATE TYPE public.t", "CREATE FUNCTION public.t_in"));
	CHECK(plan_runs_before(&p, "CREATE FUNCTION public.t_in", "CREATE TYPE public.t (INPUT"));
	CHECK(plan_runs_before(&p, "CREATE FUNCTION public.t_out", "CREATE TYPE public.t (INPUT"));
	CHECK(p.nstmts == 5);
	plan_release(&p);
	snapshot_release(&from);
	snapshot_release(&to);
}

/* A new receive function returns the type that ALTER TYPE then gives it. */
static void test_alter_set(void)
{
	struct snapshot from, to;
	struct plan p;

	snapshot_init(&from);
	snapshot_init(&to);
	base_type(&from, "U", 0);
	base_type(&to, "U", 1);
	plan_build(&p, &from, &to);
	CHECK(p.ncycles == 0);
	CHECK(p.nstmts == 2);
	CHECK(plan_runs_before(&p, "CREATE FUNCTION public.t_recv",
			       "ALTER TYPE public.t SET (RECEIVE = public.t_recv)"));
	plan_release(&p);
	snapshot_release(&from);
	snapshot_release(&to);
}

void test_base_type(void)
{
	test_create();
	test_drop();
	test_recreate();
	test_alter_set();
}
