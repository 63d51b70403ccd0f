/* test_plan.c: the planner on hand-built snapshots: order, cascades, determinism. */
#include <string.h>

#include "pgdiff/plan.h"
#include "helpers.h"
#include "test.h"

static struct object *column(struct snapshot *s, struct object *table,
			     const char *name, const char *type,
			     const char *def)
{
	const char *facts[] = { "type", type, "not_null", "t", "default", def,
				NULL };
	if (!def)
		facts[4] = NULL;
	return test_object(s, OBJ_COLUMN, table->schema, name, table, facts);
}

static struct object *constraint(struct snapshot *s, struct object *table,
				 const char *name, const char *type,
				 const char *def)
{
	const char *facts[] = { "type", type, "definition", def,
				"validated", "t", "deferrable", "f",
				"deferred", "f", NULL };
	return test_object(s, OBJ_CONSTRAINT, table->schema, name, table, facts);
}

/* Two tables whose foreign keys point at each other, in schema public. */
static void two_tables_fk_cycle(struct snapshot *s, const char *pk_def)
{
	struct object *schema = test_object(s, OBJ_SCHEMA, NULL, "public", NULL, NULL);
	struct object *a = test_object(s, OBJ_TABLE, "public", "a", NULL, NULL);
	struct object *b = test_object(s, OBJ_TABLE, "public", "b", NULL, NULL);
	struct object *a_id = column(s, a, "id", "integer", NULL);
	struct object *a_b = column(s, a, "b_id", "integer", NULL);
	struct object *b_id = column(s, b, "id", "integer", NULL);
	struct object *b_a = column(s, b, "a_id", "integer", NULL);
	struct object *a_pk = constraint(s, a, "a_pkey", "p", pk_def);
	struct object *b_pk = constraint(s, b, "b_pkey", "p", "PRIMARY KEY (id)");
	struct object *a_fk = constraint(s, a, "a_b_fkey", "f",
		"FOREIGN KEY (b_id) REFERENCES public.b(id)");
	struct object *b_fk = constraint(s, b, "b_a_fkey", "f",
		"FOREIGN KEY (a_id) REFERENCES public.a(id)");

	snapshot_add_dep(s, a, schema, 'n');
	snapshot_add_dep(s, b, schema, 'n');
	snapshot_add_dep(s, a_pk, a_id, 'a');
	snapshot_add_dep(s, b_pk, b_id, 'a');
	snapshot_add_dep(s, a_fk, a_b, 'a');
	snapshot_add_dep(s, a_fk, b_id, 'n');
	snapshot_add_dep(s, a_fk, b_pk, 'n');
	snapshot_add_dep(s, b_fk, b_a, 'a');
	snapshot_add_dep(s, b_fk, a_id, 'n');
	snapshot_add_dep(s, b_fk, a_pk, 'n');
	snapshot_finish(s);
}

static void only_schema(struct snapshot *s)
{
	test_object(s, OBJ_SCHEMA, NULL, "public", NULL, NULL);
	snapshot_finish(s);
}

static void test_fk_cycle_create(void)
{
	struct snapshot from, to;
	struct plan p;

	snapshot_init(&from);
	snapshot_init(&to);
	only_schema(&from);
	two_tables_fk_cycle(&to, "PRIMARY KEY (id)");
	plan_build(&p, &from, &to);
	CHECK(p.ncycles == 0);
	CHECK(p.nstmts == 6);
	CHECK(plan_runs_before(&p, "CREATE TABLE public.a", "ALTER TABLE public.b ADD CONSTRAINT b_a_fkey"));
	CHECK(plan_runs_before(&p, "CREATE TABLE public.b", "ALTER TABLE public.a ADD CONSTRAINT a_b_fkey"));
	CHECK(plan_runs_before(&p, "ALTER TABLE public.b ADD CONSTRAINT b_pkey", "ALTER TABLE public.a ADD CONSTRAINT a_b_fkey"));
	CHECK(plan_runs_before(&p, "ALTER TABLE public.a ADD CONSTRAINT a_pkey", "ALTER TABLE public.b ADD CONSTRAINT b_a_fkey"));
	CHECK(p.worst == SEV_MINOR);
	plan_release(&p);
	snapshot_release(&from);
	snapshot_release(&to);
}

