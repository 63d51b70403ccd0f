/* inspect.h: a readable listing of one side's schema, like \d for all of it. */
#ifndef PGDIFF_INSPECT_H
#define PGDIFF_INSPECT_H

#include <stdio.h>

#include "pgdiff/model.h"

void inspect_write(FILE *out, const struct snapshot *snap);

#endif
