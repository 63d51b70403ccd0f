/* rls.c: a table's row level security switches (ENABLE, FORCE), set by ALTER TABLE. */
#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"

static void set_switch(struct plan *plan, const struct object *from,
		       const struct object *to, const char *fact,
		       const char *on, const char *off, struct stmt *after)
{
	struct strbuf sql = STRBUF_INIT;
	int want = obj_flag(to, fact);
	enum change ch;
	struct stmt *st;

	if (from ? obj_flag(from, fact) == want : !want)
		return;
	strbuf_adds(&sql, "ALTER TABLE ");
	quote_qualified(&sql, to->schema, to->name);
	strbuf_addf(&sql, " %s ROW LEVEL SECURITY", want ? on : off);
	if (!from)
		ch = CH_ROW_SECURITY_NEW_TABLE;
	else
		ch = want ? CH_ENABLE_ROW_SECURITY : CH_DISABLE_ROW_SECURITY;
	st = plan_add(plan, ACT_ALTER, ch, to, NULL, &sql);
	/*
	 * It only needs the table: by default an ALTER of a table counts as
	 * making it, and two of them would each wait for the other.
	 */
	st->custom_keys = 1;
	keylist_add(plan, &st->needs, to->key);
	if (after)
		stmt_after(st, after);
	strbuf_release(&sql);
}

void rls_alter(struct plan *plan, const struct object *from,
	       const struct object *to, struct stmt *after)
{
	set_switch(plan, from, to, "row_security", "ENABLE", "DISABLE", after);
	set_switch(plan, from, to, "force_row_security", "FORCE", "NO FORCE",
		   after);
}
