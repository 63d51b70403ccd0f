/*
 * cast.c: casts between types, named "source AS target"; there is no
 * ALTER CAST, so any change drops the cast and creates it again.
 */
#include "pgdiff/kinds.h"
#include "pgdiff/util.h"

/* "cast (integer AS public.money2)": what reasons call it. */
static const char *cast_name(struct plan *plan, const struct object *o)
{
	return arena_printf(&plan->arena, "cast (%s AS %s)",
			    obj_get(o, "source"), obj_get(o, "target"));
}

/* Casts lock no table: the drop and create rules' lock stands. */
static struct stmt *add(struct plan *plan, enum action action,
			enum change ch, const struct object *o,
			struct strbuf *sql)
{
	struct stmt *st = plan_add(plan, action, ch, o, cast_name(plan, o),
				   sql);

	st->lock = LOCK_NONE;
	return st;
}

static void cast_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	const char *method = obj_get(o, "method");
	const char *context = obj_get(o, "context");

	/* types as format_type writes them: quoted and qualified as needed */
	strbuf_addf(&sql, "CREATE CAST (%s AS %s)", obj_get(o, "source"),
		    obj_get(o, "target"));
	switch (method ? method[0] : 'f') {
	case 'i':
		strbuf_adds(&sql, " WITH INOUT");
		break;
	case 'b':
		strbuf_adds(&sql, " WITHOUT FUNCTION");
		break;
	default:
		/* regprocedure text: qualified, quoted, with argument types */
		strbuf_addf(&sql, " WITH FUNCTION %s", obj_get(o, "function"));
	}
	if (str_equal(context, "a"))
		strbuf_adds(&sql, " AS ASSIGNMENT");
	else if (str_equal(context, "i"))
		strbuf_adds(&sql, " AS IMPLICIT");
	add(plan, ACT_CREATE, CH_CREATE_CAST, o, &sql);
	strbuf_release(&sql);
}

static void drop_cast(struct plan *plan, const struct object *o,
		      enum change ch)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_addf(&sql, "DROP CAST (%s AS %s)", obj_get(o, "source"),
		    obj_get(o, "target"));
	add(plan, ACT_DROP, ch, o, &sql);
	strbuf_release(&sql);
}

static void cast_drop(struct plan *plan, const struct object *o)
{
	drop_cast(plan, o, CH_DROP_CAST);
}

static void cast_alter(struct plan *plan, const struct object *from,
		       const struct object *to)
{
	if (obj_same_attrs(from, to))
		return;
	drop_cast(plan, from, CH_REDEFINE_CAST);
	cast_create(plan, to);
}

const struct kind_ops cast_ops = { cast_create, cast_drop, cast_alter };
