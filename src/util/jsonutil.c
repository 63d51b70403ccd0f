/* jsonutil.c: one place for jansson's allocation failures. */
#include "pgdiff/jsonutil.h"
#include "pgdiff/util.h"

_Noreturn void jsonutil_out_of_memory(void)
{
	die(EXIT_INTERNAL, "out of memory while building JSON");
}

json_t *jsonutil_object(void)
{
	json_t *j = json_object();

	if (!j)
		jsonutil_out_of_memory();
	return j;
}

json_t *jsonutil_array(void)
{
	json_t *j = json_array();

	if (!j)
		jsonutil_out_of_memory();
	return j;
}

void jsonutil_set(json_t *obj, const char *key, json_t *value)
{
	if (!value || json_object_set_new(obj, key, value))
		jsonutil_out_of_memory();
}

void jsonutil_append(json_t *array, json_t *value)
{
	if (!value || json_array_append_new(array, value))
		jsonutil_out_of_memory();
}
