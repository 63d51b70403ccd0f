/*
 * subscription.c: subscriptions of the current database.  No statement
 * written here connects to a publisher: CREATE SUBSCRIPTION says connect =
 * false, and a subscription is disabled and let go of its slot before
 * DROP SUBSCRIPTION, which would otherwise connect to drop the slot.  What
 * needs the publisher (creating or dropping the slot, refreshing the table
 * list) is left to the operator, and the reasons say how.  The secret
 * options of a connection string (password, sslpassword) never reach the
 * snapshot: the catalog reader keeps their names only.
 */
#include <stdlib.h>
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/pgarray.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

/*
 * The WITH options pgdiff compares besides slot_name, in pg_dump's order.
 * A server older than the option has no fact for it, which reads as
 * PostgreSQL's default; a NULL fact is one the reading role could not see
 * (synchronous_commit before PostgreSQL 14), which is not compared.
 */
static const struct sub_option {
	const char *name;	/* the fact and the option */
	const char *fallback;	/* PostgreSQL's default */
	int boolean;		/* "t" / "f" facts, written true / false */
	enum change change;	/* CH_RECREATE_SUBSCRIPTION: no ALTER sets it */
} sub_options[] = {
	{ "binary", "f", 1, CH_SUBSCRIPTION_APPLY_OPTIONS },
	{ "streaming", "off", 0, CH_SUBSCRIPTION_OPTIONS },
	{ "two_phase", "f", 1, CH_RECREATE_SUBSCRIPTION },
	{ "disable_on_error", "f", 1, CH_SUBSCRIPTION_OPTIONS },
	{ "synchronous_commit", "off", 0, CH_SUBSCRIPTION_OPTIONS },
	{ "origin", "any", 0, CH_SUBSCRIPTION_APPLY_OPTIONS },
	{ "password_required", "t", 1, CH_SUBSCRIPTION_APPLY_OPTIONS },
	{ "run_as_owner", "f", 1, CH_SUBSCRIPTION_APPLY_OPTIONS },
	/* PostgreSQL 17 alters it only by connecting to change the slot */
	{ "failover", "f", 1, CH_RECREATE_SUBSCRIPTION },
};
#define NSUB_OPTIONS (sizeof(sub_options) / sizeof(*sub_options))

/* The option's value, or NULL when it could not be read. */
static const char *option_value(const struct object *o,
				const struct sub_option *opt)
{
	return obj_has(o, opt->name) ? obj_get(o, opt->name) : opt->fallback;
}

static int option_differs(const struct object *from, const struct object *to,
			  const struct sub_option *opt)
{
	const char *a = option_value(from, opt), *b = option_value(to, opt);
	return a && b && strcmp(a, b) != 0;
}

/* ", name = value" */
static void add_option(struct strbuf *sql, const struct object *o,
		       const struct sub_option *opt, int first)
{
	const char *v = option_value(o, opt);

	strbuf_addf(sql, "%s%s = ", first ? "" : ", ", opt->name);
	if (opt->boolean)
		strbuf_adds(sql, str_equal(v, "t") ? "true" : "false");
	else
		quote_literal(sql, v);
}

/* Subscriptions lock no table; statements on one run in the order written. */
static struct stmt *add(struct plan *plan, enum action action,
			enum change ch, const struct object *o,
			struct strbuf *sql, struct stmt **last)
{
	struct stmt *st = plan_add(plan, action, ch, o, NULL, sql);

	st->lock = LOCK_NONE;
	if (last) {
		if (*last)
			stmt_after(st, *last);
		*last = st;
	}
	return st;
}

static void alter_prefix(struct strbuf *sql, const struct object *o)
{
	strbuf_adds(sql, "ALTER SUBSCRIPTION ");
	quote_ident(sql, o->name);
}

/* "ALTER SUBSCRIPTION s": for the hints in reasons (caller frees). */
static char *alter_hint(const struct object *o)
{
	struct strbuf sb = STRBUF_INIT;

	alter_prefix(&sb, o);
	return strbuf_detach(&sb);
}

/* " a, b" from the publications fact. */
static void add_publications(struct strbuf *sql, const struct object *o)
{
	struct pgarray names;

	if (pgarray_parse(&names, obj_get(o, "publications")) < 0)
		BUG("malformed publications of %s", o->key);
	for (size_t i = 0; i < names.n; i++) {
		strbuf_adds(sql, i ? ", " : " ");
		quote_ident(sql, names.items[i]);
	}
	pgarray_release(&names);
}

