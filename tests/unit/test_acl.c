/* test_acl.c: privileges, comments and owners on hand-built snapshots, and grants to missing roles. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pgdiff/kinds.h"
#include "pgdiff/plan.h"
#include "pgdiff/snapfile.h"
#include "test.h"

/* A schema public and a table public.t with these facts (NULL-ended pairs). */
static void one_table(struct snapshot *s, const char *const *facts,
		      const char *const *roles)
{
	struct attr attrs[8] = { { NULL, NULL } };
	size_t n = 0;
	struct object *schema, *t;

	snapshot_init(s);
	for (; facts && facts[2 * n]; n++) {
		attrs[n].name = facts[2 * n];
		attrs[n].value = facts[2 * n + 1];
	}
	schema = snapshot_add(s, OBJ_SCHEMA, NULL, "public", NULL, NULL, 0,
			      NULL);
	t = snapshot_add(s, OBJ_TABLE, "public", "t", NULL, attrs, n, NULL);
	snapshot_add_dep(s, t, schema, 'n');
	for (; roles && *roles; roles++)
		snapshot_add_role(s, *roles);
	snapshot_finish(s);
}

/* The plan's statements, one per line. */
static void plan_sql(struct strbuf *sb, const struct plan *p)
{
	for (size_t i = 0; i < p->nstmts; i++)
		strbuf_addf(sb, "%s\n", p->stmts[i]->sql);
}

static void check_plan(const char *const *from, const char *const *to,
		       const char *const *roles, const char *want)
{
	struct snapshot a, b;
	struct plan p;
	struct strbuf sb = STRBUF_INIT;

	one_table(&a, from, roles);
	one_table(&b, to, NULL);
	plan_build(&p, &a, &b);
	plan_sql(&sb, &p);
	CHECK_STR(sb.buf, want);
	strbuf_release(&sb);
	plan_release(&p);
	snapshot_release(&a);
	snapshot_release(&b);
}

static void test_grants(void)
{
	const char *a[] = { "acl", "{o=arwdDxt/o,reader=ra*/o}", NULL };
	const char *b[] = { "acl", "{=r/o,o=arwdDxt/o,reader=r*w/o}", NULL };

	/* grantors are not compared; PUBLIC is the empty grantee */
	check_plan(a, b, NULL,
		   "GRANT SELECT ON TABLE public.t TO PUBLIC\n"
		   "REVOKE INSERT ON TABLE public.t FROM reader\n"
		   "GRANT UPDATE ON TABLE public.t TO reader\n"
		   "GRANT SELECT ON TABLE public.t TO reader WITH GRANT OPTION\n");
	check_plan(b, a, NULL,
		   "REVOKE SELECT ON TABLE public.t FROM PUBLIC\n"
		   "REVOKE UPDATE ON TABLE public.t FROM reader\n"
		   "REVOKE GRANT OPTION FOR SELECT ON TABLE public.t FROM reader\n"
		   "GRANT INSERT ON TABLE public.t TO reader WITH GRANT OPTION\n");
}

static void test_grant_option(void)
{
	const char *a[] = { "acl", "{reader=r*/o}", NULL };
	const char *b[] = { "acl", "{reader=r/x}", NULL };

	check_plan(a, b, NULL,
		   "REVOKE GRANT OPTION FOR SELECT ON TABLE public.t FROM reader\n");
	check_plan(b, a, NULL,
		   "GRANT SELECT ON TABLE public.t TO reader WITH GRANT OPTION\n");
}

