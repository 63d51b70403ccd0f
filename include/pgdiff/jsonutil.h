/* jsonutil.h: jansson builders that die on out-of-memory instead of returning NULL. */
#ifndef PGDIFF_JSONUTIL_H
#define PGDIFF_JSONUTIL_H

#include <jansson.h>

json_t *jsonutil_object(void);
json_t *jsonutil_array(void);
/* Steals value, which must not be NULL. */
void jsonutil_set(json_t *obj, const char *key, json_t *value);
void jsonutil_append(json_t *array, json_t *value);
/* Dies: a JSON value could not be allocated. */
_Noreturn void jsonutil_out_of_memory(void);

#endif