static int source_major(const struct plan *plan)
{
	const char *v = plan->from ? plan->from->server_version : NULL;
	return v ? atoi(v) : 0;
}

/*
 * "SELECT pg_create_logical_replication_slot(...)" for o's slot; slot
 * names hold only lower-case letters, digits and underscores.
 */
static const char *slot_creation(struct plan *plan, const struct object *o,
				 const char *slot)
{
	return arena_printf(&plan->arena,
		"SELECT pg_create_logical_replication_slot('%s', 'pgoutput'%s)",
		slot, obj_flag(o, "failover") ? ", failover => true" : "");
}

/* What the operator does next with a subscription created disabled. */
static void note_start(struct plan *plan, struct stmt *st,
		       const struct object *o)
{
	const char *slot = obj_get(o, "slot_name");
	char *alter = alter_hint(o);

	if (slot)
		st->reason = arena_printf(&plan->arena,
			"%s; to start it, create slot '%s' on the publisher "
			"(%s), then run %s ENABLE and %s REFRESH PUBLICATION",
			st->reason, slot, slot_creation(plan, o, slot), alter,
			alter);
	else
		st->reason = arena_printf(&plan->arena,
			"%s; it has no slot (slot_name = NONE): give it one "
			"with %s SET (slot_name = ...) before enabling it",
			st->reason, alter);
	free(alter);
}

static void subscription_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	const char *conninfo = obj_get(o, "conninfo");
	const char *slot = obj_get(o, "slot_name");
	const char *secrets = obj_get(o, "secret_options");
	char *names = pgarray_missing(secrets, NULL), *alter = alter_hint(o);
	struct stmt *st;

	strbuf_adds(&sql, "CREATE SUBSCRIPTION ");
	quote_ident(&sql, o->name);
	strbuf_adds(&sql, " CONNECTION ");
	/* an unread string is a blank the reason asks to fill */
	quote_literal(&sql, conninfo ? conninfo : "");
	strbuf_adds(&sql, " PUBLICATION");
	add_publications(&sql, o);
	/* connect = false: no slot, disabled, no table copied */
	strbuf_adds(&sql, " WITH (connect = false, slot_name = ");
	if (slot)
		quote_literal(&sql, slot);
	else
		strbuf_adds(&sql, "NONE");
	for (size_t i = 0; i < NSUB_OPTIONS; i++) {
		const struct sub_option *opt = &sub_options[i];
		const char *v = option_value(o, opt);
		int at_default = !v || !strcmp(v, opt->fallback);

		/* PostgreSQL 18 streams in parallel unless told otherwise */
		if (!strcmp(opt->name, "streaming") && v &&
		    source_major(plan) >= 18)
			at_default = 0;
		if (!at_default)
			add_option(&sql, o, opt, 0);
	}
	strbuf_addch(&sql, ')');
	st = add(plan, ACT_CREATE, CH_CREATE_SUBSCRIPTION, o, &sql, NULL);
	note_start(plan, st, o);
	if (!conninfo)
		st->reason = arena_printf(&plan->arena,
			"%s; its connection string could not be read on the "
			"target: fill in CONNECTION '' by hand (%s CONNECTION '...')",
			st->reason, alter);
	if (names)
		st->reason = arena_printf(&plan->arena,
			"%s; secret options are never copied: add %s to its "
			"connection string by hand (%s CONNECTION '...')",
			st->reason, names, alter);
	free(names);
	free(alter);
	strbuf_release(&sql);
}

/*
 * DROP SUBSCRIPTION connects to the publisher to drop the slot, and can
 * wait there as long as the network lets it: the subscription is disabled
 * and detached from its slot first, which leaves the slot behind.  (While
 * tables are still being synchronized, the drop still tries the publisher
 * for their synchronization slots, and gives up quietly if it cannot.)
 */
static void drop_as(struct plan *plan, const struct object *o,
		    enum change ch)
{
	struct strbuf sql = STRBUF_INIT;
	const char *slot = obj_get(o, "slot_name");
	struct stmt *drop, *last = NULL;

