/*
 * foreign.c: foreign-data wrappers, foreign servers and user mappings, and
 * the generic OPTIONS lists they share with foreign tables and their
 * columns.  Secret user mapping options never reach the model: the catalog
 * query reads their names only.
 */
#include <stdlib.h>
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/pgarray.h"
#include "pgdiff/quote.h"
#include "pgdiff/util.h"

/* An options fact: sorted "name=value" items, split at the first '='. */
struct options {
	struct pgarray arr;
	const char **values;
};

static void options_init(struct options *o, const char *text)
{
	if (pgarray_parse(&o->arr, text) < 0)
		BUG("malformed options '%s'", text);
	o->values = xcalloc(o->arr.n + 1, sizeof(*o->values));
	for (size_t i = 0; i < o->arr.n; i++) {
		char *eq = strchr(o->arr.items[i], '=');

		o->values[i] = "";
		if (eq) {
			*eq = '\0';
			o->values[i] = eq + 1;
		}
	}
}

static void options_release(struct options *o)
{
	pgarray_release(&o->arr);
	free(o->values);
}

static const char *options_value(const struct options *o, const char *name)
{
	long i = pgarray_find(&o->arr, name);
	return i < 0 ? NULL : o->values[i];
}

static void add_option(struct strbuf *sb, const char *verb, const char *name,
		       const char *value)
{
	strbuf_adds(sb, verb);
	quote_ident(sb, name);
	if (value) {
		strbuf_addch(sb, ' ');
		quote_literal(sb, value);
	}
}

void fdw_options_create(struct strbuf *sb, const char *text)
{
	struct options o;

	options_init(&o, text);
	for (size_t i = 0; i < o.arr.n; i++)
		add_option(sb, i ? ", " : " OPTIONS (", o.arr.items[i],
			   o.values[i]);
	if (o.arr.n)
		strbuf_addch(sb, ')');
	options_release(&o);
}

/*
 * "OPTIONS (ADD a '1', SET b '2', DROP c)" turning from into to; the names
 * in the pgarray text drop that keep lacks are dropped too (both may be
 * NULL).  Returns the number of changes; nothing is appended when there
 * is none.
 */
static size_t options_alter(struct strbuf *sb, const char *from,
			    const char *to, const char *drop,
			    const char *keep)
{
	struct options a, b, d, k;
	size_t n = 0, start = sb->len;

	options_init(&a, from);
	options_init(&b, to);
	options_init(&d, drop);
	options_init(&k, keep);
	strbuf_adds(sb, "OPTIONS (");
	for (size_t i = 0; i < b.arr.n; i++) {
		const char *old = options_value(&a, b.arr.items[i]);

		if (old && !strcmp(old, b.values[i]))
			continue;
		add_option(sb, n++ ? (old ? ", SET " : ", ADD ") :
			   (old ? "SET " : "ADD "), b.arr.items[i], b.values[i]);
	}
	for (size_t i = 0; i < a.arr.n; i++)
		if (!options_value(&b, a.arr.items[i]))
			add_option(sb, n++ ? ", DROP " : "DROP ",
				   a.arr.items[i], NULL);
	for (size_t i = 0; i < d.arr.n; i++)
		if (pgarray_find(&k.arr, d.arr.items[i]) < 0)
			add_option(sb, n++ ? ", DROP " : "DROP ",
				   d.arr.items[i], NULL);
	if (n)
		strbuf_addch(sb, ')');
	else
		strbuf_setlen(sb, start);
	options_release(&a);
	options_release(&b);
	options_release(&d);
	options_release(&k);
	return n;
}

int fdw_options_alter(struct strbuf *sb, const char *from, const char *to)
{
	return options_alter(sb, from, to, NULL, NULL) > 0;
}

/* Wrappers */

static void fdw_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	const char *handler = obj_get(o, "handler");
	const char *validator = obj_get(o, "validator");

	strbuf_adds(&sql, "CREATE FOREIGN DATA WRAPPER ");
	quote_ident(&sql, o->name);
	/* regproc text: already quoted and qualified as needed */
	if (handler)
		strbuf_addf(&sql, " HANDLER %s", handler);
	if (validator)
		strbuf_addf(&sql, " VALIDATOR %s", validator);
	fdw_options_create(&sql, obj_get(o, "options"));
	plan_add(plan, ACT_CREATE, CH_CREATE_FDW, o, NULL, &sql);
	strbuf_release(&sql);
}