static void test_missing_role(void)
{
	const char *a[] = { "acl", "{}", NULL };
	const char *b[] = { "acl", "{\"\\\"odd \\\"\\\"role\\\"=r/o\",=r/o}", NULL };
	const char *roles[] = { "o", NULL };
	struct snapshot sa, sb;
	struct plan p;

	one_table(&sa, a, roles);
	one_table(&sb, b, NULL);
	plan_build(&p, &sa, &sb);
	if (CHECK(p.nstmts == 2)) {
		CHECK_STR(p.stmts[1]->sql,
			  "GRANT SELECT ON TABLE public.t TO \"odd \"\"role\"");
		CHECK(strstr(p.stmts[1]->reason,
			     "role odd \"role does not exist on the source server") != NULL);
		/* PUBLIC is no role */
		CHECK(strstr(p.stmts[0]->reason, "does not exist") == NULL);
	}
	CHECK(p.nmissing_roles == 1);
	plan_release(&p);
	snapshot_release(&sa);
	snapshot_release(&sb);

	/* a side whose roles were not read (an old snapshot) reports nothing */
	one_table(&sa, a, NULL);
	one_table(&sb, b, NULL);
	plan_build(&p, &sa, &sb);
	CHECK(p.nmissing_roles == 0);
	plan_release(&p);
	snapshot_release(&sa);
	snapshot_release(&sb);
}

static void test_owner_follows(void)
{
	const char *a[] = { "owner", "alice", "acl",
			    "{alice=arwdDxt/alice,bob=r/alice}", NULL };
	const char *b[] = { "owner", "carol", "acl",
			    "{bob=r/carol,carol=arwdDxt/carol}", NULL };
	const char *c[] = { "owner", "carol", "acl", "{carol=r/carol}", NULL };

	/* the owner's own privileges move with ALTER ... OWNER TO */
	check_plan(a, b, NULL, "ALTER TABLE public.t OWNER TO carol\n");
	check_plan(a, c, NULL,
		   "ALTER TABLE public.t OWNER TO carol\n"
		   "REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE public.t FROM carol\n"
		   "REVOKE SELECT ON TABLE public.t FROM bob\n");
}

static void test_comments(void)
{
	const char *a[] = { "comment", "it's", NULL };
	const char *b[] = { "comment", NULL, NULL };
	const char *none[] = { NULL };

	check_plan(a, b, NULL, "COMMENT ON TABLE public.t IS NULL\n");
	check_plan(b, a, NULL, "COMMENT ON TABLE public.t IS 'it''s'\n");
	/* a side without the fact (--no-comments) is not compared */
	check_plan(none, a, NULL, "");
}

static void test_without_role(void)
{
	char *s = acl_without_role("{o=arwdDxt/o,\"\\\"a b\\\"=r/o\",=r/o}", "o");

	CHECK_STR(s, "{\"\\\"a b\\\"=r/o\",=r/o}");
	free(s);
	s = acl_without_role("{\"\\\"a b\\\"=r/o\"}", "a b");
	CHECK_STR(s, "{}");
	free(s);
}

/* A snapshot file keeps the roles, and a file without them leaves them unknown. */
static void test_snapfile_roles(void)
{
	const char *roles[] = { "o", "we\"ird", NULL };
	char path[] = "/tmp/pgdiff-test-roles.XXXXXX";
	struct snapshot a, b;
	struct strbuf err = STRBUF_INIT;
	FILE *f;
	int fd = mkstemp(path);

	if (!CHECK(fd >= 0))
		return;
	f = fdopen(fd, "w");
	one_table(&a, NULL, roles);
	a.origin = "test";
	a.server_version = "15.0";
	CHECK(snapfile_write(f, &a, &err) == 0);
	fclose(f);
	snapshot_init(&b);
	CHECK(snapfile_read(path, &b, &err) == 0);
	CHECK_STR(err.buf, "");
	CHECK(snapshot_has_role(&b, "we\"ird") == 1);
	CHECK(snapshot_has_role(&b, "reader") == 0);
	snapshot_release(&b);
	snapshot_release(&a);
	snapshot_init(&a);
	CHECK(snapshot_has_role(&a, "o") == -1);
	snapshot_release(&a);
	strbuf_release(&err);
	unlink(path);
}

void test_acl(void)
{
	test_snapfile_roles();
	test_grants();
	test_grant_option();
	test_missing_role();
	test_owner_follows();
	test_comments();
	test_without_role();
}