	/* first, so that the planner takes it for the object's own drop */
	strbuf_adds(&sql, "DROP SUBSCRIPTION ");
	quote_ident(&sql, o->name);
	drop = add(plan, ACT_DROP, ch, o, &sql, NULL);
	if (slot)
		drop->reason = arena_printf(&plan->arena,
			"%s; its replication slot '%s' is left on the publisher, "
			"holding WAL: drop it there by hand "
			"(SELECT pg_drop_replication_slot('%s'))",
			drop->reason, slot, slot);
	if (obj_flag(o, "enabled")) {
		alter_prefix(&sql, o);
		strbuf_adds(&sql, " DISABLE");
		add(plan, ACT_DROP, CH_DISABLE_SUBSCRIPTION, o, &sql,
		    &last)->custom_keys = 1;
	}
	if (slot) {
		alter_prefix(&sql, o);
		strbuf_adds(&sql, " SET (slot_name = NONE)");
		add(plan, ACT_DROP, CH_RELEASE_SUBSCRIPTION_SLOT, o, &sql,
		    &last)->custom_keys = 1;
	}
	if (last)
		stmt_after(drop, last);
	strbuf_release(&sql);
}

static void subscription_drop(struct plan *plan, const struct object *o)
{
	drop_as(plan, o, CH_DROP_SUBSCRIPTION);
}

/*
 * The connection string as libpq reads it, secret options aside: one the
 * source has and the target lacks is dropped (the target's string has
 * none), one the target has cannot be written and is only named.  Not
 * compared when a side could not read it (a warning says so).
 */
static void alter_connection(struct plan *plan, const struct object *from,
			     const struct object *to, struct stmt **last)
{
	struct strbuf sql = STRBUF_INIT;
	const char *secrets = obj_get(to, "secret_options");
	char *dropped, *names;
	struct stmt *st;

	if (!obj_get(from, "conninfo") || !obj_get(to, "conninfo"))
		return;
	dropped = pgarray_missing(obj_get(from, "secret_options"), secrets);
	if (!dropped && !obj_attr_differs(from, to, "conninfo_options"))
		return;
	alter_prefix(&sql, to);
	strbuf_adds(&sql, " CONNECTION ");
	quote_literal(&sql, obj_get(to, "conninfo"));
	st = add(plan, ACT_ALTER, secrets ? CH_SUBSCRIPTION_CONNECTION_SECRETS :
		 CH_SUBSCRIPTION_CONNECTION, to, &sql, last);
	if (dropped)
		st->reason = arena_printf(&plan->arena,
			"%s; it drops %s, which the target's string does not have",
			st->reason, dropped);
	if (secrets) {
		names = pgarray_missing(secrets, NULL);
		st->reason = arena_printf(&plan->arena,
			"%s; add %s to the string by hand before running it",
			st->reason, names);
		free(names);
	}
	free(dropped);
	strbuf_release(&sql);
}

static void alter_publications(struct plan *plan, const struct object *from,
			       const struct object *to, struct stmt **last)
{
	struct strbuf sql = STRBUF_INIT;
	const char *was = obj_get(from, "publications");
	const char *now = obj_get(to, "publications");
	char *gone = pgarray_missing(was, now), *added = pgarray_missing(now, was);
	int differ = gone || added;

	free(added);
	/* a set: their order means nothing */
	if (!differ)
		return;
	alter_prefix(&sql, to);
	strbuf_adds(&sql, " SET PUBLICATION");
	add_publications(&sql, to);
	/* refresh = true would connect to the publisher */
	strbuf_adds(&sql, " WITH (refresh = false)");
	add(plan, ACT_ALTER, gone ? CH_SUBSCRIBE_LESS : CH_SUBSCRIBE_MORE, to,
	    &sql, last);
	free(gone);
	strbuf_release(&sql);
}

static void alter_slot(struct plan *plan, const struct object *from,
		       const struct object *to, struct stmt **last)
{
	struct strbuf sql = STRBUF_INIT;
	const char *old = obj_get(from, "slot_name");
	const char *slot = obj_get(to, "slot_name");
	struct stmt *st;

	if (str_equal(old, slot))
		return;
	alter_prefix(&sql, to);
	strbuf_adds(&sql, " SET (slot_name = ");
	if (slot)
		quote_literal(&sql, slot);
	else
		strbuf_adds(&sql, "NONE");
	strbuf_addch(&sql, ')');
	st = add(plan, ACT_ALTER, old ? CH_SUBSCRIPTION_SLOT :
		 CH_SUBSCRIPTION_ADD_SLOT, to, &sql, last);
	if (old)
		st->reason = arena_printf(&plan->arena,
			"%s (SELECT pg_drop_replication_slot('%s'))", st->reason,
			old);
	if (slot && old)
		st->reason = arena_printf(&plan->arena,
			"%s; replication goes on from slot '%s', which must exist "
			"there (%s)", st->reason, slot,
			slot_creation(plan, to, slot));
	else if (slot)
		st->reason = arena_printf(&plan->arena,
			"%s (%s)", st->reason, slot_creation(plan, to, slot));
	strbuf_release(&sql);
}