static void fdw_drop(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, "DROP FOREIGN DATA WRAPPER ");
	quote_ident(&sql, o->name);
	plan_add(plan, ACT_DROP, CH_DROP_FDW, o, NULL, &sql);
	strbuf_release(&sql);
}

static void alter_fdw(struct strbuf *sql, const struct object *o)
{
	strbuf_adds(sql, "ALTER FOREIGN DATA WRAPPER ");
	quote_ident(sql, o->name);
	strbuf_addch(sql, ' ');
}

static void fdw_function(struct plan *plan, const struct object *from,
			 const struct object *to, const char *fact,
			 const char *keyword, enum change ch)
{
	struct strbuf sql = STRBUF_INIT;
	const char *fn = obj_get(to, fact);

	if (!obj_attr_differs(from, to, fact))
		return;
	alter_fdw(&sql, to);
	if (fn)
		strbuf_addf(&sql, "%s %s", keyword, fn);
	else
		strbuf_addf(&sql, "NO %s", keyword);
	plan_add(plan, ACT_ALTER, ch, to, NULL, &sql);
	strbuf_release(&sql);
}

static void fdw_alter(struct plan *plan, const struct object *from,
		      const struct object *to)
{
	struct strbuf sql = STRBUF_INIT;

	fdw_function(plan, from, to, "handler", "HANDLER", CH_FDW_HANDLER);
	fdw_function(plan, from, to, "validator", "VALIDATOR",
		     CH_FDW_VALIDATOR);
	alter_fdw(&sql, to);
	if (fdw_options_alter(&sql, obj_get(from, "options"),
			      obj_get(to, "options")))
		plan_add(plan, ACT_ALTER, CH_FDW_OPTIONS, to, NULL, &sql);
	strbuf_release(&sql);
}

const struct kind_ops fdw_ops = { fdw_create, fdw_drop, fdw_alter };

/* Secret options: user mappings' and servers' */

/* what: the object's ALTER statement, "SERVER", "USER MAPPING". */
static void note_secrets(struct plan *plan, struct stmt *st,
			 const char *names, const char *what)
{
	if (names)
		st->reason = arena_printf(&plan->arena,
			"%s; secret options are never copied: set %s by hand "
			"(ALTER %s ... OPTIONS (ADD ...))",
			st->reason, names, what);
}



/* Servers */

static void server_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	const char *type = obj_get(o, "type");
	const char *version = obj_get(o, "version");
	char *secrets = pgarray_missing(obj_get(o, "secret_options"), NULL);

	strbuf_adds(&sql, "CREATE SERVER ");
	quote_ident(&sql, o->name);
	if (type) {
		strbuf_adds(&sql, " TYPE ");
		quote_literal(&sql, type);
	}
	if (version) {
		strbuf_adds(&sql, " VERSION ");
		quote_literal(&sql, version);
	}
	strbuf_adds(&sql, " FOREIGN DATA WRAPPER ");
	quote_ident(&sql, obj_get(o, "wrapper"));
	fdw_options_create(&sql, obj_get(o, "options"));
	note_secrets(plan, plan_add(plan, ACT_CREATE, CH_CREATE_SERVER, o,
				    NULL, &sql),
		     secrets, "SERVER");
	free(secrets);
	strbuf_release(&sql);
}

static void server_drop_as(struct plan *plan, const struct object *o,
			   enum change ch)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, "DROP SERVER ");
	quote_ident(&sql, o->name);
	plan_add(plan, ACT_DROP, ch, o, NULL, &sql);
	strbuf_release(&sql);
}

static void server_drop(struct plan *plan, const struct object *o)
{
	server_drop_as(plan, o, CH_DROP_SERVER);
}

/*
 * No ALTER SERVER changes the wrapper or the type: the server is dropped
 * and created again, and the planner re-creates its user mappings and
 * foreign tables around it (they depend on it in pg_depend).
 */
