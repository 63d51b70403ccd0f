/* order.c: a deterministic topological sort of the statements over their key sets. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pgdiff/plan.h"
#include "pgdiff/util.h"

void plan_order(struct plan *plan);

/* Statements that name a key in one of their lists. */
struct users {
	struct stmt **list;
	size_t n, alloc;
};

struct graph {
	struct plan *plan;
	struct stmt **nodes;	/* the statements that are not omitted */
	size_t n;
	size_t **succ;		/* successors, by node index */
	size_t *nsucc, *succ_alloc;
	size_t *indegree;
};

static size_t node_of(const struct stmt *st)
{
	return st->seq;	/* reassigned to the node index in plan_order */
}

static void add_edge(struct graph *g, const struct stmt *first,
		     const struct stmt *then)
{
	size_t a = node_of(first), b = node_of(then);

	if (a == b)
		return;
	ALLOC_GROW(g->succ[a], g->nsucc[a] + 1, g->succ_alloc[a]);
	g->succ[a][g->nsucc[a]++] = b;
	g->indegree[b]++;
}

/* One map per key list: key -> the statements whose list holds it. */
struct key_index {
	struct strmap map;
	struct users *pool;
	size_t n, alloc;
};

static void index_keys(struct key_index *ix, const struct keylist *keys,
		       struct stmt *st)
{
	for (size_t i = 0; i < keys->n; i++) {
		size_t at = (size_t)(uintptr_t)strmap_get(&ix->map, keys->keys[i]);
		struct users *u;

		if (!at) {
			ALLOC_GROW(ix->pool, ix->n + 1, ix->alloc);
			memset(&ix->pool[ix->n], 0, sizeof(*ix->pool));
			at = ++ix->n;
			strmap_put(&ix->map, keys->keys[i], (void *)(uintptr_t)at);
		}
		u = &ix->pool[at - 1];
		if (u->n && u->list[u->n - 1] == st)
			continue;
		ALLOC_GROW(u->list, u->n + 1, u->alloc);
		u->list[u->n++] = st;
	}
}

static const struct users *lookup(const struct key_index *ix, const char *key)
{
	size_t at = (size_t)(uintptr_t)strmap_get(&ix->map, key);
	return at ? &ix->pool[at - 1] : NULL;
}

static void key_index_release(struct key_index *ix)
{
	for (size_t i = 0; i < ix->n; i++)
		free(ix->pool[i].list);
	free(ix->pool);
	strmap_release(&ix->map);
}

static void build_index(struct key_index *ix, struct graph *g, int which)
{
	memset(ix, 0, sizeof(*ix));
	for (size_t i = 0; i < g->n; i++) {
		struct stmt *st = g->nodes[i];
		const struct keylist *l = which == 0 ? &st->creates :
			which == 1 ? &st->drops : &st->unneeds;
		index_keys(ix, l, st);
	}
}

static void add_edges_to(struct graph *g, const struct users *u,
			 const struct stmt *st, int before)
{
	if (!u)
		return;
	for (size_t i = 0; i < u->n; i++) {
		if (before)
			add_edge(g, u->list[i], st);
		else
			add_edge(g, st, u->list[i]);
	}
}

/*
 * The type <-> function repair (a cycle PostgreSQL breaks with a shell
 * type): creator completes a type and needs st, which needs the type back.
 * st then waits only for the type's other creator, the shell statement
 * (CREATE TYPE name), or for nothing when the type exists already (ALTER
 * TYPE ... SET).  Without it the two statements would close a cycle.
 */
static int shell_serves(const struct stmt *creator, const struct stmt *st)
{
	if (!creator->shell_repair)
		return 0;
	for (size_t i = 0; i < creator->needs.n; i++)
		for (size_t k = 0; k < st->creates.n; k++)
			if (!strcmp(creator->needs.keys[i], st->creates.keys[k]))
				return 1;
	return 0;
}

static void add_need_edges(struct graph *g, const struct users *u,
			   const struct stmt *st)
{
	if (!u)
		return;
	for (size_t i = 0; i < u->n; i++)
		if (!shell_serves(u->list[i], st))
			add_edge(g, u->list[i], st);
}

/*
 * A statement runs after whatever creates what it needs; a drop runs after
 * whatever stops needing what it drops, and before whatever re-creates it.
 */
static void build_edges(struct graph *g)
{
	struct key_index creators, droppers, unneeders;

	build_index(&creators, g, 0);
	build_index(&droppers, g, 1);
	build_index(&unneeders, g, 2);
	for (size_t i = 0; i < g->n; i++) {
		struct stmt *st = g->nodes[i];

		for (size_t k = 0; k < st->needs.n; k++)
			add_need_edges(g, lookup(&creators, st->needs.keys[k]),
				       st);
		for (size_t k = 0; k < st->drops.n; k++) {
			const char *key = st->drops.keys[k];
			add_edges_to(g, lookup(&unneeders, key), st, 1);
			add_edges_to(g, lookup(&creators, key), st, 0);
		}
		/* what stops using a column goes before its type changes */
		for (size_t k = 0; k < st->rewrites.n; k++)
			add_edges_to(g, lookup(&unneeders, st->rewrites.keys[k]),
				     st, 1);
		for (size_t k = 0; k < st->nafter; k++)
			if (!st->after[k]->omitted)
				add_edge(g, st->after[k], st);
	}
	key_index_release(&creators);
	key_index_release(&droppers);
	key_index_release(&unneeders);
}

