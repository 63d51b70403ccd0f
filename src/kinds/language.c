/*
 * language.c: procedural languages (but the built-in internal, c and sql
 * and an extension's).  CREATE OR REPLACE LANGUAGE changes the handlers
 * and the trust in place, keeping the owner, the privileges and the
 * functions written in the language; only a trusted language with
 * privileges that becomes untrusted is re-created, since PostgreSQL allows
 * no GRANT or REVOKE on an untrusted one.
 */
#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

/* "CREATE [OR REPLACE] [TRUSTED] LANGUAGE name HANDLER h ..." */
static void language_sql(struct strbuf *sql, const struct object *o,
			 int replace)
{
	const char *handler = obj_get(o, "handler");
	const char *inline_handler = obj_get(o, "inline");
	const char *validator = obj_get(o, "validator");

	strbuf_adds(sql, replace ? "CREATE OR REPLACE " : "CREATE ");
	if (obj_flag(o, "trusted"))
		strbuf_adds(sql, "TRUSTED ");
	strbuf_adds(sql, "LANGUAGE ");
	quote_ident(sql, o->name);
	/* regproc text: already quoted and qualified as needed */
	if (handler)
		strbuf_addf(sql, " HANDLER %s", handler);
	if (inline_handler)
		strbuf_addf(sql, " INLINE %s", inline_handler);
	if (validator)
		strbuf_addf(sql, " VALIDATOR %s", validator);
}

static void language_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;

	language_sql(&sql, o, 0);
	plan_add(plan, ACT_CREATE, CH_CREATE_LANGUAGE, o, NULL, &sql);
	strbuf_release(&sql);
}

static void drop_language(struct plan *plan, const struct object *o,
			  enum change ch)
{
	struct strbuf sql = STRBUF_INIT;

	/* no CASCADE: the functions written in it go first, by their drops */
	strbuf_adds(&sql, "DROP LANGUAGE ");
	quote_ident(&sql, o->name);
	plan_add(plan, ACT_DROP, ch, o, NULL, &sql);
	strbuf_release(&sql);
}

static void language_drop(struct plan *plan, const struct object *o)
{
	drop_language(plan, o, CH_DROP_LANGUAGE);
}

static void language_alter(struct plan *plan, const struct object *from,
			   const struct object *to)
{
	struct strbuf sql = STRBUF_INIT;
	enum change ch = CH_LANGUAGE_VALIDATOR;

	if (obj_attr_differs(from, to, "handler") ||
	    obj_attr_differs(from, to, "inline") ||
	    obj_attr_differs(from, to, "trusted"))
		ch = CH_REPLACE_LANGUAGE;
	else if (!obj_attr_differs(from, to, "validator"))
		return;
	/*
	 * CREATE OR REPLACE keeps the privileges, which the ACL statements
	 * could then not take away from an untrusted language.
	 */
	if (obj_flag(from, "trusted") && !obj_flag(to, "trusted") &&
	    obj_attr_differs(from, to, "acl")) {
		drop_language(plan, from, CH_RECREATE_LANGUAGE);
		language_create(plan, to);
		return;
	}
	/* it stops needing handlers it no longer names: their drops wait */
	language_sql(&sql, to, 1);
	plan_add(plan, ACT_ALTER, ch, to, NULL, &sql);
	strbuf_release(&sql);
}

const struct kind_ops language_ops = {
	language_create, language_drop, language_alter
};