static void test_fk_cycle_drop(void)
{
	struct snapshot from, to;
	struct plan p;

	snapshot_init(&from);
	snapshot_init(&to);
	two_tables_fk_cycle(&from, "PRIMARY KEY (id)");
	only_schema(&to);
	plan_build(&p, &from, &to);
	CHECK(p.ncycles == 0);
	/* the keys go with their tables; the foreign keys go first */
	CHECK(plan_position(&p, "ALTER TABLE public.a DROP CONSTRAINT a_pkey") < 0);
	CHECK(plan_runs_before(&p, "ALTER TABLE public.a DROP CONSTRAINT a_b_fkey", "DROP TABLE public.b"));
	CHECK(plan_runs_before(&p, "ALTER TABLE public.b DROP CONSTRAINT b_a_fkey", "DROP TABLE public.a"));
	CHECK(p.worst == SEV_CRITICAL);
	CHECK(p.counts[SEV_CRITICAL] == p.nstmts);
	plan_release(&p);
	snapshot_release(&from);
	snapshot_release(&to);
}

/* A redefined primary key takes the foreign key that uses it along. */
static void test_recreate_cascade(void)
{
	struct snapshot from, to;
	struct plan p;

	snapshot_init(&from);
	snapshot_init(&to);
	two_tables_fk_cycle(&from, "PRIMARY KEY (id)");
	two_tables_fk_cycle(&to, "PRIMARY KEY (id, b_id)");
	plan_build(&p, &from, &to);
	CHECK(p.ncycles == 0);
	CHECK(plan_runs_before(&p, "ALTER TABLE public.b DROP CONSTRAINT b_a_fkey", "ALTER TABLE public.a DROP CONSTRAINT a_pkey"));
	CHECK(plan_runs_before(&p, "ALTER TABLE public.a DROP CONSTRAINT a_pkey", "ALTER TABLE public.a ADD CONSTRAINT a_pkey PRIMARY KEY (id, b_id)"));
	CHECK(plan_runs_before(&p, "ALTER TABLE public.a ADD CONSTRAINT a_pkey", "ALTER TABLE public.b ADD CONSTRAINT b_a_fkey"));
	/* the other foreign key is untouched */
	CHECK(plan_position(&p, "ALTER TABLE public.a DROP CONSTRAINT a_b_fkey") < 0);
	CHECK(p.nstmts == 4);
	plan_release(&p);
	snapshot_release(&from);
	snapshot_release(&to);
}

/* serial: the sequence first, then the table, then OWNED BY. */
static void serial_table(struct snapshot *s)
{
	const char *seq_facts[] = { "data_type", "integer", "start", "1",
		"increment", "1", "minvalue", "1", "maxvalue", "2147483647",
		"cache", "1", "cycle", "f", "owned_by", "public.t.id", NULL };
	struct object *schema = test_object(s, OBJ_SCHEMA, NULL, "public", NULL, NULL);
	struct object *seq = test_object(s, OBJ_SEQUENCE, "public", "t_id_seq", NULL,
				 seq_facts);
	struct object *t = test_object(s, OBJ_TABLE, "public", "t", NULL, NULL);
	struct object *id = column(s, t, "id", "integer",
				   "nextval('public.t_id_seq'::regclass)");

	snapshot_add_dep(s, seq, schema, 'n');
	snapshot_add_dep(s, t, schema, 'n');
	snapshot_add_dep(s, seq, id, 'a');
	snapshot_add_dep(s, id, seq, 'n');
	snapshot_finish(s);
}

static void test_serial_order(void)
{
	struct snapshot from, to;
	struct plan p;

	snapshot_init(&from);
	snapshot_init(&to);
	only_schema(&from);
	serial_table(&to);
	plan_build(&p, &from, &to);
	CHECK(p.ncycles == 0);
	CHECK(p.nstmts == 3);
	CHECK(plan_runs_before(&p, "CREATE SEQUENCE public.t_id_seq", "CREATE TABLE public.t"));
	CHECK(plan_runs_before(&p, "CREATE TABLE public.t", "ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id"));
	plan_release(&p);

	/* dropping the table takes its sequence along */
	plan_build(&p, &to, &from);
	CHECK(p.nstmts == 1);
	CHECK(plan_position(&p, "DROP TABLE public.t") == 0);
	plan_release(&p);
	snapshot_release(&from);
	snapshot_release(&to);
}

static void plan_text(struct strbuf *sb, const struct plan *p)
{
	for (size_t i = 0; i < p->nstmts; i++) {
		strbuf_adds(sb, p->stmts[i]->sql);
		strbuf_addch(sb, '\n');
	}
}

