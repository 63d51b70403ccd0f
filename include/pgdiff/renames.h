/* renames.h: --rename OLD=NEW, and spotting drops and creates that look like renames. */
#ifndef PGDIFF_RENAMES_H
#define PGDIFF_RENAMES_H

#include "pgdiff/model.h"
#include "pgdiff/plan.h"
#include "pgdiff/strbuf.h"

/*
 * Renames, in the source snapshot, the object named OLD (as reasons name
 * it: public.orders.note) to the last part of NEW, so that the diff sees
 * it under its new name and the plan writes ALTER ... RENAME.
 * Returns -1 with err set when OLD names no object or several.
 */
int rename_apply(struct snapshot *from, const char *spec, struct strbuf *err);

/* Whether --rename knows how to rename objects of this kind. */
int rename_supported(enum obj_kind kind);
/* ALTER ... RENAME for every object of the source that --rename renamed. */
void plan_add_renames(struct plan *plan);
/* Fills plan->hints from the drop and create statements. */
void plan_find_renames(struct plan *plan);

#endif
