/* queries.h: the catalog queries of sql/, embedded at build time by sql/embed.sh. */
#ifndef PGDIFF_QUERIES_H
#define PGDIFF_QUERIES_H

extern const char query_schemas[];
extern const char query_extensions[];
extern const char query_enums[];
extern const char query_sequences[];
extern const char query_tables[];
extern const char query_columns[];
extern const char query_constraints[];
extern const char query_indexes[];
extern const char query_aliases[];
extern const char query_deps[];
extern const char query_unhandled[];

#endif
