/* keywords.h: PostgreSQL's keywords, so quoting knows which names are taken. */
#ifndef PGDIFF_KEYWORDS_H
#define PGDIFF_KEYWORDS_H

/*
 * The category pg_get_keywords() gives word (compared without regard to
 * ASCII case): 'U' unreserved, 'C' unreserved but not a function or type
 * name, 'T' reserved but allowed as a function or type name, 'R' reserved;
 * 0 when word is not a keyword.  Only 'U' keywords are safe as bare
 * identifiers everywhere.
 */
int keyword_category(const char *word);

#endif
