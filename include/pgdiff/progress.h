/* progress.h: one self-erasing status line on stderr, only on a terminal. */
#ifndef PGDIFF_PROGRESS_H
#define PGDIFF_PROGRESS_H

/* Turns progress on when stderr is a terminal and not quiet. */
void progress_init(int quiet);
/* Shows "pgdiff: <what>..." in place of the previous line. */
void progress_show(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Erases the line, before other output goes to stderr. */
void progress_clear(void);

#endif
