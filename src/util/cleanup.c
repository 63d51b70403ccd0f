/*
 * cleanup.c: the registry of things to undo at exit.  It is process state
 * on purpose: a signal handler has nowhere else to find it.
 */
#include <signal.h>
#include <string.h>

#include "pgdiff/cleanup.h"
#include "pgdiff/util.h"

#define MAX_ACTIONS 32

struct action {
	void (*fn)(void *arg);
	void *arg;
};

static struct action actions[MAX_ACTIONS];
static volatile sig_atomic_t nactions;
static volatile sig_atomic_t running;

int cleanup_register(void (*fn)(void *arg), void *arg)
{
	int slot;

	for (slot = 0; slot < nactions; slot++)
		if (!actions[slot].fn)
			break;
	if (slot == MAX_ACTIONS)
		BUG("more than %d cleanup actions", MAX_ACTIONS);
	actions[slot].arg = arg;
	actions[slot].fn = fn;
	if (slot == nactions)
		nactions = slot + 1;
	return slot;
}

void cleanup_done(int handle)
{
	if (handle >= 0 && handle < nactions)
		actions[handle].fn = NULL;
}

void cleanup_run_all(void)
{
	/* A signal during cleanup must not start a second, nested one. */
	if (running)
		return;
	running = 1;
	for (int i = nactions - 1; i >= 0; i--) {
		void (*fn)(void *) = actions[i].fn;
		actions[i].fn = NULL;
		if (fn)
			fn(actions[i].arg);
	}
	nactions = 0;
	running = 0;
}

/*
 * Cleaning up from the handler is not async-signal-safe in general; the
 * registered actions only unlink files, signal children and run commands,
 * and the process ends right after, which is the accepted trade for not
 * leaving clusters behind.
 */
static void on_signal(int sig)
{
	cleanup_run_all();
	signal(sig, SIG_DFL);
	raise(sig);
}

void cleanup_catch_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
}