static void test_deterministic(void)
{
	struct snapshot a1, b1, a2, b2;
	struct plan p1, p2;
	struct strbuf s1 = STRBUF_INIT, s2 = STRBUF_INIT;

	snapshot_init(&a1);
	snapshot_init(&b1);
	snapshot_init(&a2);
	snapshot_init(&b2);
	two_tables_fk_cycle(&a1, "PRIMARY KEY (id)");
	serial_table(&b1);
	two_tables_fk_cycle(&a2, "PRIMARY KEY (id)");
	serial_table(&b2);
	plan_build(&p1, &a1, &b1);
	plan_build(&p2, &a2, &b2);
	plan_text(&s1, &p1);
	plan_text(&s2, &p2);
	CHECK(s1.len > 0);
	CHECK_STR(s1.buf, s2.buf);
	plan_release(&p1);
	plan_release(&p2);
	strbuf_release(&s1);
	strbuf_release(&s2);
	snapshot_release(&a1);
	snapshot_release(&b1);
	snapshot_release(&a2);
	snapshot_release(&b2);
}

static void test_identical_is_empty(void)
{
	struct snapshot a, b;
	struct plan p;

	snapshot_init(&a);
	snapshot_init(&b);
	two_tables_fk_cycle(&a, "PRIMARY KEY (id)");
	two_tables_fk_cycle(&b, "PRIMARY KEY (id)");
	plan_build(&p, &a, &b);
	CHECK(p.nstmts == 0);
	CHECK(p.worst == SEV_NONE);
	plan_release(&p);
	snapshot_release(&a);
	snapshot_release(&b);
}

/* Table public.t with the columns in names (space-separated). */
static void table_of(struct snapshot *s, const char *table, const char *names)
{
	struct object *schema = test_object(s, OBJ_SCHEMA, NULL, "public", NULL, NULL);
	struct object *t = test_object(s, OBJ_TABLE, "public", table, NULL, NULL);
	char buf[64], *name, *save;

	snapshot_add_dep(s, t, schema, 'n');
	strcpy(buf, names);
	for (name = strtok_r(buf, " ", &save); name; name = strtok_r(NULL, " ", &save))
		column(s, t, name, "integer", NULL);
	snapshot_finish(s);
}

/* The column order note for table public.t from columns a to columns b, or "". */
static void column_order_note(struct strbuf *note, const char *a, const char *b,
			      size_t *nstmts)
{
	struct snapshot from, to;
	struct plan p;

	snapshot_init(&from);
	snapshot_init(&to);
	table_of(&from, "t", a);
	table_of(&to, "t", b);
	plan_build(&p, &from, &to);
	*nstmts = p.nstmts;
	strbuf_reset(note);
	CHECK(p.ncolumn_orders <= 1);
	if (p.ncolumn_orders)
		describe_column_order(note, &p.column_orders[0]);
	plan_release(&p);
	snapshot_release(&from);
	snapshot_release(&to);
}

static void test_column_order(void)
{
	struct strbuf note = STRBUF_INIT;
	size_t n;

	/* added at the end: where the target has it */
	column_order_note(&note, "a c", "a c b", &n);
	CHECK_STR(note.buf, "");
	CHECK(n == 1);
	/* added in the middle: ADD COLUMN appends it */
	column_order_note(&note, "a c", "a b c", &n);
	CHECK_STR(note.buf, "the columns of table public.t end in the order a, c, b, "
		  "not the target's a, b, c: PostgreSQL adds columns at the end");
	/* a dropped column leaves no gap; the others stay in order */
	column_order_note(&note, "a x c", "a c d", &n);
	CHECK_STR(note.buf, "");
	CHECK(n == 2);
	/* the same columns in another order: nothing to run, nothing to note */
	column_order_note(&note, "b a", "a b", &n);
	CHECK(n == 0);
	CHECK_STR(note.buf, "");
	/* but with a script, an order it does not touch is noted too */
	column_order_note(&note, "b a", "a b c", &n);
	CHECK(n == 1);
	CHECK_STR(note.buf, "the columns of table public.t end in the order b, a, c, "
		  "not the target's a, b, c: PostgreSQL adds columns at the end");
	/* a wide table's list is cut short */
	column_order_note(&note, "a b c d e f g h i j k l m", "m a b c d e f g h i j k l n", &n);
	CHECK(strstr(note.buf, "order a, b, c, d, e, f, g, h, i, j, k, l, ..., not") != NULL);
	strbuf_release(&note);
}

void test_plan(void)
{
	test_column_order();
	test_fk_cycle_create();
	test_fk_cycle_drop();
	test_recreate_cascade();
	test_serial_order();
	test_deterministic();
	test_identical_is_empty();
}
