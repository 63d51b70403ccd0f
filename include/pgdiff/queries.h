/* queries.h: the catalog queries of sql/, embedded at build time by sql/embed.sh. */
#ifndef PGDIFF_QUERIES_H
#define PGDIFF_QUERIES_H

/* one per kind, named in kindlist.h */
#define KIND(id, name, query, ops, flags) extern const char query_##query[];
#include "pgdiff/kindlist.h"
#undef KIND

extern const char query_aliases[];
extern const char query_deps[];
extern const char query_unhandled[];
extern const char query_roles[];
extern const char query_tablespaces[];
/* read last: it may be refused (subscription_conninfo.sql) */
extern const char query_subscription_conninfo[];

#endif
