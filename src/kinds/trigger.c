/* trigger.c: triggers (constraint triggers too) and their firing state; any other change re-creates them. */
#include <stdlib.h>
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

const char *firing_clause(char state)
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

enum change firing_change(char old, char new_state)
{
	if (!old || old == new_state)
		return CH_SET_TRIGGER_STATE;
	if ((fires_in(new_state) & fires_in(old)) == fires_in(old))
		return CH_ENABLE_TRIGGER;
	return CH_DISABLE_TRIGGER;
}

static char state_of(const struct object *o)
{
	const char *s = obj_get(o, "enabled");
	return s && *s ? s[0] : 'O';
}

/* "trigger public.t.name": what reasons call it. */
static char *trigger_what(const struct object *o)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_adds(&sb, "trigger ");
	quote_qualified(&sb, o->parent->schema, o->parent->name);
	strbuf_addch(&sb, '.');
	quote_ident(&sb, o->name);
	return strbuf_detach(&sb);
}

/*
 * ALTER TABLE ... ENABLE | DISABLE TRIGGER when o's state is not current;
 * rated as a change from was (0: the trigger is new).
 */
static struct stmt *set_state(struct plan *plan, const struct object *o,
			      char current, char was, struct stmt *after)
{
	struct strbuf sql = STRBUF_INIT;
	char *what;
	struct stmt *st;

	if (state_of(o) == current)
		return NULL;
	what = trigger_what(o);
	strbuf_adds(&sql, "ALTER TABLE ");
	quote_qualified(&sql, o->parent->schema, o->parent->name);
	strbuf_addf(&sql, " %s TRIGGER ", firing_clause(state_of(o)));
	quote_ident(&sql, o->name);
	st = plan_add(plan, ACT_ALTER, firing_change(was, state_of(o)), o,
		      what, &sql);
	if (after)
		stmt_after(st, after);
	free(what);
	strbuf_release(&sql);
	return st;
}

static struct stmt *create_as(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	char *what = trigger_what(o);
	struct stmt *st;

	strbuf_adds(&sql, obj_get(o, "definition"));
	st = plan_add(plan, ACT_CREATE, CH_CREATE_TRIGGER, o, what, &sql);
	free(what);
	strbuf_release(&sql);
	return st;
}

static void trigger_create(struct plan *plan, const struct object *o)
{
	set_state(plan, o, 'O', 0, create_as(plan, o));
}

static void drop_as(struct plan *plan, const struct object *o,
		    enum change ch)
{
	struct strbuf sql = STRBUF_INIT;
	char *what = trigger_what(o);

	strbuf_adds(&sql, "DROP TRIGGER ");
	quote_ident(&sql, o->name);
	strbuf_adds(&sql, " ON ");
	quote_qualified(&sql, o->parent->schema, o->parent->name);
	plan_add(plan, ACT_DROP, ch, o, what, &sql);
	free(what);
	strbuf_release(&sql);
}

static void trigger_drop(struct plan *plan, const struct object *o)
{
	drop_as(plan, o, CH_DROP_TRIGGER);
}

/*
 * No ALTER changes what a trigger does; CREATE OR REPLACE TRIGGER (14+)
 * cannot replace constraint triggers, so it is dropped and created again.
 */
static void trigger_alter(struct plan *plan, const struct object *from,
			  const struct object *to)
{
	if (obj_attr_differs(from, to, "definition")) {
		drop_as(plan, from, CH_REDEFINE_TRIGGER);
		/* the new trigger fires as 'O': rated from what was */
		set_state(plan, to, 'O', state_of(from), create_as(plan, to));
		return;
	}
	set_state(plan, to, state_of(from), state_of(from), NULL);
}

const struct kind_ops trigger_ops = { trigger_create, trigger_drop,
				      trigger_alter };
