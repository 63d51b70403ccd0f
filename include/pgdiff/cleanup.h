/* cleanup.h: what must not outlive pgdiff, undone on exit, error and signal alike. */
#ifndef PGDIFF_CLEANUP_H
#define PGDIFF_CLEANUP_H

/* Registers fn(arg) to run at exit; returns a handle for cleanup_done. */
int cleanup_register(void (*fn)(void *arg), void *arg);
/* The work was undone normally: forget the handle. */
void cleanup_done(int handle);
/* Runs every registered action, newest first, once. */
void cleanup_run_all(void);
/* Installs SIGINT, SIGTERM and SIGHUP handlers that clean up, then die of the signal. */
void cleanup_catch_signals(void);

#endif