static void server_alter(struct plan *plan, const struct object *from,
			 const struct object *to)
{
	struct strbuf sql = STRBUF_INIT;
	const char *version = obj_get(to, "version");
	const char *old_secrets = obj_get(from, "secret_options");
	const char *new_secrets = obj_get(to, "secret_options");
	char *added;

	if (obj_attr_differs(from, to, "wrapper") ||
	    obj_attr_differs(from, to, "type")) {
		server_drop_as(plan, from, CH_RECREATE_SERVER);
		server_create(plan, to);
		return;
	}
	if (obj_attr_differs(from, to, "version")) {
		strbuf_adds(&sql, "ALTER SERVER ");
		quote_ident(&sql, to->name);
		strbuf_adds(&sql, " VERSION ");
		if (version)
			quote_literal(&sql, version);
		else
			strbuf_adds(&sql, "NULL");
		plan_add(plan, ACT_ALTER, CH_SERVER_VERSION, to, NULL, &sql);
	}
	strbuf_reset(&sql);
	strbuf_adds(&sql, "ALTER SERVER ");
	quote_ident(&sql, to->name);
	strbuf_addch(&sql, ' ');
	/* secrets by name only, as for user mappings */
	if (options_alter(&sql, obj_get(from, "options"), obj_get(to, "options"),
			  old_secrets, new_secrets)) {
		added = pgarray_missing(new_secrets, old_secrets);
		note_secrets(plan, plan_add(plan, ACT_ALTER, CH_SERVER_OPTIONS,
					    to, NULL, &sql),
			     added, "SERVER");
		free(added);
	}
	strbuf_release(&sql);
}

const struct kind_ops server_ops = { server_create, server_drop, server_alter };

/* User mappings: keyed by role ("public" for PUBLIC) and server (args). */

static char *mapping_what(const struct object *o)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_adds(&sb, "user mapping for ");
	if (obj_flag(o, "public"))
		strbuf_adds(&sb, "PUBLIC");
	else
		quote_ident(&sb, o->name);
	strbuf_adds(&sb, " on server ");
	quote_ident(&sb, obj_get(o, "server"));
	return strbuf_detach(&sb);
}

/* "USER MAPPING FOR alice SERVER s" */
static void mapping_name(struct strbuf *sql, const struct object *o)
{
	strbuf_adds(sql, "USER MAPPING FOR ");
	if (obj_flag(o, "public"))
		strbuf_adds(sql, "PUBLIC");
	else
		quote_ident(sql, o->name);
	strbuf_adds(sql, " SERVER ");
	quote_ident(sql, obj_get(o, "server"));
}

static struct stmt *mapping_add(struct plan *plan, enum action action,
				enum change ch, const struct object *o,
				struct strbuf *sql)
{
	char *what = mapping_what(o);
	struct stmt *st = plan_add(plan, action, ch, o, what, sql);

	free(what);
	if (action != ACT_DROP && !obj_flag(o, "public"))
		plan_check_role(plan, st, o->name);
	return st;
}

static void user_mapping_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	char *secrets = pgarray_missing(obj_get(o, "secret_options"), NULL);
	struct stmt *st;

	strbuf_adds(&sql, "CREATE ");
	mapping_name(&sql, o);
	fdw_options_create(&sql, obj_get(o, "options"));
	st = mapping_add(plan, ACT_CREATE, CH_CREATE_USER_MAPPING, o, &sql);
	note_secrets(plan, st, secrets, "USER MAPPING");
	if (!obj_flag(o, "options_readable"))
		st->reason = arena_printf(&plan->arena,
			"%s; its options could not be read (only its user, the "
			"server's owner and superusers see them): set them by hand",
			st->reason);
	free(secrets);
	strbuf_release(&sql);
}

static void user_mapping_drop(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_adds(&sql, "DROP ");
	mapping_name(&sql, o);
	mapping_add(plan, ACT_DROP, CH_DROP_USER_MAPPING, o, &sql);
	strbuf_release(&sql);
}

/*
 * Options both sides could read are compared, secret ones by name only: a
 * secret the target lacks is dropped (that needs no value), one it has
 * and the source lacks can only be noted.
 */
static void user_mapping_alter(struct plan *plan, const struct object *from,
			       const struct object *to)
{
	struct strbuf sql = STRBUF_INIT;
	const char *old_secrets = obj_get(from, "secret_options");
	const char *new_secrets = obj_get(to, "secret_options");
	char *added;
	struct stmt *st;

	if (!obj_flag(from, "options_readable") ||
	    !obj_flag(to, "options_readable"))
		return;
	strbuf_adds(&sql, "ALTER ");
	mapping_name(&sql, to);
	strbuf_addch(&sql, ' ');
	if (!options_alter(&sql, obj_get(from, "options"),
			   obj_get(to, "options"), old_secrets, new_secrets)) {
		strbuf_release(&sql);
		return;
	}
	added = pgarray_missing(new_secrets, old_secrets);
	st = mapping_add(plan, ACT_ALTER, CH_USER_MAPPING_OPTIONS, to, &sql);
	note_secrets(plan, st, added, "USER MAPPING");
	free(added);
	strbuf_release(&sql);
}

const struct kind_ops user_mapping_ops = { user_mapping_create,
					   user_mapping_drop,
					   user_mapping_alter };
