/* extension.c: CREATE / DROP EXTENSION, version updates and schema moves. */
#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"

static void extension_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, "CREATE EXTENSION ");
	quote_ident(&sql, o->name);
	strbuf_adds(&sql, " WITH SCHEMA ");
	quote_ident(&sql, obj_get(o, "ext_schema"));
	/* --ignore-extension-versions leaves the version to the server */
	if (obj_get(o, "version")) {
		strbuf_adds(&sql, " VERSION ");
		quote_literal(&sql, obj_get(o, "version"));
	}
	plan_add(plan, ACT_CREATE, CH_CREATE_EXTENSION, o, NULL, &sql);
	strbuf_release(&sql);
}

static void extension_drop(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, "DROP EXTENSION ");
	quote_ident(&sql, o->name);
	plan_add(plan, ACT_DROP, CH_DROP_EXTENSION, o, NULL, &sql);
	strbuf_release(&sql);
}

static void extension_alter(struct plan *plan, const struct object *from,
			    const struct object *to)
{
	struct strbuf sql = STRBUF_INIT;

	if (obj_attr_differs(from, to, "ext_schema")) {
		strbuf_adds(&sql, "ALTER EXTENSION ");
		quote_ident(&sql, to->name);
		strbuf_adds(&sql, " SET SCHEMA ");
		quote_ident(&sql, obj_get(to, "ext_schema"));
		plan_add(plan, ACT_ALTER, CH_MOVE_EXTENSION, to, NULL, &sql);
	}
	if (obj_get(to, "version") && obj_attr_differs(from, to, "version")) {
		strbuf_adds(&sql, "ALTER EXTENSION ");
		quote_ident(&sql, to->name);
		strbuf_adds(&sql, " UPDATE TO ");
		quote_literal(&sql, obj_get(to, "version"));
		plan_add(plan, ACT_ALTER, CH_UPDATE_EXTENSION, to, NULL, &sql);
	}
	strbuf_release(&sql);
}

const struct kind_ops extension_ops = {
	extension_create, extension_drop, extension_alter
};
