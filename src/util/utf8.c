/* utf8.c: validation and widths through utf8proc, kept behind one small header. */
#include <string.h>
#include <sys/types.h>

#include <utf8proc.h>

#include "pgdiff/utf8.h"
#include "pgdiff/util.h"

int utf8_valid(const char *s, size_t len, size_t *bad_offset)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t off = 0;

	while (off < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p + off,
						      (utf8proc_ssize_t)(len - off),
						      &cp);
		if (n < 0) {
			if (bad_offset)
				*bad_offset = off;
			return 0;
		}
		off += (size_t)n;
	}
	return 1;
}

size_t utf8_width(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t width = 0, len = strlen(s), off = 0;

	while (off < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p + off,
						      (utf8proc_ssize_t)(len - off),
						      &cp);
		if (n <= 0) {
			width++;
			off++;
			continue;
		}
		width += (size_t)utf8proc_charwidth(cp);
		off += (size_t)n;
	}
	return width;
}

const char *utf8_library_version(void)
{
	return utf8proc_version();
}

char *utf8_fold(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
		UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
		UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);

	/* invalid UTF-8 cannot be folded: compare it as it is */
	if (n < 0)
		return xstrdup(s);
	return (char *)out;
}
