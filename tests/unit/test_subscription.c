/* test_subscription.c: subscriptions on hand-built snapshots: drops, unread facts. */
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/plan.h"
#include "helpers.h"
#include "test.h"

/* A subscription read by a superuser of a PostgreSQL 15 server. */
static struct object *subscription(struct snapshot *s, const char *name,
				   const char *enabled, const char *slot,
				   const char *sync)
{
	const char *facts[] = { "conninfo", "host=db1", "conninfo_options",
				"host=db1", "secret_options", NULL,
				"conninfo_unread", NULL,
				"publications", "{p}", "enabled", enabled,
				"slot_name", slot, "synchronous_commit", sync,
				"binary", "f", "streaming", "off",
				"two_phase", "f", "disable_on_error", "f", NULL };
	return test_object(s, OBJ_SUBSCRIPTION, NULL, name, NULL, facts);
}

/* An enabled subscription with a slot: disabled, detached, then dropped. */
static void test_drop_order(void)
{
	struct snapshot from, to;
	struct plan p;

	snapshot_init(&from);
	snapshot_init(&to);
	subscription(&from, "s", "t", "s_slot", "off");
	snapshot_finish(&from);
	snapshot_finish(&to);
	plan_build(&p, &from, &to);
	CHECK(p.nstmts == 3);
	CHECK(plan_runs_before(&p, "ALTER SUBSCRIPTION s DISABLE",
			       "ALTER SUBSCRIPTION s SET (slot_name = NONE)"));
	CHECK(plan_runs_before(&p, "ALTER SUBSCRIPTION s SET (slot_name = NONE)",
			       "DROP SUBSCRIPTION s"));
	CHECK(p.worst == SEV_CRITICAL);
	for (size_t i = 0; i < p.nstmts; i++)
		CHECK(p.stmts[i]->transactional);
	plan_release(&p);
	snapshot_release(&from);
	snapshot_release(&to);
}

/*
 * A side whose role could not read the connection string (and, before
 * PostgreSQL 14, synchronous_commit) compares neither, and says so.
 */
static void test_unread(void)
{
	struct snapshot from, to;
	struct strbuf sb = STRBUF_INIT;
	struct object *o;
	struct plan p;

	snapshot_init(&from);
	snapshot_init(&to);
	o = subscription(&from, "s", "f", "s", NULL);
	for (size_t i = 0; i < o->nattrs; i++) {
		if (!strcmp(o->attrs[i].name, "conninfo"))
			o->attrs[i].value = NULL;
		if (!strcmp(o->attrs[i].name, "conninfo_unread"))
			o->attrs[i].value = "privilege";
	}
	subscription(&to, "s", "f", "s", "remote_apply");
	snapshot_finish(&from);
	snapshot_finish(&to);
	plan_build(&p, &from, &to);
	CHECK(p.nstmts == 0);
	plan_release(&p);
	CHECK(subscription_unread(&sb, &from));
	CHECK(strstr(sb.buf, "connection string and synchronous_commit of "
		     "subscription s could not be read") != NULL);
	strbuf_reset(&sb);
	CHECK(!subscription_unread(&sb, &to) && !sb.len);
	strbuf_release(&sb);
	snapshot_release(&from);
	snapshot_release(&to);
}

void test_subscription(void)
{
	test_drop_order();
	test_unread();
}