/* Among statements free to run: drops first, then by kind, key and age. */
static int before(const struct stmt *a, const struct stmt *b)
{
	/* renames first: everything after speaks of the new names */
	int ca = a->change == CH_RENAME ? -1 : a->action == ACT_DROP ? 0 : 1;
	int cb = b->change == CH_RENAME ? -1 : b->action == ACT_DROP ? 0 : 1;
	int c;

	if (ca != cb)
		return ca < cb;
	if (a->obj && b->obj) {
		int ka = a->obj->kind, kb = b->obj->kind;
		if (ka != kb)
			return ca == 0 ? ka > kb : ka < kb;
		c = strcmp(a->obj->key, b->obj->key);
		if (c)
			return c < 0;
	}
	/* Statements about one object keep the order their kind wrote them in. */
	return 0;
}

/* A binary min-heap of node indices ordered by before(). */
struct heap {
	size_t *items;
	size_t n, alloc;
	struct stmt **nodes;
};

static int heap_less(const struct heap *h, size_t i, size_t j)
{
	const struct stmt *a = h->nodes[h->items[i]], *b = h->nodes[h->items[j]];
	if (before(a, b))
		return 1;
	if (before(b, a))
		return 0;
	return h->items[i] < h->items[j];
}

static void heap_swap(struct heap *h, size_t i, size_t j)
{
	size_t t = h->items[i];
	h->items[i] = h->items[j];
	h->items[j] = t;
}

static void heap_push(struct heap *h, size_t node)
{
	size_t i;

	ALLOC_GROW(h->items, h->n + 1, h->alloc);
	i = h->n++;
	h->items[i] = node;
	while (i && heap_less(h, i, (i - 1) / 2)) {
		heap_swap(h, i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
}

static size_t heap_pop(struct heap *h)
{
	size_t top = h->items[0], i = 0;

	h->items[0] = h->items[--h->n];
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		if (l < h->n && heap_less(h, l, m))
			m = l;
		if (r < h->n && heap_less(h, r, m))
			m = r;
		if (m == i)
			break;
		heap_swap(h, i, m);
		i = m;
	}
	return top;
}

/* The first statement in priority order that is still waiting: a cycle's way out. */
static size_t break_cycle(struct graph *g, const int *done)
{
	size_t best = g->n;

	for (size_t i = 0; i < g->n; i++)
		if (!done[i] && (best == g->n || before(g->nodes[i], g->nodes[best])))
			best = i;
	return best;
}

void plan_order(struct plan *plan)
{
	struct graph g = { plan, NULL, 0, NULL, NULL, NULL, NULL };
	struct heap h = { NULL, 0, 0, NULL };
	struct stmt **out;
	size_t nout = 0;
	int *done;

	g.nodes = xcalloc(plan->nstmts + 1, sizeof(*g.nodes));
	for (size_t i = 0; i < plan->nstmts; i++)
		if (!plan->stmts[i]->omitted)
			g.nodes[g.n++] = plan->stmts[i];
	for (size_t i = 0; i < g.n; i++)
		g.nodes[i]->seq = i;
	g.succ = xcalloc(g.n + 1, sizeof(*g.succ));
	g.nsucc = xcalloc(g.n + 1, sizeof(*g.nsucc));
	g.succ_alloc = xcalloc(g.n + 1, sizeof(*g.succ_alloc));
	g.indegree = xcalloc(g.n + 1, sizeof(*g.indegree));
	done = xcalloc(g.n + 1, sizeof(*done));
	build_edges(&g);

	h.nodes = g.nodes;
	out = xcalloc(plan->nstmts + 1, sizeof(*out));
	for (size_t i = 0; i < g.n; i++)
		if (!g.indegree[i])
			heap_push(&h, i);
	while (nout < g.n) {
		size_t next;

		if (h.n) {
			next = heap_pop(&h);
		} else {
			next = break_cycle(&g, done);
			plan->ncycles++;
		}
		if (done[next])
			continue;
		done[next] = 1;
		out[nout++] = g.nodes[next];
		for (size_t k = 0; k < g.nsucc[next]; k++) {
			size_t s = g.succ[next][k];
			if (--g.indegree[s] == 0 && !done[s])
				heap_push(&h, s);
		}
	}
	/* Omitted statements stay owned by the plan, after the executed ones. */
	for (size_t i = 0; i < plan->nstmts; i++)
		if (plan->stmts[i]->omitted)
			out[nout++] = plan->stmts[i];
	free(plan->stmts);
	plan->stmts = out;
	plan->stmts_alloc = plan->nstmts + 1;
	plan->nstmts = g.n;
	plan->nomitted = nout - g.n;

	for (size_t i = 0; i < g.n; i++)
		free(g.succ[i]);
	free(g.succ);
	free(g.nsucc);
	free(g.succ_alloc);
	free(g.indegree);
	free(g.nodes);
	free(h.items);
	free(done);
}
