/* trigger.c: triggers (constraint triggers too); ALTER for the firing state (firing.c), else re-created. */
#include <stdlib.h>
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

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
	firing_state_alter(plan, o, 'O', 0, create_as(plan, o));
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
		firing_state_alter(plan, to, 'O', firing_state(from),
				   create_as(plan, to));
		return;
	}
	firing_state_alter(plan, to, firing_state(from), firing_state(from),
			   NULL);
}

const struct kind_ops trigger_ops = { trigger_create, trigger_drop,
				      trigger_alter };
