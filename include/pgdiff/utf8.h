/* utf8.h: UTF-8 validation and display widths (the only user of utf8proc). */
#ifndef PGDIFF_UTF8_H
#define PGDIFF_UTF8_H

#include <stddef.h>

/* Returns 1 if s[0..len) is valid UTF-8; else 0 and the first bad offset. */
int utf8_valid(const char *s, size_t len, size_t *bad_offset);
/* Terminal columns s takes (wide characters count two). */
size_t utf8_width(const char *s);
const char *utf8_library_version(void);
/*
 * s normalised (NFKC) and case-folded, to tell names that only look
 * different from each other (caller frees).  Never used to match objects.
 */
char *utf8_fold(const char *s);

#endif
