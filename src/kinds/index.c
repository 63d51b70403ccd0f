/*
 * index.c: indexes that no constraint owns; any change re-creates them.  An
 * index on a partitioned table makes (or adopts) one on every partition,
 * and partitions get their parent's indexes: those are implicit.
 */
#include <string.h>

#include "pgdiff/kinds.h"
#include "pgdiff/quote.h"

/* The definition without ONLY: a partitioned index is made whole at once. */
static void create_definition(struct strbuf *sb, const struct object *o)
{
	const char *def = obj_get(o, "definition");
	struct strbuf head = STRBUF_INIT;
	size_t skip = 0;

	strbuf_adds(&head, obj_flag(o, "is_unique") ? "CREATE UNIQUE INDEX " :
		    "CREATE INDEX ");
	quote_ident(&head, o->name);
	strbuf_adds(&head, " ON ONLY ");
	if (!strncmp(def, head.buf, head.len))
		skip = strlen(" ONLY");
	if (skip) {
		strbuf_add(sb, def, head.len - skip - 1);
		strbuf_adds(sb, def + head.len - 1);
	} else {
		strbuf_adds(sb, def);
	}
	strbuf_release(&head);
}

/* Whether the plan creates (or re-creates) the index of this qualified name. */
static int index_new_in_plan(const struct plan *plan, const char *qname)
{
	struct strbuf key = STRBUF_INIT;
	const struct object *from, *to;
	int fresh;

	strbuf_addf(&key, "%s %s", obj_kind_name(OBJ_INDEX), qname);
	from = snapshot_find(plan->from, key.buf);
	to = snapshot_find(plan->to, key.buf);
	fresh = !from || !to || obj_attr_differs(from, to, "definition") ||
		table_new_in_plan(plan, to->parent);
	strbuf_release(&key);
	return fresh;
}

/*
 * A partition's index attached to its parent's comes with the partition,
 * with ATTACH PARTITION, or with the parent's CREATE INDEX.
 */
static int comes_with_parent(const struct plan *plan, const struct object *o)
{
	const char *parent = obj_get(o, "attached_to");

	return parent && (table_new_in_plan(plan, o->parent) ||
			  table_links_change(plan, o->parent) ||
			  index_new_in_plan(plan, parent));
}

static void attach_index(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;

	strbuf_addf(&sql, "ALTER INDEX %s ATTACH PARTITION ",
		    obj_get(o, "attached_to"));
	quote_qualified(&sql, o->schema, o->name);
	plan_add(plan, ACT_ALTER, CH_ATTACH_INDEX, o, NULL, &sql);
	strbuf_release(&sql);
}

static void index_create(struct plan *plan, const struct object *o)
{
	struct strbuf sql = STRBUF_INIT;
	int new_table = table_new_in_plan(plan, o->parent);

	if (comes_with_parent(plan, o))
		return;
	create_definition(&sql, o);
	plan_add(plan, ACT_CREATE,
		 new_table ? CH_CREATE_INDEX_NEW_TABLE : CH_CREATE_INDEX,
		 o, NULL, &sql);
	if (obj_get(o, "attached_to"))
		attach_index(plan, o);
	strbuf_release(&sql);
}

static struct stmt *index_drop_as(struct plan *plan, const struct object *o,
				  enum change ch)
{
	struct strbuf sql = STRBUF_INIT;
	struct stmt *st;

	strbuf_adds(&sql, "DROP INDEX ");
	quote_qualified(&sql, o->schema, o->name);
	st = plan_add(plan, ACT_DROP, ch, o, NULL, &sql);
	strbuf_release(&sql);
	return st;
}

/*
 * An attached index goes with its parent index; once its partition is
 * detached it is the partition's own, and goes after the DETACH.
 */
static int drop_attached(struct plan *plan, const struct object *o,
			 enum change ch)
{
	const char *parent = obj_get(o, "attached_to");
	struct stmt *st;

	if (!parent)
		return 0;
	if (index_new_in_plan(plan, parent))
		return 1;
	st = index_drop_as(plan, o, ch);
	keylist_add(plan, &st->needs, o->parent->key);
	return 1;
}

static void index_drop(struct plan *plan, const struct object *o)
{
	if (!drop_attached(plan, o, CH_DROP_INDEX))
		index_drop_as(plan, o, CH_DROP_INDEX);
}

static void index_alter(struct plan *plan, const struct object *from,
			const struct object *to)
{
	if (obj_attr_differs(from, to, "definition")) {
		if (!drop_attached(plan, from, CH_RECREATE_DROP))
			index_drop_as(plan, from, CH_RECREATE_DROP);
		index_create(plan, to);
		return;
	}
	/* an index is attached by ATTACH PARTITION or the parent's CREATE */
	if (obj_get(to, "attached_to") &&
	    obj_attr_differs(from, to, "attached_to") &&
	    !comes_with_parent(plan, to))
		attach_index(plan, to);
}

const struct kind_ops index_ops = { index_create, index_drop, index_alter };
