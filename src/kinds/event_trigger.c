/* event_trigger.c: event triggers (database-wide); ALTER for the firing state, else re-created. */
#include <stdlib.h>

#include "pgdiff/kinds.h"
#include "pgdiff/pgarray.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

static char *event_trigger_what(const struct object *o)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_adds(&sb, "event trigger ");
	quote_ident(&sb, o->name);
	return strbuf_detach(&sb);
}

/* Event triggers lock no table: the rules' table locks do not apply. */
static struct stmt *add(struct plan *plan, enum action action,
			enum change ch, const struct object *o,
			struct strbuf *sql)
{
	char *what = event_trigger_what(o);
	struct stmt *st = plan_add(plan, action, ch, o, what, sql);

	st->lock = LOCK_NONE;
	free(what);
	return st;
}

static struct stmt *create_as(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	const char *tags = obj_get(o, "tags");
	struct stmt *st;

	strbuf_adds(&sql, "CREATE EVENT TRIGGER ");
	quote_ident(&sql, o->name);
	strbuf_adds(&sql, " ON ");
	quote_ident(&sql, obj_get(o, "event"));
	if (tags) {
		struct pgarray arr;

		if (pgarray_parse(&arr, tags) < 0)
			BUG("malformed tags of %s", o->key);
		strbuf_adds(&sql, "\n    WHEN TAG IN (");
		for (size_t i = 0; i < arr.n; i++) {
			if (i)
				strbuf_adds(&sql, ", ");
			quote_literal(&sql, arr.items[i]);
		}
		strbuf_addch(&sql, ')');
		pgarray_release(&arr);
	}
	/* regprocedure text: the qualified, quoted name and argument types */
	strbuf_addf(&sql, "\n    EXECUTE FUNCTION %s", obj_get(o, "function"));
	st = add(plan, ACT_CREATE, CH_CREATE_TRIGGER, o, &sql);
	strbuf_release(&sql);
	return st;
}

static void event_trigger_create(struct plan *plan, const struct object *o)
{
	firing_state_alter(plan, o, 'O', 0, create_as(plan, o));
}

static void drop_as(struct plan *plan, const struct object *o,
		    enum change ch)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, "DROP EVENT TRIGGER ");
	quote_ident(&sql, o->name);
	add(plan, ACT_DROP, ch, o, &sql);
	strbuf_release(&sql);
}

static void event_trigger_drop(struct plan *plan, const struct object *o)
{
	drop_as(plan, o, CH_DROP_TRIGGER);
}

static void event_trigger_alter(struct plan *plan, const struct object *from,
				const struct object *to)
{
	if (obj_attr_differs(from, to, "event") ||
	    obj_attr_differs(from, to, "tags") ||
	    obj_attr_differs(from, to, "function")) {
		drop_as(plan, from, CH_REDEFINE_TRIGGER);
		firing_state_alter(plan, to, 'O', firing_state(from),
				   create_as(plan, to));
		return;
	}
	firing_state_alter(plan, to, firing_state(from), firing_state(from),
			   NULL);
}

const struct kind_ops event_trigger_ops = { event_trigger_create,
					    event_trigger_drop,
					    event_trigger_alter };