/* One ALTER ... SET (...) for the options of one kind of change. */
static void alter_options(struct plan *plan, const struct object *from,
			  const struct object *to, enum change ch,
			  struct stmt **last)
{
	struct strbuf sql = STRBUF_INIT;
	int n = 0;

	alter_prefix(&sql, to);
	strbuf_adds(&sql, " SET (");
	for (size_t i = 0; i < NSUB_OPTIONS; i++) {
		const struct sub_option *opt = &sub_options[i];

		if (opt->change == ch && option_differs(from, to, opt))
			add_option(&sql, to, opt, !n++);
	}
	strbuf_addch(&sql, ')');
	if (n)
		add(plan, ACT_ALTER, ch, to, &sql, last);
	strbuf_release(&sql);
}

static void set_enabled(struct plan *plan, const struct object *o,
			int enable, struct stmt **last)
{
	struct strbuf sql = STRBUF_INIT;

	alter_prefix(&sql, o);
	strbuf_adds(&sql, enable ? " ENABLE" : " DISABLE");
	add(plan, ACT_ALTER, enable ? CH_ENABLE_SUBSCRIPTION :
	    CH_DISABLE_SUBSCRIPTION, o, &sql, last);
	strbuf_release(&sql);
}

/*
 * Disabled first, so that slot_name = NONE is allowed and the worker does
 * not restart for each change; enabled last, once everything is set.
 */
static void subscription_alter(struct plan *plan, const struct object *from,
			       const struct object *to)
{
	int was = obj_flag(from, "enabled"), is = obj_flag(to, "enabled");
	struct stmt *last = NULL;

	for (size_t i = 0; i < NSUB_OPTIONS; i++)
		if (sub_options[i].change == CH_RECREATE_SUBSCRIPTION &&
		    option_differs(from, to, &sub_options[i])) {
			drop_as(plan, from, CH_RECREATE_SUBSCRIPTION);
			subscription_create(plan, to);
			return;
		}
	if (was && !is)
		set_enabled(plan, to, 0, &last);
	alter_connection(plan, from, to, &last);
	alter_publications(plan, from, to, &last);
	alter_slot(plan, from, to, &last);
	alter_options(plan, from, to, CH_SUBSCRIPTION_OPTIONS, &last);
	alter_options(plan, from, to, CH_SUBSCRIPTION_APPLY_OPTIONS, &last);
	if (!was && is)
		set_enabled(plan, to, 1, &last);
}

const struct kind_ops subscription_ops = { subscription_create,
					   subscription_drop,
					   subscription_alter };

int subscription_unread(struct strbuf *sb, const struct snapshot *snap)
{
	struct strbuf refused = STRBUF_INIT, unparsed = STRBUF_INIT;
	size_t nrefused = 0, nunparsed = 0, nsync = 0;

	for (size_t i = 0; i < snap->nobjects; i++) {
		const struct object *o = snap->objects[i];
		const char *why = o->kind == OBJ_SUBSCRIPTION ?
			obj_get(o, "conninfo_unread") : NULL;
		struct strbuf *list = str_equal(why, "libpq") ? &unparsed :
				      &refused;

		if (!why)
			continue;
		if (list->len)
			strbuf_adds(list, ", ");
		quote_ident(list, o->name);
		if (list == &unparsed)
			nunparsed++;
		else
			nrefused++;
		/* before PostgreSQL 14 it is read with the string */
		if (obj_has(o, "synchronous_commit") &&
		    !obj_get(o, "synchronous_commit"))
			nsync++;
	}
	if (nrefused)
		strbuf_addf(sb, "the connection %s%s of %s %s could not be read "
			    "(pg_subscription.subconninfo is readable only by "
			    "superusers, pg_read_all_data and roles granted it): "
			    "%s not compared",
			    nrefused > 1 ? "strings" : "string",
			    nsync ? " and synchronous_commit" : "",
			    nrefused > 1 ? "subscriptions" : "subscription",
			    refused.buf, nrefused > 1 || nsync ? "they are" :
			    "it is");
	if (nunparsed)
		strbuf_addf(sb, "%sthe connection %s of %s %s could not be "
			    "parsed by this libpq, which may not know an option "
			    "the server does: %s not compared",
			    nrefused ? "; " : "",
			    nunparsed > 1 ? "strings" : "string",
			    nunparsed > 1 ? "subscriptions" : "subscription",
			    unparsed.buf, nunparsed > 1 ? "they are" : "it is");
	strbuf_release(&refused);
	strbuf_release(&unparsed);
	return (nrefused + nunparsed) > 0;
}
