/* firing.c: when triggers, event triggers and rules fire (ENABLE, DISABLE, REPLICA, ALWAYS). */
#include <stdlib.h>

#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"

static const char *firing_clause(char state)
{
	switch (state) {
	case 'D': return "DISABLE";
	case 'R': return "ENABLE REPLICA";
	case 'A': return "ENABLE ALWAYS";
	default: return "ENABLE";
	}
}

/*
 * The sessions a state fires in, by session_replication_role: origin and
 * local (1), replica (2).
 */
static unsigned int fires_in(char state)
{
	switch (state) {
	case 'D': return 0;
	case 'R': return 2;
	case 'A': return 1 | 2;
	default: return 1;
	}
}

/* The change from old to new_state; old 0: just created (fires as 'O'). */
static enum change firing_change(char old, char new_state)
{
	if (!old || old == new_state)
		return CH_SET_TRIGGER_STATE;
	if ((fires_in(new_state) & fires_in(old)) == fires_in(old))
		return CH_ENABLE_TRIGGER;
	return CH_DISABLE_TRIGGER;
}

char firing_state(const struct object *o)
{
	const char *s = obj_get(o, "enabled");
	return s && *s ? s[0] : 'O';
}

struct stmt *firing_state_alter(struct plan *plan, const struct object *o,
				char current, char was, struct stmt *after)
{
	struct strbuf sql = STRBUF_INIT;
	char state = firing_state(o);
	char *what;
	struct stmt *st;

	if (state == current)
		return NULL;
	if (o->kind == OBJ_EVENT_TRIGGER) {
		strbuf_adds(&sql, "ALTER EVENT TRIGGER ");
		quote_ident(&sql, o->name);
		strbuf_addf(&sql, " %s", firing_clause(state));
	} else {
		strbuf_adds(&sql, "ALTER TABLE ");
		quote_qualified(&sql, o->parent->schema, o->parent->name);
		strbuf_addf(&sql, " %s %s ", firing_clause(state),
			    o->kind == OBJ_RULE ? "RULE" : "TRIGGER");
		quote_ident(&sql, o->name);
	}
	/* "trigger public.t.x", "rule public.t.x", "event trigger x" */
	what = obj_kind_and_name(o);
	st = plan_add(plan, ACT_ALTER, firing_change(was, state), o, what,
		      &sql);
	free(what);
	/* an event trigger locks no table (as in event_trigger.c) */
	if (o->kind == OBJ_EVENT_TRIGGER)
		st->lock = LOCK_NONE;
	if (after)
		stmt_after(st, after);
	strbuf_release(&sql);
	return st;
}
