/* version.h: the release, shown by --version and in every script header. */
#ifndef PGDIFF_VERSION_H
#define PGDIFF_VERSION_H

#define PGDIFF_VERSION "0.1.0"

#endif
