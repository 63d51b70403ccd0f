/* genpair.c: writes a random schema (a.sql) and a random mutation of it (b.sql) from a seed */
/*
 *   genpair [--kinds LIST] SEED DIR
 *
 * The same seed and kind list give byte-identical files on every machine: the
 * generator has its own PRNG (splitmix64) and never reads the clock or the
 * locale.  Schema A is a small model (schemas, extensions, collations, enums,
 * domains, sequences, tables with columns, constraints, indexes, statistics
 * objects and rules, views and materialized views, functions, triggers,
 * policies, grants, partitioned tables, comments, and storage settings of
 * tables and columns; --kinds picks some); B is a copy of the model changed
 * by 1-6 mutations.  Removing an object from B removes whatever depends on
 * it there too, so both files always load.  The mutations B received are
 * listed in its header, which helps when a failing pair is cut down to a
 * fixture.
 *
 * Columns are only ever added at the end of a table so that pg_dump of A after
 * the diff is applied stays comparable with pg_dump of B.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- kinds ------------------------------------------------------------ */

enum {
	K_SCHEMA = 1 << 0,
	K_EXTENSION = 1 << 1,
	K_ENUM = 1 << 2,
	K_SEQUENCE = 1 << 3,
	K_TABLE = 1 << 4,
	K_COLUMN = 1 << 5,
	K_CONSTRAINT = 1 << 6,
	K_INDEX = 1 << 7,
	K_VIEW = 1 << 8,
	K_FUNCTION = 1 << 9,
	K_TRIGGER = 1 << 10,
	K_POLICY = 1 << 11,
	K_GRANT = 1 << 12,
	K_PARTITION = 1 << 13,
	K_COMMENT = 1 << 14,
	K_SETTINGS = 1 << 15,
	K_STATISTICS = 1 << 16,
	K_DOMAIN = 1 << 17,
	K_MATVIEW = 1 << 18,
	K_COLLATION = 1 << 19,
	K_RULE = 1 << 20
};

static const struct {
	const char *name;
	int bit;
} kind_names[] = {
	{"schemas", K_SCHEMA}, {"extensions", K_EXTENSION},
	{"enums", K_ENUM}, {"sequences", K_SEQUENCE},
	{"tables", K_TABLE}, {"columns", K_COLUMN},
	{"constraints", K_CONSTRAINT}, {"indexes", K_INDEX},
	{"views", K_VIEW}, {"functions", K_FUNCTION},
	{"triggers", K_TRIGGER}, {"policies", K_POLICY},
	{"grants", K_GRANT}, {"partitions", K_PARTITION},
	{"comments", K_COMMENT}, {"settings", K_SETTINGS},
	{"statistics", K_STATISTICS}, {"domains", K_DOMAIN},
	{"matviews", K_MATVIEW}, {"collations", K_COLLATION},
	{"rules", K_RULE},
};

#define KINDS_ALL ((K_RULE << 1) - 1)
/* Every kind the generator knows: pgdiff handles them all. */
#define KINDS_DEFAULT KINDS_ALL

static int kinds;

static bool on(int k)
{
	return (kinds & k) != 0;
}

/* ---- utilities -------------------------------------------------------- */

static const char *progname = "genpair";

static void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die("out of memory");
	return p;
}

/* A growable string; s is never NULL. */
struct buf {
	char *s;
	size_t len, cap;
};

static void buf_init(struct buf *b)
{
	b->cap = 256;
	b->len = 0;
	b->s = xmalloc(b->cap);
	b->s[0] = '\0';
}

static void buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, cp);
	va_end(cp);
	if (n < 0)
		die("vsnprintf failed");
	if ((size_t)n >= b->cap - b->len) {
		while ((size_t)n >= b->cap - b->len)
			b->cap *= 2;
		b->s = realloc(b->s, b->cap);
		if (!b->s)
			die("out of memory");
		vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
	}
	b->len += (size_t)n;
}

static void buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(b, fmt, ap);
	va_end(ap);
}

/* Returns a formatted string; caller owns it (the generator never frees). */
static char *fmt(const char *f, ...)
{
	struct buf b;
	va_list ap;

	buf_init(&b);
	va_start(ap, f);
	buf_vaddf(&b, f, ap);
	va_end(ap);
	return b.s;
}

/* ---- PRNG: splitmix64, identical everywhere --------------------------- */

static uint64_t rng_state;

static uint64_t rng_next(void)
{
	uint64_t z = (rng_state += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* Uniform in [0, n); n > 0. */
static int rnd(int n)
{
	return (int)(rng_next() % (uint64_t)n);
}

/* True with probability pct percent. */
static bool chance(int pct)
{
	return rnd(100) < pct;
}

/* ---- identifiers ------------------------------------------------------ */

/* Words that must be quoted (keywords of some category, or close to it). */
static const char *const keywords[] = {
	"all", "check", "column", "constraint", "default", "from", "group",
	"key", "limit", "order", "select", "table", "user", "value", "type",
	"name", "position", "time", "timestamp", "date", "level", "comment",
};

static bool needs_quotes(const char *s)
{
	const char *p;
	size_t i;

	if (!((*s >= 'a' && *s <= 'z') || *s == '_'))
		return true;
	for (p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      *p == '_'))
			return true;
	for (i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
		if (strcmp(s, keywords[i]) == 0)
			return true;
	return false;
}

/* The identifier as SQL; caller owns it. */
static char *qi(const char *s)
{
	struct buf b;
	const char *p;

	if (!needs_quotes(s))
		return fmt("%s", s);
	buf_init(&b);
	buf_addf(&b, "\"");
	for (p = s; *p; p++)
		buf_addf(&b, *p == '"' ? "\"\"" : "%c", *p);
	buf_addf(&b, "\"");
	return b.s;
}

/* A string literal; caller owns it. */
static char *lit(const char *s)
{
	struct buf b;
	const char *p;

	buf_init(&b);
	buf_addf(&b, "'");
	for (p = s; *p; p++)
		buf_addf(&b, *p == '\'' ? "''" : "%c", *p);
	buf_addf(&b, "'");
	return b.s;
}

static const char *const hostile[] = {
	"Order", "select", "user", "with space", "quote\"d", "MiXeD",
	"\xc3\xbc" "n" "\xc3\xaf" "c" "\xc3\xb8" "de", "semi;colon", "dollar$sign",
	"dash-ed", "a.b", "1st", "it's",
	"a_long_identifier_that_comes_close_to_the_limit_of_63",
};

/* Every name of a schema object, so that names never collide (relations,
 * types, constraints and indexes share namespaces in ways not worth
 * modelling). */
static char **used_names;
static int nused, capused;

static bool name_used(const char *s)
{
	int i;

	for (i = 0; i < nused; i++)
		if (strcmp(used_names[i], s) == 0)
			return true;
	return false;
}

static void name_use(char *s)
{
	if (nused == capused) {
		capused = capused ? capused * 2 : 64;
		used_names = realloc(used_names, sizeof(*used_names) * (size_t)capused);
		if (!used_names)
			die("out of memory");
	}
	used_names[nused++] = s;
}

static int name_counter;

/* A new object name from base, or from the hostile list now and then. */
static char *new_name(const char *base, int hostile_pct)
{
	char *s;
	size_t n = strlen(base);

	/* derived names stay well under 63 bytes: truncation could merge two */
	if (n > 40) {
		n = 40;
		while (n > 0 && ((unsigned char)base[n] & 0xc0) == 0x80)
			n--;
		base = fmt("%.*s", (int)n, base);
	}

	if (chance(hostile_pct)) {
		s = fmt("%s", hostile[rnd(sizeof(hostile) / sizeof(hostile[0]))]);
		if (!name_used(s)) {
			name_use(s);
			return s;
		}
		s = fmt("%s %d", s, ++name_counter);
	} else {
		s = fmt("%s_%d", base, ++name_counter);
	}
	name_use(s);
	return s;
}

/* ---- the model -------------------------------------------------------- */

#define MAXSCHEMA 8
#define MAXENUM 8
#define MAXSEQ 12
#define MAXTAB 28
#define MAXCOL 24
#define MAXCON 16
#define MAXIDX 10
#define MAXVAL 12
#define MAXFN 10
#define MAXVIEW 12
#define MAXTRG 6
#define MAXPOL 6
#define MAXPART 6
#define MAXPT 4
#define MAXSTX 4
#define MAXDOM 6
#define MAXDCHK 4
#define MAXCOLL 4
#define MAXRULE 3
#define NROLES 2

enum fam {
	F_INT, F_NUM, F_TEXT, F_TIME, F_BOOL, F_UUID, F_JSON, F_ENUM, F_DOMAIN, F_NFAM
};

/* Table storage parameters: name and the values a table may get.  The
 * toast.* ones live in the toast table's own list; the others are written
 * in this (name) order. */
static const struct {
	const char *name;
	const char *vals[3];
	int nvals;
} relopts[] = {
	{"autovacuum_enabled", {"false", "true"}, 2},
	{"autovacuum_vacuum_scale_factor", {"0.05", "0.2", "0.5"}, 3},
	{"fillfactor", {"70", "80", "100"}, 3},
	{"parallel_workers", {"0", "2", "4"}, 3},
	{"toast_tuple_target", {"256", "4096"}, 2},
	{"toast.autovacuum_enabled", {"false", "true"}, 2},
	{"toast.autovacuum_vacuum_cost_delay", {"5", "10"}, 2},
};
#define NRELOPT ((int)(sizeof(relopts) / sizeof(relopts[0])))

/* Column attribute options (ALTER COLUMN SET (...)), as whole lists. */
static const char *const attopts[] = {
	NULL, "n_distinct = 100", "n_distinct = -0.5", "n_distinct_inherited = 20",
	"n_distinct = -1, n_distinct_inherited = -0.25",
};
#define NATTOPT ((int)(sizeof(attopts) / sizeof(attopts[0])))

static const char *const storages[] = {NULL, "PLAIN", "MAIN", "EXTERNAL", "EXTENDED"};
static const char *const compressions[] = {NULL, "pglz", "lz4"};

/* Comments, hostile to quoting now and then. */
static const char *const comments[] = {
	"the key", "it's here", "line one\nline two", "\xc3\xa9t\xc3\xa9 \xe2\x82\xac",
	"50% off; -- not a comment", "back\\slash", "$$dollar$$", "quote\"d",
};

static const char *const roles[NROLES] = {"fuzz_reader", "fuzz_writer"};

struct schema {
	char *name;
	bool dead, builtin;
	int usage;		/* bit per role: GRANT USAGE */
};

struct enumt {
	int schema;
	char *name;
	char *vals[MAXVAL];
	int nvals;
	bool dead;
};

struct seq {
	int schema;
	char *name;
	int astype;		/* 0 bigint, 1 integer */
	int inc, start, cache;
	long long maxv;		/* 0: NO MAXVALUE */
	bool cycle;
	int owner_t, owner_c;	/* OWNED BY, or -1 */
	int priv[NROLES];	/* 1 USAGE, 2 SELECT */
	bool dead;
};

struct col {
	char *name;
	int fam, sub, len;	/* len: varchar length or numeric precision */
	int enum_id;		/* F_ENUM */
	bool not_null;
	char *def;		/* default expression */
	int def_seq, def_fn;	/* what the default calls, or -1 */
	char identity;		/* 0, 'a' (always), 'd' (by default) */
	int id_inc;		/* identity sequence options; 0: none given */
	int id_start, id_cache, id_maxv;	/* id_maxv 0: NO MAXVALUE */
	bool id_cycle;
	int gen_base;		/* generated from this column, or -1 */
	int gen_kind;
	int dom_id;		/* F_DOMAIN */
	int coll;		/* 0 default, 1 "C", 2 "POSIX", 3 + n: collation n */
	int storage, compression;	/* index in storages[] / compressions[] */
	int stattarget;		/* SET STATISTICS, -1: default */
	int attopt;		/* index in attopts[] */
	const char *comment;
	bool dead;
};

struct con {
	char *name;
	char type;		/* p, u, c, f */
	int cols[4], ncols;	/* p, u, f: the columns; c: the columns it reads */
	char *expr;		/* c */
	int fn;			/* c: function it calls, or -1 */
	int ftab, fcols[4];	/* f */
	int ondel, onupd;
	bool deferrable, deferred, match_full, not_valid, nulls_nd;
	const char *comment;
	bool dead;
};

struct idx {
	char *name;
	bool unique;
	int method;		/* 0 btree, 1 hash, 2 gin (jsonb), 3 gin trgm */
	int cols[4], ncols;	/* key columns */
	int expr[4];		/* per key: 0 plain, 1 lower(), 2 (+ 1), 3 DESC NULLS LAST */
	int incl, where;	/* INCLUDE column, WHERE column, or -1 */
	const char *comment;
	bool dead;
};

struct trg {
	char *name;
	int fn;
	bool before, row;
	int events;		/* 1 insert, 2 update, 4 delete, 8 truncate */
	int of_col, when_col;	/* -1 */
	char enabled;		/* 'O' (as created), 'D', 'R', 'A' */
	bool dead;
};

struct pol {
	char *name;
	int cmd;		/* 0 ALL, 1 SELECT, 2 INSERT, 3 UPDATE, 4 DELETE */
	bool restrictive;
	int role;		/* -1 PUBLIC */
	int using_col, check_col;	/* -1: true */
	bool dead;
};

/* An extended statistics object on a table. */
struct stx {
	int schema;
	char *name;
	int cols[4], ncols;
	int expr;		/* a column read by an expression, or -1 */
	int kinds;		/* bits: ndistinct, dependencies, mcv; 0: all */
	int target;		/* SET STATISTICS, -1: default */
	const char *comment;
	bool dead;
};

struct rule {
	char *name;
	int event;		/* 0 INSERT, 1 UPDATE, 2 DELETE */
	bool instead;		/* DO INSTEAD NOTHING, else DO ALSO NOTIFY (SELECT 1
				 * with a WHERE, which NOTIFY cannot have) */
	int where_col;		/* WHERE ... IS NOT NULL, or -1 */
	bool dead;
};

struct table {
	int schema;
	char *name;
	bool unlogged, dead;
	const char *comment;
	int relopt[NRELOPT];	/* 1 + index in relopts[].vals, 0: unset */
	char replident;		/* 'd', 'f', 'n', 'i' (USING INDEX of the PK) */
	struct stx stxs[MAXSTX];
	int nstxs;
	struct rule rules[MAXRULE];
	int nrules;
	struct col cols[MAXCOL];
	int ncols;
	struct con cons[MAXCON];
	int ncons;
	struct idx idxs[MAXIDX];
	int nidxs;
	struct trg trgs[MAXTRG];
	int ntrgs;
	struct pol pols[MAXPOL];
	int npols;
	bool rls, force_rls;
	int priv[NROLES];	/* bits: SELECT INSERT UPDATE DELETE TRUNCATE REFERENCES TRIGGER */
};

struct fn {
	int schema;
	char *name;
	bool trigger;		/* RETURNS trigger (plpgsql) */
	int k;			/* body constant */
	int vol;		/* 0 immutable, 1 stable, 2 volatile */
	bool strict;
	int exec;		/* bit per role: EXECUTE; bit 4: revoked from PUBLIC */
	const char *comment;
	bool dead;
};

struct view {
	int schema;
	char *name;
	bool on_view;
	int base;		/* table or view */
	int sel[MAXCOL], nsel;	/* columns of the base (for a view: positions) */
	int where;		/* position in sel: WHERE ... IS NOT NULL, or -1 */
	int priv[NROLES];	/* SELECT */
	bool materialized;
	bool barrier;		/* security_barrier */
	bool mv_idx;		/* materialized: an index on its first column */
	bool mv_autovac;	/* materialized: autovacuum_enabled = false */
	const char *comment;
	bool dead;
};

struct part {
	char *name;
	int lo;			/* range: lo*100..; list: values; hash: remainder */
	bool is_default;
	bool dead;
};

struct ptable {
	int schema;
	char *name;
	int strategy;		/* 0 range, 1 list, 2 hash */
	int modulus;
	int nextra;		/* extra text columns added at the end */
	bool pk;
	bool idx;		/* index on the parent */
	struct part parts[MAXPART];
	int nparts;
	bool dead;
};

struct domcheck {
	char *name;
	char *expr;		/* reads VALUE */
	bool not_valid, dead;
};

struct domain {
	int schema;
	char *name;
	int fam, sub, len;	/* the base type: F_INT, F_NUM or F_TEXT */
	char *def;
	bool not_null;
	struct domcheck checks[MAXDCHK];
	int nchecks;
	const char *comment;
	bool dead;
};

struct collation {
	int schema;
	char *name;
	int from;		/* 0: locale 'C', 1: locale 'POSIX' */
	bool dead;
};

struct model {
	struct schema schemas[MAXSCHEMA];
	int nschemas;
	bool ext_citext, ext_trgm, ext_hstore;
	struct enumt enums[MAXENUM];
	int nenums;
	struct seq seqs[MAXSEQ];
	int nseqs;
	struct fn fns[MAXFN];
	int nfns;
	struct table tabs[MAXTAB];
	int ntabs;
	struct view views[MAXVIEW];
	int nviews;
	struct ptable pts[MAXPT];
	int npts;
	struct domain doms[MAXDOM];
	int ndoms;
	struct collation colls[MAXCOLL];
	int ncolls;
};

/* ---- small queries on the model --------------------------------------- */

static int pick_schema(const struct model *m)
{
	int live[MAXSCHEMA], n = 0, i;

	for (i = 0; i < m->nschemas; i++)
		if (!m->schemas[i].dead)
			live[n++] = i;
	return live[rnd(n)];
}

static int pick_live_table(const struct model *m)
{
	int live[MAXTAB], n = 0, i;

	for (i = 0; i < m->ntabs; i++)
		if (!m->tabs[i].dead)
			live[n++] = i;
	return n ? live[rnd(n)] : -1;
}

static int pick_live_col(const struct table *t)
{
	int live[MAXCOL], n = 0, i;

	for (i = 0; i < t->ncols; i++)
		if (!t->cols[i].dead)
			live[n++] = i;
	return n ? live[rnd(n)] : -1;
}

/* A live column of family f (or any family if f < 0), not generated. */
static int pick_col_fam(const struct table *t, int f)
{
	int live[MAXCOL], n = 0, i;

	for (i = 0; i < t->ncols; i++)
		if (!t->cols[i].dead && t->cols[i].gen_base < 0 &&
		    (f < 0 || t->cols[i].fam == f))
			live[n++] = i;
	return n ? live[rnd(n)] : -1;
}

static char *qname(const struct model *m, int schema, const char *name)
{
	return fmt("%s.%s", qi(m->schemas[schema].name), qi(name));
}

static char *type_sql(const struct model *m, const struct col *c)
{
	switch (c->fam) {
	case F_INT:
		return fmt("%s", (const char *[]){"smallint", "integer", "bigint"}[c->sub]);
	case F_NUM:
		switch (c->sub) {
		case 0: return fmt("numeric(%d,2)", c->len);
		case 1: return fmt("real");
		case 2: return fmt("double precision");
		default: return fmt("numeric");
		}
	case F_TEXT:
		switch (c->sub) {
		case 0: return fmt("text");
		case 1: return fmt("character varying(%d)", c->len);
		case 2: return fmt("public.citext");
		default: return fmt("character varying");
		}
	case F_TIME:
		return fmt("%s", (const char *[]){"timestamp without time zone",
			"timestamp with time zone", "date"}[c->sub]);
	case F_BOOL:
		return fmt("boolean");
	case F_UUID:
		return fmt("uuid");
	case F_JSON:
		return fmt("%s", c->sub ? "jsonb" : "json");
	case F_ENUM:
		return qname(m, m->enums[c->enum_id].schema, m->enums[c->enum_id].name);
	case F_DOMAIN:
		return qname(m, m->doms[c->dom_id].schema, m->doms[c->dom_id].name);
	}
	return fmt("text");
}

/* The SQL of a base type of family f (F_INT, F_NUM, F_TEXT). */
static char *base_type_sql(int f, int sub, int len)
{
	struct col c;

	memset(&c, 0, sizeof(c));
	c.fam = f;
	c.sub = sub;
	c.len = len;
	return type_sql(NULL, &c);
}

/* Is the column's type of variable length (so that its storage can change)? */
static bool varlena(const struct model *m, const struct col *c)
{
	int f = c->fam, sub = c->sub;

	if (f == F_DOMAIN) {
		f = m->doms[c->dom_id].fam;
		sub = m->doms[c->dom_id].sub;
	}
	return f == F_TEXT || f == F_JSON || (f == F_NUM && (sub == 0 || sub == 3));
}

/* Clears what the column's type no longer allows (after a type change). */
static void fit_settings(const struct model *m, struct col *c)
{
	if (!varlena(m, c))
		c->storage = c->compression = 0;
	if (c->fam != F_TEXT)
		c->coll = 0;
}

/* A column of family f with a random subtype. */
static void random_type(struct model *m, struct col *c, int f)
{
	int i, live[MAXENUM > MAXDOM ? MAXENUM : MAXDOM], n = 0;

	c->fam = f;
	c->sub = 0;
	c->len = 0;
	c->enum_id = -1;
	c->dom_id = -1;
	switch (f) {
	case F_INT:
		c->sub = rnd(3);
		break;
	case F_NUM:
		c->sub = rnd(4);
		c->len = 8 + rnd(8);
		break;
	case F_TEXT:
		c->sub = rnd(4);
		if (c->sub == 2 && !m->ext_citext)
			c->sub = 0;
		c->len = 20 + 10 * rnd(10);
		break;
	case F_TIME:
		c->sub = rnd(3);
		break;
	case F_JSON:
		c->sub = rnd(2);
		break;
	case F_ENUM:
		for (i = 0; i < m->nenums; i++)
			if (!m->enums[i].dead && m->enums[i].nvals > 0)
				live[n++] = i;
		if (n == 0) {
			c->fam = F_TEXT;
			break;
		}
		c->enum_id = live[rnd(n)];
		break;
	case F_DOMAIN:
		for (i = 0; i < m->ndoms; i++)
			if (!m->doms[i].dead)
				live[n++] = i;
		if (n == 0) {
			c->fam = F_TEXT;
			break;
		}
		c->dom_id = live[rnd(n)];
		break;
	}
}

static int random_family(const struct model *m)
{
	static const int weights[F_NFAM] = {30, 10, 30, 10, 5, 4, 4, 7, 7};
	int total = 0, r, f;

	for (f = 0; f < F_NFAM; f++)
		total += weights[f];
	for (;;) {
		r = rnd(total);
		for (f = 0; f < F_NFAM; f++) {
			if (r < weights[f])
				break;
			r -= weights[f];
		}
		if (f == F_ENUM && (!on(K_ENUM) || m->nenums == 0))
			continue;
		if (f == F_DOMAIN && (!on(K_DOMAIN) || m->ndoms == 0))
			continue;
		return f;
	}
}

static int live_fn(const struct model *m, bool trigger)
{
	int live[MAXFN], n = 0, i;

	for (i = 0; i < m->nfns; i++)
		if (!m->fns[i].dead && m->fns[i].trigger == trigger)
			live[n++] = i;
	return n ? live[rnd(n)] : -1;
}

static int live_seq(const struct model *m)
{
	int live[MAXSEQ], n = 0, i;

	for (i = 0; i < m->nseqs; i++)
		if (!m->seqs[i].dead)
			live[n++] = i;
	return n ? live[rnd(n)] : -1;
}

/* A constant of a base family (F_INT, F_NUM, F_TEXT). */
static char *base_default(int fam)
{
	switch (fam) {
	case F_INT:
		return fmt("%d", rnd(3) ? rnd(100) : -1);
	case F_NUM:
		return fmt(rnd(2) ? "0" : "1.5");
	default:
		return fmt("%s", (const char *[]){"''", "'x y'", "'it''s'", "'N/A'"}[rnd(4)]);
	}
}

/* Sets a random default valid for the column's type (or none). */
static void random_default(struct model *m, struct col *c)
{
	const struct enumt *e;
	int s, f;

	c->def = NULL;
	c->def_seq = c->def_fn = -1;
	if (c->identity || c->gen_base >= 0)
		return;
	switch (c->fam) {
	case F_INT:
		if (on(K_SEQUENCE) && chance(25) && (s = live_seq(m)) >= 0) {
			c->def = fmt("nextval(%s::regclass)",
				lit(qname(m, m->seqs[s].schema, m->seqs[s].name)));
			c->def_seq = s;
		} else if (on(K_FUNCTION) && chance(25) && (f = live_fn(m, false)) >= 0) {
			c->def = fmt("%s(%d)", qname(m, m->fns[f].schema, m->fns[f].name), rnd(50));
			c->def_fn = f;
		} else {
			c->def = fmt("%d", rnd(3) ? rnd(100) : -1);
		}
		break;
	case F_NUM:
		c->def = fmt(rnd(2) ? "0" : "1.5");
		break;
	case F_TEXT:
		c->def = fmt("%s", (const char *[]){"''", "'x y'", "'it''s'", "'N/A'"}[rnd(4)]);
		break;
	case F_TIME:
		c->def = fmt("%s", (const char *[]){"now()", "CURRENT_TIMESTAMP",
			"'2020-01-01'", "CURRENT_DATE"}[rnd(4)]);
		break;
	case F_BOOL:
		c->def = fmt(rnd(2) ? "true" : "false");
		break;
	case F_UUID:
		c->def = fmt("gen_random_uuid()");
		break;
	case F_JSON:
		c->def = fmt("'{}'");
		break;
	case F_ENUM:
		e = &m->enums[c->enum_id];
		c->def = fmt("%s::%s", lit(e->vals[rnd(e->nvals)]), qname(m, e->schema, e->name));
		break;
	case F_DOMAIN:
		c->def = base_default(m->doms[c->dom_id].fam);
		break;
	}
}

static const char *const col_bases[] = {
	"id", "name", "title", "amount", "price", "qty", "note", "created",
	"flag", "ref", "payload", "status", "code", "score", "label", "body",
};

static char *new_col_name(const struct table *t)
{
	char *s;
	int i;
	bool dup;

	for (;;) {
		if (chance(12))
			s = fmt("%s", hostile[rnd(sizeof(hostile) / sizeof(hostile[0]))]);
		else
			s = fmt("%s", col_bases[rnd(sizeof(col_bases) / sizeof(col_bases[0]))]);
		if (chance(50))
			s = fmt("%s_%d", s, ++name_counter);
		dup = false;
		for (i = 0; i < t->ncols; i++)
			if (strcmp(t->cols[i].name, s) == 0)
				dup = true;
		if (!dup)
			return s;
	}
}

static int live_coll(const struct model *m)
{
	int live[MAXCOLL], n = 0, i;

	for (i = 0; i < m->ncolls; i++)
		if (!m->colls[i].dead)
			live[n++] = i;
	return n ? live[rnd(n)] : -1;
}

/* A collation for a text column: "C", "POSIX" or one of the model's. */
static int random_coll(const struct model *m)
{
	int k = live_coll(m);

	if (k >= 0 && chance(40))
		return 3 + k;
	return 1 + rnd(2);
}

static const int stattargets[] = {0, 50, 500, 1000};

/* Storage, compression, statistics target and attribute options now and
 * then, and a collation for text. */
static void random_col_settings(const struct model *m, struct col *c)
{
	if (on(K_SETTINGS)) {
		if (varlena(m, c) && chance(10))
			c->storage = 1 + rnd(4);
		if (varlena(m, c) && chance(8))
			c->compression = 1 + rnd(2);
		c->stattarget = chance(10) ? stattargets[rnd(4)] : -1;
		if (chance(8))
			c->attopt = 1 + rnd(NATTOPT - 1);
	}
	if (on(K_COLLATION) && c->fam == F_TEXT && chance(15))
		c->coll = random_coll(m);
}

/* Appends a column of family f (f < 0: random) to t; returns its index. */
static int add_col(struct model *m, struct table *t, int f, bool with_default)
{
	struct col *c;

	if (t->ncols >= MAXCOL)
		return -1;
	c = &t->cols[t->ncols];
	memset(c, 0, sizeof(*c));
	c->name = new_col_name(t);
	c->gen_base = -1;
	c->def_seq = c->def_fn = -1;
	c->stattarget = -1;
	random_type(m, c, f >= 0 ? f : random_family(m));
	c->not_null = chance(30);
	if (with_default)
		random_default(m, c);
	random_col_settings(m, c);
	return t->ncols++;
}

/* ---- uses of a column ------------------------------------------------- */

enum {
	U_KEY = 1,		/* PK or UNIQUE */
	U_FK = 2,		/* a foreign key, either end */
	U_CHECK = 4,
	U_INDEX = 8,		/* an index key, INCLUDE or WHERE */
	U_EXPR = 16,		/* index expression, gin, trgm */
	U_GEN = 32,		/* a generated column reads it */
	U_OTHER = 64,		/* trigger, policy */
	U_VIEW = 128,
	U_PART = 256,
	U_STATS = 512		/* a statistics object (expressions: U_EXPR too) */
};

static bool in_list(const int *a, int n, int v)
{
	int i;

	for (i = 0; i < n; i++)
		if (a[i] == v)
			return true;
	return false;
}

static int view_origin(const struct model *m, int v, int pos, int *col);

static int col_uses(const struct model *m, int ti, int ci)
{
	const struct table *t = &m->tabs[ti];
	int u = 0, i, j, c;

	for (i = 0; i < t->ncons; i++) {
		const struct con *k = &t->cons[i];

		if (k->dead || !in_list(k->cols, k->ncols, ci))
			continue;
		u |= k->type == 'c' ? U_CHECK : k->type == 'f' ? U_FK : U_KEY;
	}
	for (j = 0; j < m->ntabs; j++) {
		const struct table *o = &m->tabs[j];

		if (o->dead)
			continue;
		for (i = 0; i < o->ncons; i++)
			if (!o->cons[i].dead && o->cons[i].type == 'f' &&
			    o->cons[i].ftab == ti &&
			    in_list(o->cons[i].fcols, o->cons[i].ncols, ci))
				u |= U_FK;
	}
	for (i = 0; i < t->nidxs; i++) {
		const struct idx *x = &t->idxs[i];

		if (x->dead)
			continue;
		for (j = 0; j < x->ncols; j++)
			if (x->cols[j] == ci)
				u |= (x->expr[j] == 1 || x->expr[j] == 2 || x->method >= 2)
					? U_INDEX | U_EXPR : U_INDEX;
		if (x->incl == ci || x->where == ci)
			u |= U_INDEX | U_EXPR;
	}
	for (i = 0; i < t->ncols; i++)
		if (!t->cols[i].dead && t->cols[i].gen_base == ci)
			u |= U_GEN;
	for (i = 0; i < t->ntrgs; i++)
		if (!t->trgs[i].dead && (t->trgs[i].of_col == ci || t->trgs[i].when_col == ci))
			u |= U_OTHER;
	for (i = 0; i < t->npols; i++)
		if (!t->pols[i].dead && (t->pols[i].using_col == ci || t->pols[i].check_col == ci))
			u |= U_OTHER;
	for (i = 0; i < t->nrules; i++)
		if (!t->rules[i].dead && t->rules[i].where_col == ci)
			u |= U_OTHER;
	for (i = 0; i < t->nstxs; i++) {
		if (t->stxs[i].dead)
			continue;
		if (in_list(t->stxs[i].cols, t->stxs[i].ncols, ci))
			u |= U_STATS;
		if (t->stxs[i].expr == ci)
			u |= U_STATS | U_EXPR;
	}
	for (i = 0; i < m->nviews; i++) {
		if (m->views[i].dead)
			continue;
		for (j = 0; j < m->views[i].nsel; j++)
			if (view_origin(m, i, j, &c) == ti && c == ci)
				u |= U_VIEW;
	}
	return u;
}

/* ---- cascades: removing an object removes what depends on it ---------- */

static void kill_col(struct model *m, int ti, int ci);
static void kill_view(struct model *m, int v);

/* The table column that position pos of view v shows; returns the table. */
static int view_origin(const struct model *m, int v, int pos, int *col)
{
	const struct view *w = &m->views[v];

	if (w->on_view)
		return view_origin(m, w->base, w->sel[pos], col);
	*col = w->sel[pos];
	return w->base;
}

static void kill_fks_to(struct model *m, int ti, const int *cols, int ncols)
{
	int j, i, a;

	for (j = 0; j < m->ntabs; j++)
		for (i = 0; i < m->tabs[j].ncons; i++) {
			struct con *k = &m->tabs[j].cons[i];
			bool hit = false;

			if (k->dead || k->type != 'f' || k->ftab != ti)
				continue;
			if (!cols)
				hit = true;
			for (a = 0; cols && a < k->ncols; a++)
				if (in_list(cols, ncols, k->fcols[a]))
					hit = true;
			if (hit)
				k->dead = true;
		}
}

static void kill_con(struct model *m, int ti, int ki)
{
	struct con *k = &m->tabs[ti].cons[ki];

	k->dead = true;
	if (k->type == 'p' && m->tabs[ti].replident == 'i')
		m->tabs[ti].replident = 'd';	/* REPLICA IDENTITY USING INDEX of the key */
	if (k->type == 'p' || k->type == 'u')
		kill_fks_to(m, ti, k->cols, k->ncols);
}

static void kill_view(struct model *m, int v)
{
	int i;

	m->views[v].dead = true;
	for (i = 0; i < m->nviews; i++)
		if (!m->views[i].dead && m->views[i].on_view && m->views[i].base == v)
			kill_view(m, i);
}

static void kill_col(struct model *m, int ti, int ci)
{
	struct table *t = &m->tabs[ti];
	int i, j, c;

	t->cols[ci].dead = true;
	for (i = 0; i < t->ncons; i++)
		if (!t->cons[i].dead && in_list(t->cons[i].cols, t->cons[i].ncols, ci))
			kill_con(m, ti, i);
	kill_fks_to(m, ti, &ci, 1);
	for (i = 0; i < t->nidxs; i++) {
		struct idx *x = &t->idxs[i];

		if (!x->dead && (in_list(x->cols, x->ncols, ci) || x->incl == ci ||
				 x->where == ci))
			x->dead = true;
	}
	for (i = 0; i < t->ncols; i++)
		if (!t->cols[i].dead && t->cols[i].gen_base == ci)
			kill_col(m, ti, i);
	for (i = 0; i < t->ntrgs; i++)
		if (t->trgs[i].of_col == ci || t->trgs[i].when_col == ci)
			t->trgs[i].dead = true;
	for (i = 0; i < t->npols; i++)
		if (t->pols[i].using_col == ci || t->pols[i].check_col == ci)
			t->pols[i].dead = true;
	for (i = 0; i < t->nrules; i++)
		if (t->rules[i].where_col == ci)
			t->rules[i].dead = true;
	for (i = 0; i < t->nstxs; i++)
		if (in_list(t->stxs[i].cols, t->stxs[i].ncols, ci) || t->stxs[i].expr == ci)
			t->stxs[i].dead = true;
	for (i = 0; i < m->nseqs; i++)
		if (m->seqs[i].owner_t == ti && m->seqs[i].owner_c == ci)
			m->seqs[i].owner_t = m->seqs[i].owner_c = -1;
	for (i = 0; i < m->nviews; i++) {
		if (m->views[i].dead)
			continue;
		for (j = 0; j < m->views[i].nsel; j++)
			if (view_origin(m, i, j, &c) == ti && c == ci) {
				kill_view(m, i);
				break;
			}
	}
}

static void kill_table(struct model *m, int ti)
{
	int i;

	m->tabs[ti].dead = true;
	kill_fks_to(m, ti, NULL, 0);
	for (i = 0; i < m->nseqs; i++)
		if (m->seqs[i].owner_t == ti)
			m->seqs[i].owner_t = m->seqs[i].owner_c = -1;
	for (i = 0; i < m->nviews; i++)
		if (!m->views[i].on_view && m->views[i].base == ti)
			kill_view(m, i);
}

/* Drops the live columns of type family fam whose enum or domain is id. */
static void kill_cols_of(struct model *m, int fam, int id)
{
	int i, j;

	for (i = 0; i < m->ntabs; i++)
		for (j = 0; j < m->tabs[i].ncols; j++) {
			const struct col *c = &m->tabs[i].cols[j];
			if (!c->dead && c->fam == fam &&
			    (fam == F_ENUM ? c->enum_id : c->dom_id) == id)
				kill_col(m, i, j);
		}
}

static void kill_enum(struct model *m, int e)
{
	m->enums[e].dead = true;
	kill_cols_of(m, F_ENUM, e);
}

static void kill_domain(struct model *m, int d)
{
	m->doms[d].dead = true;
	kill_cols_of(m, F_DOMAIN, d);
}

/* Columns of a dropped collation fall back to the default one. */
static void kill_coll(struct model *m, int k)
{
	int i, j;

	m->colls[k].dead = true;
	for (i = 0; i < m->ntabs; i++)
		for (j = 0; j < m->tabs[i].ncols; j++)
			if (m->tabs[i].cols[j].coll == 3 + k)
				m->tabs[i].cols[j].coll = 0;
}

static void kill_seq(struct model *m, int s)
{
	int i, j;

	m->seqs[s].dead = true;
	for (i = 0; i < m->ntabs; i++)
		for (j = 0; j < m->tabs[i].ncols; j++)
			if (m->tabs[i].cols[j].def_seq == s) {
				m->tabs[i].cols[j].def = NULL;
				m->tabs[i].cols[j].def_seq = -1;
			}
}

static void kill_fn(struct model *m, int f)
{
	int i, j;

	m->fns[f].dead = true;
	for (i = 0; i < m->ntabs; i++) {
		struct table *t = &m->tabs[i];

		for (j = 0; j < t->ncols; j++)
			if (t->cols[j].def_fn == f) {
				t->cols[j].def = NULL;
				t->cols[j].def_fn = -1;
			}
		for (j = 0; j < t->ncons; j++)
			if (t->cons[j].type == 'c' && t->cons[j].fn == f)
				t->cons[j].dead = true;
		for (j = 0; j < t->ntrgs; j++)
			if (t->trgs[j].fn == f)
				t->trgs[j].dead = true;
	}
}

static void kill_schema(struct model *m, int s)
{
	int i;

	m->schemas[s].dead = true;
	for (i = 0; i < m->ntabs; i++)
		if (!m->tabs[i].dead && m->tabs[i].schema == s)
			kill_table(m, i);
	for (i = 0; i < m->nviews; i++)
		if (!m->views[i].dead && m->views[i].schema == s)
			kill_view(m, i);
	for (i = 0; i < m->nenums; i++)
		if (!m->enums[i].dead && m->enums[i].schema == s)
			kill_enum(m, i);
	for (i = 0; i < m->nseqs; i++)
		if (!m->seqs[i].dead && m->seqs[i].schema == s)
			kill_seq(m, i);
	for (i = 0; i < m->nfns; i++)
		if (!m->fns[i].dead && m->fns[i].schema == s)
			kill_fn(m, i);
	for (i = 0; i < m->npts; i++)
		if (m->pts[i].schema == s)
			m->pts[i].dead = true;
	for (i = 0; i < m->ndoms; i++)
		if (!m->doms[i].dead && m->doms[i].schema == s)
			kill_domain(m, i);
	for (i = 0; i < m->ncolls; i++)
		if (!m->colls[i].dead && m->colls[i].schema == s)
			kill_coll(m, i);
	for (i = 0; i < m->ntabs; i++) {
		int j;

		for (j = 0; j < m->tabs[i].nstxs; j++)
			if (m->tabs[i].stxs[j].schema == s)
				m->tabs[i].stxs[j].dead = true;
	}
}

/* ---- building A ------------------------------------------------------- */

static const char *const enum_vals[] = {
	"new", "active", "done", "it's", "with space", "UPPER", "\xc3\xa9t\xc3\xa9",
	"a,b", "x\"y", "low", "medium", "high",
};

static void add_enum_value(struct enumt *e, int where)
{
	int i, tries;
	const char *v = NULL;

	for (tries = 0; tries < 20 && !v; tries++) {
		v = enum_vals[rnd(sizeof(enum_vals) / sizeof(enum_vals[0]))];
		for (i = 0; i < e->nvals && v; i++)
			if (strcmp(e->vals[i], v) == 0)
				v = NULL;
	}
	if (!v)
		v = fmt("v%d", ++name_counter);
	if (e->nvals >= MAXVAL)
		return;
	if (where < 0 || where > e->nvals)
		where = e->nvals;
	memmove(&e->vals[where + 1], &e->vals[where],
		sizeof(e->vals[0]) * (size_t)(e->nvals - where));
	e->vals[where] = fmt("%s", v);
	e->nvals++;
}

static void add_schema(struct model *m)
{
	struct schema *s;

	if (m->nschemas >= MAXSCHEMA)
		return;
	s = &m->schemas[m->nschemas++];
	memset(s, 0, sizeof(*s));
	s->name = new_name("app", 40);
}

static void add_enum(struct model *m)
{
	struct enumt *e;
	int i, n;

	if (m->nenums >= MAXENUM)
		return;
	e = &m->enums[m->nenums++];
	memset(e, 0, sizeof(*e));
	e->schema = pick_schema(m);
	e->name = new_name("kind", 15);
	n = 1 + rnd(4);
	for (i = 0; i < n; i++)
		add_enum_value(e, -1);
}

static void random_seq_options(struct seq *s)
{
	s->astype = rnd(2);
	s->inc = chance(60) ? 1 : 1 + rnd(10);
	s->start = chance(60) ? 1 : 1 + rnd(100);
	s->cache = chance(70) ? 1 : 1 + rnd(20);
	s->maxv = chance(70) ? 0 : 100000 + rnd(1000000);
	s->cycle = chance(20);
}

static void add_seq(struct model *m)
{
	struct seq *s;

	if (m->nseqs >= MAXSEQ)
		return;
	s = &m->seqs[m->nseqs++];
	memset(s, 0, sizeof(*s));
	s->schema = pick_schema(m);
	s->name = new_name("seq", 15);
	s->owner_t = s->owner_c = -1;
	random_seq_options(s);
}

static void add_fn(struct model *m, bool trigger)
{
	struct fn *f;

	if (m->nfns >= MAXFN)
		return;
	f = &m->fns[m->nfns++];
	memset(f, 0, sizeof(*f));
	f->schema = pick_schema(m);
	f->name = new_name(trigger ? "trg_fn" : "fn", 15);
	f->trigger = trigger;
	f->k = 1 + rnd(9);
	f->vol = trigger ? 2 : rnd(3);
	f->strict = chance(30);
}

/* A CHECK on column ci of t; returns false if the type has none. */
static bool add_check(struct model *m, int ti, int ci)
{
	struct table *t = &m->tabs[ti];
	struct col *c = &t->cols[ci];
	struct con *k;
	char *q = qi(c->name);
	int f, other;

	if (t->ncons >= MAXCON)
		return false;
	k = &t->cons[t->ncons];
	memset(k, 0, sizeof(*k));
	k->fn = -1;
	k->cols[0] = ci;
	k->ncols = 1;
	switch (c->fam) {
	case F_INT:
		if (on(K_FUNCTION) && chance(30) && (f = live_fn(m, false)) >= 0) {
			k->expr = fmt("%s(%s::integer) < 1000000",
				qname(m, m->fns[f].schema, m->fns[f].name), q);
			k->fn = f;
			break;
		}
		other = pick_col_fam(t, F_INT);
		if (other >= 0 && other != ci && chance(30)) {
			k->expr = fmt("%s IS NULL OR %s <= %s", q, q, qi(t->cols[other].name));
			k->cols[1] = other;
			k->ncols = 2;
			break;
		}
		k->expr = fmt("%s", (const char *[]){"%s > 0", "%s BETWEEN -100 AND 100000",
			"%s <> 13"}[rnd(3)]);
		k->expr = fmt(k->expr, q);
		break;
	case F_NUM:
		k->expr = fmt("%s >= 0", q);
		break;
	case F_TEXT:
		k->expr = fmt(rnd(3) == 0 ? "%s <> ''" : rnd(2) ? "length(%s) <= 200" :
			"%s ~ '^[^;]'", q);
		break;
	case F_TIME:
		k->expr = fmt("%s > '2000-01-01'", q);
		break;
	case F_BOOL:
		k->expr = fmt("%s IS NOT NULL", q);
		break;
	default:
		return false;
	}
	k->name = new_name(fmt("%s_check", c->name), 10);
	k->type = 'c';
	k->not_valid = chance(10);
	t->ncons++;
	return true;
}

/* A UNIQUE or PRIMARY KEY over btree-able columns. */
static bool add_key(struct model *m, int ti, char type)
{
	struct table *t = &m->tabs[ti];
	struct con *k;
	int i, n, c;

	if (t->ncons >= MAXCON)
		return false;
	if (type == 'p')
		for (i = 0; i < t->ncons; i++)
			if (!t->cons[i].dead && t->cons[i].type == 'p')
				return false;
	k = &t->cons[t->ncons];
	memset(k, 0, sizeof(*k));
	n = chance(75) ? 1 : 2;
	for (i = 0; i < n; i++) {
		c = pick_live_col(t);
		if (c < 0 || t->cols[c].fam == F_JSON || in_list(k->cols, k->ncols, c))
			continue;
		k->cols[k->ncols++] = c;
	}
	if (k->ncols == 0)
		return false;
	/* CREATE TABLE quietly drops a key that repeats another's columns */
	for (i = 0; i < t->ncons; i++)
		if (!t->cons[i].dead && (t->cons[i].type == 'p' || t->cons[i].type == 'u') &&
		    t->cons[i].ncols == k->ncols &&
		    memcmp(t->cons[i].cols, k->cols, sizeof(k->cols[0]) * (size_t)k->ncols) == 0)
			return false;
	k->type = type;
	k->fn = -1;
	k->name = new_name(fmt("%s_%s", t->name, type == 'p' ? "pkey" : "key"), 10);
	if (type == 'p') {
		for (i = 0; i < k->ncols; i++)
			t->cols[k->cols[i]].not_null = true;
	} else {
		k->nulls_nd = chance(15);
		k->deferrable = chance(10);
	}
	t->ncons++;
	return true;
}

static bool table_has_fk(const struct model *m, int ti)
{
	int i, j;

	for (j = 0; j < m->ntabs; j++)
		for (i = 0; i < m->tabs[j].ncons; i++) {
			const struct con *k = &m->tabs[j].cons[i];

			if (!m->tabs[j].dead && !k->dead && k->type == 'f' &&
			    (j == ti || k->ftab == ti))
				return true;
		}
	return false;
}

/* A foreign key from ti to a key of ui, adding columns to ti when no
 * existing ones fit (at the end, which B may do too). */
static bool add_fk(struct model *m, int ti, int ui, bool new_cols_ok)
{
	struct table *t = &m->tabs[ti], *u = &m->tabs[ui];
	struct con *k, *key = NULL;
	int i, j, c, keys[MAXCON], nkeys = 0;

	if (t->unlogged || u->unlogged || t->ncons >= MAXCON)
		return false;
	for (i = 0; i < u->ncons; i++)
		if (!u->cons[i].dead && (u->cons[i].type == 'p' || u->cons[i].type == 'u') &&
		    !u->cons[i].deferrable)
			keys[nkeys++] = i;
	if (nkeys == 0)
		return false;
	key = &u->cons[keys[rnd(nkeys)]];
	for (i = 0; i < key->ncols; i++)
		if ((u->cols[key->cols[i]].fam != F_INT && u->cols[key->cols[i]].fam != F_UUID &&
		     u->cols[key->cols[i]].fam != F_TEXT) ||
		    (u->cols[key->cols[i]].fam == F_TEXT && u->cols[key->cols[i]].sub == 2))
			return false;
	k = &t->cons[t->ncons];
	memset(k, 0, sizeof(*k));
	for (i = 0; i < key->ncols; i++) {
		const struct col *kc = &u->cols[key->cols[i]];

		c = -1;
		for (j = 0; j < t->ncols && c < 0; j++) {
			const struct col *tc = &t->cols[j];

			if (!tc->dead && tc->gen_base < 0 && tc->fam == kc->fam &&
			    (kc->fam != F_TEXT || tc->sub != 2) &&
			    !in_list(k->cols, i, j) && chance(50) &&
			    !(ti == ui && j == key->cols[i]))
				c = j;
		}
		if (c < 0) {
			if (!new_cols_ok || t->ncols >= MAXCOL)
				return false;
			c = add_col(m, t, kc->fam, false);
			t->cols[c].sub = kc->fam == F_TEXT ? 0 : kc->sub;
			t->cols[c].len = kc->len;
			t->cols[c].name = fmt("%s_ref_%d", u->name, ++name_counter);
			t->cols[c].not_null = chance(20);
			t->cols[c].identity = 0;
		}
		k->cols[i] = c;
		k->fcols[i] = key->cols[i];
	}
	k->ncols = key->ncols;
	k->type = 'f';
	k->fn = -1;
	k->ftab = ui;
	k->ondel = rnd(5);
	k->onupd = chance(70) ? 0 : rnd(5);
	k->deferrable = chance(15);
	k->deferred = k->deferrable && chance(50);
	k->match_full = k->ncols > 1 && chance(30);
	k->not_valid = chance(8);
	k->name = new_name(fmt("%s_fk", t->name), 10);
	t->ncons++;
	return true;
}

static bool add_index(struct model *m, int ti)
{
	struct table *t = &m->tabs[ti];
	struct idx *x;
	int i, n, c;

	if (t->nidxs >= MAXIDX)
		return false;
	x = &t->idxs[t->nidxs];
	memset(x, 0, sizeof(*x));
	x->incl = x->where = -1;
	c = pick_col_fam(t, -1);
	if (c < 0)
		return false;
	if (t->cols[c].fam == F_JSON) {
		if (t->cols[c].sub == 0)
			return false;
		x->method = 2;
		x->cols[0] = c;
		x->ncols = 1;
	} else if (t->cols[c].fam == F_TEXT && t->cols[c].sub != 2 && m->ext_trgm && chance(30)) {
		x->method = 3;
		x->cols[0] = c;
		x->ncols = 1;
	} else if (chance(10) && t->cols[c].fam != F_ENUM) {
		x->method = 1;
		x->cols[0] = c;
		x->ncols = 1;
	} else {
		n = 1 + rnd(3);
		for (i = 0; i < n; i++) {
			c = pick_col_fam(t, -1);
			if (c < 0 || t->cols[c].fam == F_JSON || in_list(x->cols, x->ncols, c))
				continue;
			x->cols[x->ncols] = c;
			x->expr[x->ncols] = 0;
			if (t->cols[c].fam == F_TEXT && t->cols[c].sub != 2 && chance(30))
				x->expr[x->ncols] = 1;
			else if (t->cols[c].fam == F_INT && chance(20))
				x->expr[x->ncols] = 2;
			else if (chance(15))
				x->expr[x->ncols] = 3;
			x->ncols++;
		}
		if (x->ncols == 0)
			return false;
		x->unique = chance(20);
		if (chance(20)) {
			c = pick_col_fam(t, -1);
			if (c >= 0 && t->cols[c].fam != F_JSON && !in_list(x->cols, x->ncols, c))
				x->incl = c;
		}
		if (chance(25))
			x->where = pick_col_fam(t, -1);
	}
	x->name = new_name(fmt("%s_idx", t->name), 10);
	t->nidxs++;
	return true;
}

static const char *const table_bases[] = {
	"users", "orders", "items", "accounts", "events", "tags", "notes",
	"invoices", "products", "sessions",
};

/* Identity sequence options that fit every integer type (smallint too). */
static void random_identity_options(struct col *c)
{
	c->id_inc = 1 + rnd(10);
	c->id_start = 1 + rnd(100);
	c->id_cache = 1 + rnd(20);
	c->id_maxv = chance(50) ? 0 : 1000 + rnd(30000);
	c->id_cycle = chance(30);
}

/* Storage parameters for a table now and then. */
static void random_relopts(struct table *t)
{
	int i;

	memset(t->relopt, 0, sizeof(t->relopt));
	if (!on(K_SETTINGS) || !chance(25))
		return;
	for (i = 0; i < NRELOPT; i++)
		if (chance(35))
			t->relopt[i] = 1 + rnd(relopts[i].nvals);
}

/* A new table in schema s (s < 0: any); returns its index or -1. */
static int add_table(struct model *m, int s)
{
	struct table *t;
	struct col *c;
	int ti, i, n;

	if (m->ntabs >= MAXTAB)
		return -1;
	ti = m->ntabs++;
	t = &m->tabs[ti];
	memset(t, 0, sizeof(*t));
	t->schema = s >= 0 ? s : pick_schema(m);
	t->name = new_name(table_bases[rnd(sizeof(table_bases) / sizeof(table_bases[0]))], 15);
	t->unlogged = chance(7);
	t->replident = 'd';
	random_relopts(t);
	/* the usual first column: a key, perhaps identity or from a sequence */
	if (chance(85)) {
		i = add_col(m, t, chance(85) ? F_INT : F_UUID, false);
		c = &t->cols[i];
		c->name = fmt("id");
		c->not_null = true;
		if (c->fam == F_UUID) {
			if (chance(50))
				c->def = fmt("gen_random_uuid()");
		} else if (chance(35)) {
			c->identity = rnd(2) ? 'a' : 'd';
			if (on(K_SEQUENCE) && chance(40))
				random_identity_options(c);
		} else if (on(K_SEQUENCE) && chance(30) && m->nseqs < MAXSEQ) {
			add_seq(m);
			s = m->nseqs - 1;
			if (chance(70)) {
				/* OWNED BY needs the table's schema */
				m->seqs[s].schema = t->schema;
				m->seqs[s].owner_t = ti;
				m->seqs[s].owner_c = i;
			}
			c->def = fmt("nextval(%s::regclass)",
				lit(qname(m, m->seqs[s].schema, m->seqs[s].name)));
			c->def_seq = s;
		}
	}
	n = 1 + rnd(7);
	for (i = 0; i < n; i++)
		add_col(m, t, -1, chance(40));
	/* a generated column now and then */
	/* (not over citext or a collation of the model's: those can go, which
	 * retypes the column, and pgdiff cannot retype a generated column's base) */
	if (chance(15) && (i = pick_col_fam(t, chance(50) ? F_INT : F_TEXT)) >= 0 &&
	    !t->cols[i].identity && t->cols[i].coll < 3 &&
	    !(t->cols[i].fam == F_TEXT && t->cols[i].sub == 2)) {
		n = add_col(m, t, t->cols[i].fam, false);
		t->cols[n].gen_base = i;
		t->cols[n].gen_kind = rnd(2);
		t->cols[n].not_null = false;
		if (t->cols[n].coll >= 3)
			t->cols[n].coll = 0;	/* the same for its own collation */
		if (t->cols[n].fam == F_TEXT) {
			t->cols[n].sub = 0;
		} else {
			t->cols[n].sub = 2;
		}
	}
	if (!on(K_CONSTRAINT))
		return ti;
	/* (a random first column may be called id too, of any type) */
	if (t->ncols > 0 && t->cols[0].name[0] == 'i' && strcmp(t->cols[0].name, "id") == 0 &&
	    t->cols[0].fam != F_JSON && chance(90)) {
		struct con *k = &t->cons[t->ncons++];

		memset(k, 0, sizeof(*k));
		k->type = 'p';
		k->fn = -1;
		k->cols[0] = 0;
		k->ncols = 1;
		k->name = new_name(fmt("%s_pkey", t->name), 10);
	} else if (chance(40)) {
		add_key(m, ti, 'p');
	}
	n = rnd(3);
	for (i = 0; i < n; i++)
		add_key(m, ti, 'u');
	n = rnd(3);
	for (i = 0; i < n; i++)
		if ((s = pick_col_fam(t, -1)) >= 0)
			add_check(m, ti, s);
	return ti;
}

static void add_view(struct model *m)
{
	struct view *v;
	int i, n, base, width, on_view = 0;
	int live[MAXVIEW], nlive = 0;

	if (m->nviews >= MAXVIEW)
		return;
	for (i = 0; i < m->nviews; i++)
		if (!m->views[i].dead && m->views[i].nsel > 0)
			live[nlive++] = i;
	if (nlive && chance(50)) {
		on_view = 1;
		base = live[rnd(nlive)];
		width = m->views[base].nsel;
	} else {
		base = pick_live_table(m);
		if (base < 0)
			return;
		width = m->tabs[base].ncols;
	}
	v = &m->views[m->nviews];
	memset(v, 0, sizeof(*v));
	v->on_view = on_view;
	v->base = base;
	v->where = -1;
	n = 1 + rnd(4);
	for (i = 0; i < n; i++) {
		int c = rnd(width);

		if (!on_view && m->tabs[base].cols[c].dead)
			continue;
		if (in_list(v->sel, v->nsel, c))
			continue;
		v->sel[v->nsel++] = c;
	}
	if (v->nsel == 0)
		return;
	if (chance(30))
		v->where = rnd(v->nsel);
	v->schema = pick_schema(m);
	v->name = new_name(on_view ? "v_over" : "v", 15);
	if (on(K_MATVIEW) && chance(25)) {
		v->materialized = true;
		v->mv_idx = chance(50);
		v->mv_autovac = on(K_SETTINGS) && chance(20);
	} else {
		v->barrier = on(K_SETTINGS) && chance(15);
	}
	m->nviews++;
}

static void add_trigger(struct model *m, int ti)
{
	struct table *t = &m->tabs[ti];
	struct trg *g;
	int f = live_fn(m, true);

	if (f < 0 || t->ntrgs >= MAXTRG)
		return;
	g = &t->trgs[t->ntrgs];
	memset(g, 0, sizeof(*g));
	g->fn = f;
	g->before = chance(60);
	g->row = chance(70);
	g->events = 1 + rnd(7);
	if (!g->row && chance(20))
		g->events |= 8;
	g->of_col = g->when_col = -1;
	if ((g->events & 2) && chance(30))
		g->of_col = pick_col_fam(t, -1);
	if (g->row && !(g->events & 4) && chance(30))
		g->when_col = pick_col_fam(t, -1);
	g->name = new_name("trg", 15);
	g->enabled = chance(80) ? 'O' : "DRA"[rnd(3)];
	t->ntrgs++;
}

static void add_policy(struct model *m, int ti)
{
	struct table *t = &m->tabs[ti];
	struct pol *p;

	if (t->npols >= MAXPOL)
		return;
	p = &t->pols[t->npols];
	memset(p, 0, sizeof(*p));
	p->cmd = rnd(5);
	p->restrictive = chance(20);
	p->role = chance(50) ? -1 : rnd(NROLES);
	p->using_col = p->check_col = -1;
	if (p->cmd != 2 && chance(60))
		p->using_col = pick_col_fam(t, F_INT);
	if ((p->cmd == 0 || p->cmd == 2 || p->cmd == 3) && chance(50))
		p->check_col = pick_col_fam(t, F_INT);
	p->name = new_name("pol", 20);
	t->rls = true;
	t->npols++;
}

static void add_ptable(struct model *m)
{
	struct ptable *p;
	int i, n;

	if (m->npts >= MAXPT)
		return;
	p = &m->pts[m->npts++];
	memset(p, 0, sizeof(*p));
	p->schema = pick_schema(m);
	p->name = new_name("measurements", 15);
	p->strategy = rnd(3);
	p->modulus = 2 + rnd(3);
	p->pk = chance(60);
	p->idx = chance(40);
	n = 1 + rnd(3);
	for (i = 0; i < n && i < MAXPART; i++) {
		struct part *q = &p->parts[p->nparts];

		q->lo = p->strategy == 2 ? i % p->modulus : i;
		if (p->strategy == 2 && i >= p->modulus)
			break;
		q->name = new_name(fmt("%s_p", p->name), 10);
		p->nparts++;
	}
	if (p->strategy != 2 && chance(30) && p->nparts < MAXPART) {
		p->parts[p->nparts].is_default = true;
		p->parts[p->nparts].name = new_name(fmt("%s_default", p->name), 10);
		p->nparts++;
	}
}

static const char *const domain_checks[3][3] = {
	{"VALUE > 0", "VALUE BETWEEN -100 AND 100000", "VALUE <> 13"},
	{"VALUE >= 0", "VALUE < 1000000", "VALUE <> 13"},
	{"VALUE <> ''", "length(VALUE) <= 200", "VALUE ~ '^[^;]'"},
};

/* The family index of domain_checks[] for a base family. */
static int dom_fam_index(int fam)
{
	return fam == F_INT ? 0 : fam == F_NUM ? 1 : 2;
}

static bool add_domain_check(struct domain *d)
{
	struct domcheck *k;

	if (d->nchecks >= MAXDCHK)
		return false;
	k = &d->checks[d->nchecks++];
	memset(k, 0, sizeof(*k));
	k->expr = fmt("%s", domain_checks[dom_fam_index(d->fam)][rnd(3)]);
	k->not_valid = chance(10);
	k->name = new_name(fmt("%s_check", d->name), 10);
	return true;
}

/* A base type for a domain of family d->fam (no citext: its extension comes
 * and goes). */
static void random_domain_base(struct domain *d)
{
	static const int text_subs[] = {0, 1, 3};

	d->len = 0;
	switch (d->fam) {
	case F_INT:
		d->sub = rnd(3);
		break;
	case F_NUM:
		d->sub = rnd(4);
		d->len = 8 + rnd(8);
		break;
	default:
		d->sub = text_subs[rnd(3)];
		d->len = 20 + 10 * rnd(10);
		break;
	}
}

static void add_domain(struct model *m)
{
	static const int fams[] = {F_INT, F_NUM, F_TEXT};
	struct domain *d;
	int i, n;

	if (m->ndoms >= MAXDOM)
		return;
	d = &m->doms[m->ndoms++];
	memset(d, 0, sizeof(*d));
	d->schema = pick_schema(m);
	d->name = new_name("dom", 20);
	d->fam = fams[rnd(3)];
	random_domain_base(d);
	if (chance(40))
		d->def = base_default(d->fam);
	d->not_null = chance(15);
	n = rnd(3);
	for (i = 0; i < n; i++)
		add_domain_check(d);
}

static void add_collation(struct model *m)
{
	struct collation *k;

	if (m->ncolls >= MAXCOLL)
		return;
	k = &m->colls[m->ncolls++];
	memset(k, 0, sizeof(*k));
	k->schema = pick_schema(m);
	k->name = new_name("coll", 20);
	k->from = rnd(2);
}

/* Can statistics be gathered on the column (a btree operator class)? */
static bool stats_ok(const struct col *c)
{
	return !(c->fam == F_JSON && c->sub == 0);
}

/* An extended statistics object on 2-3 columns, or on columns and an
 * expression. */
static bool add_stx(struct model *m, int ti)
{
	static const int targets[] = {0, 100, 500};
	struct table *t = &m->tabs[ti];
	struct stx *x;
	int i, n, c;

	if (t->nstxs >= MAXSTX)
		return false;
	x = &t->stxs[t->nstxs];
	memset(x, 0, sizeof(*x));
	x->expr = -1;
	n = 2 + rnd(2);
	for (i = 0; i < n; i++) {
		c = pick_col_fam(t, -1);
		if (c < 0 || !stats_ok(&t->cols[c]) || in_list(x->cols, x->ncols, c))
			continue;
		x->cols[x->ncols++] = c;
	}
	if (chance(25)) {
		c = pick_col_fam(t, chance(50) ? F_INT : F_TEXT);
		if (c >= 0 && !(t->cols[c].fam == F_TEXT && t->cols[c].sub == 2))
			x->expr = c;
	}
	if (x->ncols + (x->expr >= 0) < 2)
		return false;
	x->kinds = chance(50) ? 0 : 1 + rnd(7);
	x->target = chance(20) ? targets[rnd(3)] : -1;
	x->schema = chance(80) ? t->schema : pick_schema(m);
	x->name = new_name(fmt("%s_stat", t->name), 15);
	t->nstxs++;
	return true;
}

static void add_rule(struct model *m, int ti)
{
	struct table *t = &m->tabs[ti];
	struct rule *r;

	if (t->nrules >= MAXRULE)
		return;
	r = &t->rules[t->nrules];
	memset(r, 0, sizeof(*r));
	r->event = rnd(3);
	r->instead = chance(30);
	r->where_col = chance(40) ? pick_col_fam(t, -1) : -1;
	r->name = new_name("rule", 20);
	t->nrules++;
}

static const char *random_comment(const char *old)
{
	const char *c;

	do
		c = comments[rnd(sizeof(comments) / sizeof(comments[0]))];
	while (old && strcmp(c, old) == 0);
	return c;
}

/* Comments on about pct percent of the objects that can have one. */
static void random_comments(struct model *m, int pct)
{
	int i, j;

	for (i = 0; i < m->ntabs; i++) {
		struct table *t = &m->tabs[i];

		if (chance(pct))
			t->comment = random_comment(NULL);
		for (j = 0; j < t->ncols; j++)
			if (chance(pct))
				t->cols[j].comment = random_comment(NULL);
		for (j = 0; j < t->ncons; j++)
			if (chance(pct))
				t->cons[j].comment = random_comment(NULL);
		for (j = 0; j < t->nidxs; j++)
			if (chance(pct))
				t->idxs[j].comment = random_comment(NULL);
		for (j = 0; j < t->nstxs; j++)
			if (chance(pct))
				t->stxs[j].comment = random_comment(NULL);
	}
	for (i = 0; i < m->nviews; i++)
		if (chance(pct))
			m->views[i].comment = random_comment(NULL);
	for (i = 0; i < m->nfns; i++)
		if (chance(pct))
			m->fns[i].comment = random_comment(NULL);
	for (i = 0; i < m->ndoms; i++)
		if (chance(pct))
			m->doms[i].comment = random_comment(NULL);
}

/* The primary key of table ti, or -1. */
static int live_pkey(const struct model *m, int ti)
{
	int i;

	for (i = 0; i < m->tabs[ti].ncons; i++)
		if (!m->tabs[ti].cons[i].dead && m->tabs[ti].cons[i].type == 'p')
			return i;
	return -1;
}

/* Another REPLICA IDENTITY for table ti; false if none is possible. */
static bool random_replident(struct model *m, int ti)
{
	static const char kinds_ri[] = "dfni";
	struct table *t = &m->tabs[ti];
	char r = kinds_ri[rnd(4)];

	if (r == 'i' && live_pkey(m, ti) < 0)
		r = 'f';
	if (r == t->replident)
		return false;
	t->replident = r;
	return true;
}

static void build_a(struct model *m)
{
	int i, n, t, u;

	memset(m, 0, sizeof(*m));
	m->schemas[0].name = fmt("public");
	m->schemas[0].builtin = true;
	m->nschemas = 1;
	if (on(K_SCHEMA)) {
		n = rnd(4);
		for (i = 0; i < n; i++)
			add_schema(m);
	}
	if (on(K_EXTENSION)) {
		m->ext_citext = chance(40);
		m->ext_trgm = on(K_INDEX) && chance(30);
		m->ext_hstore = chance(15);
	}
	if (on(K_COLLATION)) {
		n = rnd(3);
		for (i = 0; i < n; i++)
			add_collation(m);
	}
	if (on(K_ENUM)) {
		n = rnd(4);
		for (i = 0; i < n; i++)
			add_enum(m);
	}
	if (on(K_DOMAIN)) {
		n = rnd(4);
		for (i = 0; i < n; i++)
			add_domain(m);
	}
	if (on(K_SEQUENCE)) {
		n = rnd(3);
		for (i = 0; i < n; i++)
			add_seq(m);
	}
	if (on(K_FUNCTION)) {
		n = 1 + rnd(3);
		for (i = 0; i < n; i++)
			add_fn(m, false);
		if (on(K_TRIGGER))
			add_fn(m, true);
	}
	if (!on(K_TABLE))
		return;
	n = 3 + rnd(10);
	for (i = 0; i < n; i++)
		add_table(m, -1);
	if (on(K_CONSTRAINT)) {
		n = rnd(m->ntabs + 1);
		for (i = 0; i < n; i++) {
			t = rnd(m->ntabs);
			u = chance(15) ? t : rnd(m->ntabs);
			if (add_fk(m, t, u, true) && chance(20) && t != u)
				add_fk(m, u, t, true);	/* a cycle */
		}
	}
	if (on(K_INDEX))
		for (t = 0; t < m->ntabs; t++) {
			n = rnd(4);
			for (i = 0; i < n; i++)
				add_index(m, t);
		}
	if (on(K_STATISTICS))
		for (t = 0; t < m->ntabs; t++)
			if (chance(30)) {
				add_stx(m, t);
				if (chance(30))
					add_stx(m, t);
			}
	if (on(K_VIEW)) {
		n = rnd(5);
		for (i = 0; i < n; i++)
			add_view(m);
	}
	if (on(K_RULE))
		for (t = 0; t < m->ntabs; t++)
			if (chance(15))
				add_rule(m, t);
	if (on(K_SETTINGS))
		for (t = 0; t < m->ntabs; t++)
			if (chance(15))
				random_replident(m, t);
	if (on(K_TRIGGER) && on(K_FUNCTION))
		for (t = 0; t < m->ntabs; t++)
			if (chance(25))
				add_trigger(m, t);
	if (on(K_POLICY))
		for (t = 0; t < m->ntabs; t++)
			if (chance(20))
				add_policy(m, t);
	if (on(K_GRANT)) {
		for (t = 0; t < m->ntabs; t++)
			for (i = 0; i < NROLES; i++)
				if (chance(25))
					m->tabs[t].priv[i] = 1 + rnd(127);
		for (i = 1; i < m->nschemas; i++)
			m->schemas[i].usage = rnd(4);
		for (i = 0; i < m->nseqs; i++)
			m->seqs[i].priv[0] = rnd(4);
		for (i = 0; i < m->nfns; i++)
			m->fns[i].exec = rnd(8);
		for (i = 0; i < m->nviews; i++)
			m->views[i].priv[0] = rnd(2);
	}
	if (on(K_PARTITION)) {
		n = rnd(3);
		for (i = 0; i < n; i++)
			add_ptable(m);
	}
	if (on(K_COMMENT))
		random_comments(m, 20);
}

/* ---- mutations -------------------------------------------------------- */

static struct buf mlog;

static void note(const char *f, ...)
{
	va_list ap;

	buf_addf(&mlog, "--   ");
	va_start(ap, f);
	buf_vaddf(&mlog, f, ap);
	va_end(ap);
	buf_addf(&mlog, "\n");
}

#define TNAME(m, ti) qname((m), (m)->tabs[ti].schema, (m)->tabs[ti].name)

static bool mut_add_column(struct model *m)
{
	int ti = pick_live_table(m), ci;

	if (ti < 0 || !on(K_COLUMN))
		return false;
	ci = add_col(m, &m->tabs[ti], -1, chance(60));
	if (ci < 0)
		return false;
	note("add column %s.%s", TNAME(m, ti), qi(m->tabs[ti].cols[ci].name));
	return true;
}

static bool mut_drop_column(struct model *m)
{
	int ti = pick_live_table(m), ci;

	if (ti < 0 || !on(K_COLUMN) || (ci = pick_live_col(&m->tabs[ti])) < 0)
		return false;
	note("drop column %s.%s", TNAME(m, ti), qi(m->tabs[ti].cols[ci].name));
	kill_col(m, ti, ci);
	return true;
}

/* The family of a column's type, or of its domain's base type. */
static int base_fam(const struct model *m, const struct col *c)
{
	return c->fam == F_DOMAIN ? m->doms[c->dom_id].fam : c->fam;
}

/* Can family a turn into family b with a cast (USING col::b)? */
static bool castable(int a, int b)
{
	if (a == b || a == F_TEXT || b == F_TEXT)
		return true;
	return (a == F_INT && b == F_NUM) || (a == F_NUM && b == F_INT);
}

/* Gives column ci of table ti another type, one that what uses it allows. */
static bool change_col_type(struct model *m, int ti, int ci)
{
	int u, f, oldfam;
	struct col *c, old;

	c = &m->tabs[ti].cols[ci];
	if (c->gen_base >= 0)
		return false;
	u = col_uses(m, ti, ci);
	if (u & (U_GEN | U_PART))
		return false;
	old = *c;
	oldfam = c->fam;
	if (c->identity || (u & (U_FK | U_CHECK | U_EXPR | U_OTHER)) || c->def_seq >= 0 ||
	    c->def_fn >= 0 || chance(60)) {
		/* within the family */
		if (u & U_FK && c->fam != F_INT)
			return false;
		if ((u & U_EXPR) && c->fam == F_JSON)
			return false;
		if (c->fam == F_ENUM || c->fam == F_BOOL || c->fam == F_UUID ||
		    c->fam == F_DOMAIN)
			return false;
		random_type(m, c, c->fam);
		if ((u & U_EXPR) && c->fam == F_TEXT && c->sub == 2)
			c->sub = 0;
		if ((u & (U_KEY | U_INDEX | U_STATS)) && c->fam == F_JSON)
			c->sub = 1;
	} else {
		f = random_family(m);
		if ((u & (U_KEY | U_INDEX | U_STATS)) && f == F_JSON)
			return false;
		random_type(m, c, f);
		if (!castable(base_fam(m, &old), base_fam(m, c))) {
			*c = old;
			return false;
		}
		if (c->def && (c->fam != oldfam || c->fam == F_ENUM || c->fam == F_DOMAIN))
			random_default(m, c);
	}
	if (c->fam == old.fam && c->sub == old.sub && c->len == old.len &&
	    c->enum_id == old.enum_id && c->dom_id == old.dom_id) {
		*c = old;
		return false;
	}
	fit_settings(m, c);
	note("change type of %s.%s to %s", TNAME(m, ti), qi(c->name), type_sql(m, c));
	return true;
}

static bool mut_change_type(struct model *m)
{
	int ti = pick_live_table(m), ci;

	if (ti < 0 || !on(K_COLUMN) || (ci = pick_live_col(&m->tabs[ti])) < 0)
		return false;
	return change_col_type(m, ti, ci);
}

static bool mut_default(struct model *m)
{
	int ti = pick_live_table(m), ci;
	struct col *c;

	if (ti < 0 || !on(K_COLUMN) || (ci = pick_live_col(&m->tabs[ti])) < 0)
		return false;
	c = &m->tabs[ti].cols[ci];
	if (c->identity || c->gen_base >= 0)
		return false;
	if (c->def && chance(50)) {
		c->def = NULL;
		c->def_seq = c->def_fn = -1;
		note("drop default of %s.%s", TNAME(m, ti), qi(c->name));
	} else {
		random_default(m, c);
		if (!c->def)
			return false;
		note("set default of %s.%s to %s", TNAME(m, ti), qi(c->name), c->def);
	}
	return true;
}

static bool mut_not_null(struct model *m)
{
	int ti = pick_live_table(m), ci, i;
	struct table *t;
	struct col *c;

	if (ti < 0 || !on(K_COLUMN) || (ci = pick_live_col(&m->tabs[ti])) < 0)
		return false;
	t = &m->tabs[ti];
	c = &t->cols[ci];
	if (c->identity)
		return false;
	if (c->not_null)
		for (i = 0; i < t->ncons; i++)
			if (!t->cons[i].dead && t->cons[i].type == 'p' &&
			    in_list(t->cons[i].cols, t->cons[i].ncols, ci))
				return false;
	c->not_null = !c->not_null;
	note("%s not null on %s.%s", c->not_null ? "set" : "drop", TNAME(m, ti), qi(c->name));
	return true;
}

/* A live identity column: its table in *ti; -1 if there is none. */
static int pick_identity(const struct model *m, int *ti)
{
	int tl[MAXTAB * 2], cl[MAXTAB * 2], n = 0, i, j;

	for (i = 0; i < m->ntabs; i++)
		for (j = 0; j < m->tabs[i].ncols && n < MAXTAB * 2; j++)
			if (!m->tabs[i].dead && !m->tabs[i].cols[j].dead &&
			    m->tabs[i].cols[j].identity) {
				tl[n] = i;
				cl[n++] = j;
			}
	if (n == 0)
		return -1;
	i = rnd(n);
	*ti = tl[i];
	return cl[i];
}

static bool mut_identity(struct model *m)
{
	int ti = pick_live_table(m), ci, u;
	struct col *c;

	if (ti < 0 || !on(K_COLUMN))
		return false;
	if (!chance(50) || (ci = pick_identity(m, &ti)) < 0)
		ci = pick_col_fam(&m->tabs[ti], F_INT);
	if (ci < 0)
		return false;
	c = &m->tabs[ti].cols[ci];
	if (c->identity && on(K_SEQUENCE) && chance(30)) {
		if (c->id_inc && chance(30))
			c->id_inc = 0;
		else
			random_identity_options(c);
		note("change identity options of %s.%s", TNAME(m, ti), qi(c->name));
		return true;
	}
	if (c->identity) {
		if (chance(50)) {
			c->identity = c->identity == 'a' ? 'd' : 'a';
			note("identity of %s.%s to %s", TNAME(m, ti), qi(c->name),
			     c->identity == 'a' ? "ALWAYS" : "BY DEFAULT");
		} else {
			c->identity = 0;
			c->id_inc = 0;
			note("drop identity of %s.%s", TNAME(m, ti), qi(c->name));
		}
		return true;
	}
	u = col_uses(m, ti, ci);
	if (u & U_GEN)
		return false;
	c->identity = chance(50) ? 'a' : 'd';
	c->id_inc = 0;
	if (on(K_SEQUENCE) && chance(40))
		random_identity_options(c);
	c->not_null = true;
	c->def = NULL;
	c->def_seq = c->def_fn = -1;
	note("add identity to %s.%s", TNAME(m, ti), qi(c->name));
	return true;
}

static bool mut_drop_expression(struct model *m)
{
	int ti = pick_live_table(m), i;
	struct table *t;

	if (ti < 0 || !on(K_COLUMN))
		return false;
	t = &m->tabs[ti];
	for (i = 0; i < t->ncols; i++)
		if (!t->cols[i].dead && t->cols[i].gen_base >= 0) {
			t->cols[i].gen_base = -1;
			note("drop expression of %s.%s", TNAME(m, ti), qi(t->cols[i].name));
			return true;
		}
	return false;
}

static bool mut_add_constraint(struct model *m)
{
	int ti = pick_live_table(m), ui, ci, r;

	if (ti < 0 || !on(K_CONSTRAINT))
		return false;
	r = rnd(4);
	if (r == 0) {
		if ((ci = pick_col_fam(&m->tabs[ti], -1)) < 0 || !add_check(m, ti, ci))
			return false;
	} else if (r == 1) {
		if (!add_key(m, ti, rnd(3) ? 'u' : 'p'))
			return false;
	} else {
		ui = chance(20) ? ti : pick_live_table(m);
		if (!add_fk(m, ti, ui, on(K_COLUMN)))
			return false;
	}
	note("add constraint %s on %s",
	     qi(m->tabs[ti].cons[m->tabs[ti].ncons - 1].name), TNAME(m, ti));
	return true;
}

static bool mut_drop_constraint(struct model *m)
{
	int ti = pick_live_table(m), live[MAXCON], n = 0, i;
	struct table *t;

	if (ti < 0 || !on(K_CONSTRAINT))
		return false;
	t = &m->tabs[ti];
	for (i = 0; i < t->ncons; i++)
		if (!t->cons[i].dead)
			live[n++] = i;
	if (n == 0)
		return false;
	i = live[rnd(n)];
	note("drop constraint %s on %s", qi(t->cons[i].name), TNAME(m, ti));
	kill_con(m, ti, i);
	return true;
}

static bool mut_change_constraint(struct model *m)
{
	int ti = pick_live_table(m), live[MAXCON], n = 0, i;
	struct table *t;
	struct con *k;

	if (ti < 0 || !on(K_CONSTRAINT))
		return false;
	t = &m->tabs[ti];
	for (i = 0; i < t->ncons; i++)
		if (!t->cons[i].dead && (t->cons[i].type == 'f' || t->cons[i].type == 'c'))
			live[n++] = i;
	if (n == 0)
		return false;
	k = &t->cons[live[rnd(n)]];
	if (k->type == 'c') {
		if (chance(50))
			k->not_valid = !k->not_valid;
		else
			k->expr = fmt("(%s) IS NOT FALSE", k->expr);
	} else {
		switch (rnd(4)) {
		case 0: k->ondel = rnd(5); break;
		case 1: k->onupd = rnd(5); break;
		case 2:
			k->deferrable = !k->deferrable;
			k->deferred = k->deferrable && chance(50);
			break;
		default: k->not_valid = !k->not_valid; break;
		}
	}
	note("change constraint %s on %s", qi(k->name), TNAME(m, ti));
	return true;
}

static bool mut_index(struct model *m)
{
	int ti = pick_live_table(m), live[MAXIDX], n = 0, i;
	struct table *t;
	struct idx *x;
	char *name;

	if (ti < 0 || !on(K_INDEX))
		return false;
	t = &m->tabs[ti];
	for (i = 0; i < t->nidxs; i++)
		if (!t->idxs[i].dead)
			live[n++] = i;
	if (n == 0 || chance(40)) {
		if (!add_index(m, ti))
			return false;
		note("add index %s", qi(t->idxs[t->nidxs - 1].name));
		return true;
	}
	x = &t->idxs[live[rnd(n)]];
	if (chance(50)) {
		x->dead = true;
		note("drop index %s", qi(x->name));
		return true;
	}
	/* same name, another definition */
	name = x->name;
	x->dead = true;
	if (!add_index(m, ti))
		return false;
	t->idxs[t->nidxs - 1].name = name;
	note("change index %s", qi(name));
	return true;
}

static bool mut_table(struct model *m)
{
	int ti;

	if (!on(K_TABLE))
		return false;
	if (chance(50)) {
		if ((ti = add_table(m, -1)) < 0)
			return false;
		if (on(K_CONSTRAINT) && chance(50))
			add_fk(m, ti, pick_live_table(m), true);
		if (on(K_INDEX) && chance(50))
			add_index(m, ti);
		note("add table %s", TNAME(m, ti));
		return true;
	}
	if (chance(25)) {
		ti = pick_live_table(m);
		if (ti < 0 || table_has_fk(m, ti))
			return false;
		m->tabs[ti].unlogged = !m->tabs[ti].unlogged;
		note("set %s %s", TNAME(m, ti), m->tabs[ti].unlogged ? "UNLOGGED" : "LOGGED");
		return true;
	}
	ti = pick_live_table(m);
	if (ti < 0)
		return false;
	note("drop table %s", TNAME(m, ti));
	kill_table(m, ti);
	return true;
}

/* Is value v of enum e used by a default? */
static bool enum_value_used(const struct model *m, int e, const char *v)
{
	int i, j;
	char *l = lit(v);

	for (i = 0; i < m->ntabs; i++)
		for (j = 0; j < m->tabs[i].ncols; j++) {
			const struct col *c = &m->tabs[i].cols[j];

			if (!c->dead && c->fam == F_ENUM && c->enum_id == e && c->def &&
			    strncmp(c->def, l, strlen(l)) == 0 && c->def[strlen(l)] == ':')
				return true;
		}
	return false;
}

static bool mut_enum(struct model *m)
{
	int live[MAXENUM], n = 0, i, e;
	struct enumt *en;

	if (!on(K_ENUM))
		return false;
	for (i = 0; i < m->nenums; i++)
		if (!m->enums[i].dead)
			live[n++] = i;
	if (n == 0 || chance(20)) {
		add_enum(m);
		note("add enum %s", qi(m->enums[m->nenums - 1].name));
		return true;
	}
	e = live[rnd(n)];
	en = &m->enums[e];
	switch (rnd(5)) {
	case 0:
	case 1:
		add_enum_value(en, -1);
		note("add value at the end of %s", qi(en->name));
		return true;
	case 2:
		add_enum_value(en, rnd(en->nvals + 1));
		note("add value inside %s", qi(en->name));
		return true;
	case 3:
		if (en->nvals < 2)
			return false;
		i = rnd(en->nvals);
		if (enum_value_used(m, e, en->vals[i]))
			return false;
		note("remove value %s from %s", lit(en->vals[i]), qi(en->name));
		memmove(&en->vals[i], &en->vals[i + 1],
			sizeof(en->vals[0]) * (size_t)(en->nvals - i - 1));
		en->nvals--;
		return true;
	default:
		note("drop enum %s", qi(en->name));
		kill_enum(m, e);
		return true;
	}
}

/* Moves OWNED BY of sequence s to another integer column of a table in its
 * schema (OWNED BY needs that), or to none. */
static bool seq_owned_by(struct model *m, int s)
{
	struct seq *q = &m->seqs[s];
	int cand_t[MAXTAB * 4], cand_c[MAXTAB * 4], n = 0, i, j;

	for (i = 0; i < m->ntabs; i++) {
		const struct table *t = &m->tabs[i];

		if (t->dead || t->schema != q->schema)
			continue;
		for (j = 0; j < t->ncols && n < MAXTAB * 4; j++)
			if (!t->cols[j].dead && t->cols[j].fam == F_INT &&
			    t->cols[j].gen_base < 0 && !(i == q->owner_t && j == q->owner_c) &&
			    chance(50)) {
				cand_t[n] = i;
				cand_c[n++] = j;
			}
	}
	if (q->owner_t >= 0 && (n == 0 || chance(30))) {
		q->owner_t = q->owner_c = -1;
		note("sequence %s OWNED BY NONE", qi(q->name));
		return true;
	}
	if (n == 0)
		return false;
	i = rnd(n);
	q->owner_t = cand_t[i];
	q->owner_c = cand_c[i];
	note("sequence %s OWNED BY %s.%s", qi(q->name), TNAME(m, q->owner_t),
	     qi(m->tabs[q->owner_t].cols[q->owner_c].name));
	return true;
}

static bool mut_sequence(struct model *m)
{
	int s;
	struct seq *q;

	if (!on(K_SEQUENCE))
		return false;
	s = live_seq(m);
	if (s < 0 || chance(15)) {
		add_seq(m);
		note("add sequence %s", qi(m->seqs[m->nseqs - 1].name));
		return true;
	}
	q = &m->seqs[s];
	if (chance(40))
		return seq_owned_by(m, s);
	switch (rnd(7)) {
	case 0: q->inc = 1 + rnd(10); break;
	case 1: q->cache = 1 + rnd(20); break;
	case 2: q->cycle = !q->cycle; break;
	case 3: q->maxv = q->maxv ? 0 : 100000 + rnd(1000000); break;
	case 4: q->start = 1 + rnd(100); break;
	case 5: q->astype = !q->astype; break;
	default:
		note("drop sequence %s", qi(q->name));
		kill_seq(m, s);
		return true;
	}
	note("change options of sequence %s", qi(q->name));
	return true;
}

static bool mut_extension(struct model *m)
{
	int i, j;

	if (!on(K_EXTENSION))
		return false;
	switch (rnd(3)) {
	case 0:
		m->ext_hstore = !m->ext_hstore;
		note("toggle extension hstore");
		return true;
	case 1:
		if (m->ext_trgm) {
			for (i = 0; i < m->ntabs; i++)
				for (j = 0; j < m->tabs[i].nidxs; j++)
					if (m->tabs[i].idxs[j].method == 3)
						m->tabs[i].idxs[j].dead = true;
		}
		m->ext_trgm = !m->ext_trgm;
		note("toggle extension pg_trgm");
		return true;
	default:
		if (m->ext_citext) {
			/* its columns become text; what reads them still works */
			for (i = 0; i < m->ntabs; i++)
				for (j = 0; j < m->tabs[i].ncols; j++)
					if (m->tabs[i].cols[j].fam == F_TEXT &&
					    m->tabs[i].cols[j].sub == 2)
						m->tabs[i].cols[j].sub = 0;
		}
		m->ext_citext = !m->ext_citext;
		note("toggle extension citext");
		return true;
	}
}

static bool mut_schema(struct model *m)
{
	int s;

	if (!on(K_SCHEMA))
		return false;
	if (chance(50)) {
		if (m->nschemas >= MAXSCHEMA)
			return false;
		add_schema(m);
		note("add schema %s", qi(m->schemas[m->nschemas - 1].name));
		if (chance(50) && on(K_TABLE)) {
			int ti = add_table(m, m->nschemas - 1);

			if (ti >= 0) {
				note("  with table %s", TNAME(m, ti));
			}
		}
		return true;
	}
	s = pick_schema(m);
	if (m->schemas[s].builtin)
		return false;
	note("drop schema %s", qi(m->schemas[s].name));
	kill_schema(m, s);
	return true;
}

static bool mut_function(struct model *m)
{
	int f = live_fn(m, chance(30));

	if (!on(K_FUNCTION))
		return false;
	if (f < 0 || chance(20)) {
		add_fn(m, false);
		note("add function %s", qi(m->fns[m->nfns - 1].name));
		return true;
	}
	switch (rnd(4)) {
	case 0: m->fns[f].k++; break;
	case 1: if (m->fns[f].trigger) return false; m->fns[f].vol = rnd(3); break;
	case 2: if (m->fns[f].trigger) return false; m->fns[f].strict = !m->fns[f].strict; break;
	default:
		note("drop function %s", qi(m->fns[f].name));
		kill_fn(m, f);
		return true;
	}
	note("change function %s", qi(m->fns[f].name));
	return true;
}

static bool mut_view(struct model *m)
{
	int live[MAXVIEW], n = 0, i, v, width;
	struct view *w;

	if (!on(K_VIEW))
		return false;
	for (i = 0; i < m->nviews; i++)
		if (!m->views[i].dead)
			live[n++] = i;
	if (n == 0 || chance(30)) {
		i = m->nviews;
		add_view(m);
		if (m->nviews == i)
			return false;
		note("add view %s", qi(m->views[i].name));
		return true;
	}
	v = live[rnd(n)];
	w = &m->views[v];
	if (chance(40)) {
		note("drop view %s", qi(w->name));
		kill_view(m, v);
		return true;
	}
	if (on(K_MATVIEW) && chance(20)) {
		w->materialized = !w->materialized;
		w->barrier = false;
		w->mv_idx = w->materialized && chance(50);
		w->mv_autovac = false;
		note("view %s %s", qi(w->name), w->materialized ? "materialized" : "plain");
		return true;
	}
	if (w->materialized && chance(30)) {
		w->mv_idx = !w->mv_idx;
		note("toggle index on materialized view %s", qi(w->name));
		return true;
	}
	if (chance(50)) {
		w->where = w->where >= 0 ? -1 : rnd(w->nsel);
	} else {
		/* a column more at the end */
		width = w->on_view ? m->views[w->base].nsel : m->tabs[w->base].ncols;
		i = rnd(width);
		if (in_list(w->sel, w->nsel, i) || w->nsel >= MAXCOL ||
		    (!w->on_view && m->tabs[w->base].cols[i].dead))
			return false;
		w->sel[w->nsel++] = i;
	}
	note("change view %s", qi(w->name));
	return true;
}

static bool mut_trigger(struct model *m)
{
	int ti = pick_live_table(m), i;
	struct table *t;

	if (ti < 0 || !on(K_TRIGGER) || !on(K_FUNCTION))
		return false;
	t = &m->tabs[ti];
	for (i = 0; i < t->ntrgs; i++)
		if (!t->trgs[i].dead)
			break;
	if (i == t->ntrgs || chance(30)) {
		if (live_fn(m, true) < 0)
			add_fn(m, true);
		i = t->ntrgs;
		add_trigger(m, ti);
		if (t->ntrgs == i)
			return false;
		note("add trigger %s on %s", qi(t->trgs[i].name), TNAME(m, ti));
		return true;
	}
	if (chance(30)) {
		char e = "ODRA"[rnd(4)];

		if (e == t->trgs[i].enabled)
			return false;
		t->trgs[i].enabled = e;
		note("trigger %s on %s enabled %c", qi(t->trgs[i].name), TNAME(m, ti), e);
	} else if (chance(50)) {
		t->trgs[i].dead = true;
		note("drop trigger %s on %s", qi(t->trgs[i].name), TNAME(m, ti));
	} else {
		t->trgs[i].before = !t->trgs[i].before;
		note("change trigger %s on %s", qi(t->trgs[i].name), TNAME(m, ti));
	}
	return true;
}

static bool mut_policy(struct model *m)
{
	int ti = pick_live_table(m), i;
	struct table *t;

	if (ti < 0 || !on(K_POLICY))
		return false;
	t = &m->tabs[ti];
	for (i = 0; i < t->npols; i++)
		if (!t->pols[i].dead)
			break;
	switch (rnd(4)) {
	case 0:
		t->rls = !t->rls;
		note("row level security %s on %s", t->rls ? "on" : "off", TNAME(m, ti));
		return true;
	case 1:
		t->force_rls = !t->force_rls;
		note("force row level security %s on %s", t->force_rls ? "on" : "off",
		     TNAME(m, ti));
		return true;
	case 2:
		if (i < t->npols) {
			t->pols[i].dead = true;
			note("drop policy %s on %s", qi(t->pols[i].name), TNAME(m, ti));
			return true;
		}
		/* fall through */
	default:
		i = t->npols;
		add_policy(m, ti);
		if (t->npols == i)
			return false;
		note("add policy %s on %s", qi(t->pols[i].name), TNAME(m, ti));
		return true;
	}
}

static bool mut_grant(struct model *m)
{
	int ti = pick_live_table(m), r = rnd(NROLES);

	if (!on(K_GRANT))
		return false;
	if (ti >= 0 && chance(70)) {
		m->tabs[ti].priv[r] ^= 1 << rnd(7);
		note("change privileges of %s on %s", roles[r], TNAME(m, ti));
		return true;
	}
	if (m->nfns > 0 && chance(50)) {
		int f = rnd(m->nfns);

		m->fns[f].exec ^= 1 << rnd(3);
		note("change EXECUTE on %s", qi(m->fns[f].name));
		return true;
	}
	r = pick_schema(m);
	m->schemas[r].usage ^= 1 << rnd(NROLES);
	note("change USAGE on schema %s", qi(m->schemas[r].name));
	return true;
}

static bool mut_partition(struct model *m)
{
	int i, live[MAXPT], n = 0;
	struct ptable *p;

	if (!on(K_PARTITION))
		return false;
	for (i = 0; i < m->npts; i++)
		if (!m->pts[i].dead)
			live[n++] = i;
	if (n == 0 || chance(20)) {
		add_ptable(m);
		note("add partitioned table %s", qi(m->pts[m->npts - 1].name));
		return true;
	}
	p = &m->pts[live[rnd(n)]];
	switch (rnd(5)) {
	case 0:
		p->nextra++;
		note("add column to %s", qi(p->name));
		return true;
	case 1:
		p->idx = !p->idx;
		note("toggle index on %s", qi(p->name));
		return true;
	case 2:
		for (i = 0; i < p->nparts; i++)
			if (!p->parts[i].dead) {
				p->parts[i].dead = true;
				note("drop partition %s", qi(p->parts[i].name));
				return true;
			}
		return false;
	case 3:
		p->dead = true;
		note("drop partitioned table %s", qi(p->name));
		return true;
	default:
		if (p->nparts >= MAXPART || p->strategy == 2)
			return false;
		for (i = 0; i < p->nparts; i++)
			if (p->parts[i].is_default)
				return false;	/* rows could belong in the new one */
		p->parts[p->nparts].lo = 10 + p->nparts;
		p->parts[p->nparts].name = new_name(fmt("%s_p", p->name), 10);
		note("add partition %s", qi(p->parts[p->nparts].name));
		p->nparts++;
		return true;
	}
}

/* Sets, changes or removes the comment *c; says what it did. */
static void change_comment(const char **c, const char *what)
{
	if (*c && chance(40)) {
		*c = NULL;
		note("remove comment on %s", what);
	} else {
		note("%s comment on %s", *c ? "change" : "set", what);
		*c = random_comment(*c);
	}
}

static bool mut_comment(struct model *m)
{
	int ti = pick_live_table(m), i, live[MAXCOL], n = 0;
	struct table *t;

	if (!on(K_COMMENT))
		return false;
	switch (rnd(8)) {
	case 0:
		if (ti < 0)
			return false;
		change_comment(&m->tabs[ti].comment, fmt("table %s", TNAME(m, ti)));
		return true;
	case 1:
		if (ti < 0 || (i = pick_live_col(&m->tabs[ti])) < 0)
			return false;
		change_comment(&m->tabs[ti].cols[i].comment,
			       fmt("column %s.%s", TNAME(m, ti), qi(m->tabs[ti].cols[i].name)));
		return true;
	case 2:
		if (ti < 0)
			return false;
		t = &m->tabs[ti];
		for (i = 0; i < t->ncons; i++)
			if (!t->cons[i].dead)
				live[n++] = i;
		if (n == 0)
			return false;
		i = live[rnd(n)];
		change_comment(&t->cons[i].comment, fmt("constraint %s", qi(t->cons[i].name)));
		return true;
	case 3:
		if (ti < 0)
			return false;
		t = &m->tabs[ti];
		for (i = 0; i < t->nidxs; i++)
			if (!t->idxs[i].dead)
				live[n++] = i;
		if (n == 0)
			return false;
		i = live[rnd(n)];
		change_comment(&t->idxs[i].comment, fmt("index %s", qi(t->idxs[i].name)));
		return true;
	case 4:
		if (ti < 0)
			return false;
		t = &m->tabs[ti];
		for (i = 0; i < t->nstxs; i++)
			if (!t->stxs[i].dead)
				live[n++] = i;
		if (n == 0)
			return false;
		i = live[rnd(n)];
		change_comment(&t->stxs[i].comment, fmt("statistics %s", qi(t->stxs[i].name)));
		return true;
	case 5:
		for (i = 0; i < m->nviews; i++)
			if (!m->views[i].dead)
				live[n++] = i;
		if (n == 0)
			return false;
		i = live[rnd(n)];
		change_comment(&m->views[i].comment, fmt("view %s", qi(m->views[i].name)));
		return true;
	case 6:
		for (i = 0; i < m->nfns; i++)
			if (!m->fns[i].dead)
				live[n++] = i;
		if (n == 0)
			return false;
		i = live[rnd(n)];
		change_comment(&m->fns[i].comment, fmt("function %s", qi(m->fns[i].name)));
		return true;
	default:
		for (i = 0; i < m->ndoms; i++)
			if (!m->doms[i].dead)
				live[n++] = i;
		if (n == 0)
			return false;
		i = live[rnd(n)];
		change_comment(&m->doms[i].comment, fmt("domain %s", qi(m->doms[i].name)));
		return true;
	}
}

/* Storage parameters, replica identity, per-column storage, compression,
 * statistics targets and attribute options, view options. */
static bool mut_settings(struct model *m)
{
	int ti = pick_live_table(m), ci, o, v, i, live[MAXVIEW], n = 0;
	struct table *t;
	struct col *c;

	if (!on(K_SETTINGS))
		return false;
	if (chance(15)) {
		for (i = 0; i < m->nviews; i++)
			if (!m->views[i].dead)
				live[n++] = i;
		if (n == 0)
			return false;
		i = live[rnd(n)];
		if (m->views[i].materialized)
			m->views[i].mv_autovac = !m->views[i].mv_autovac;
		else
			m->views[i].barrier = !m->views[i].barrier;
		note("change options of view %s", qi(m->views[i].name));
		return true;
	}
	if (ti < 0)
		return false;
	t = &m->tabs[ti];
	ci = pick_live_col(t);
	c = ci >= 0 ? &t->cols[ci] : NULL;
	switch (rnd(6)) {
	case 0:
		o = rnd(NRELOPT);
		v = t->relopt[o] && chance(40) ? 0 : 1 + rnd(relopts[o].nvals);
		if (v == t->relopt[o])
			return false;
		t->relopt[o] = v;
		note("%s %s on %s", v ? "set" : "reset", relopts[o].name, TNAME(m, ti));
		return true;
	case 1:
		if (!random_replident(m, ti))
			return false;
		note("replica identity %c on %s", t->replident, TNAME(m, ti));
		return true;
	case 2:
		if (!c || !varlena(m, c))
			return false;
		v = rnd(5);
		if (v == c->storage)
			return false;
		c->storage = v;
		note("storage of %s.%s to %s", TNAME(m, ti), qi(c->name),
		     v ? storages[v] : "default");
		return true;
	case 3:
		if (!c || !varlena(m, c))
			return false;
		v = rnd(3);
		if (v == c->compression)
			return false;
		c->compression = v;
		note("compression of %s.%s to %s", TNAME(m, ti), qi(c->name),
		     v ? compressions[v] : "default");
		return true;
	case 4:
		if (!c)
			return false;
		v = chance(30) ? -1 : stattargets[rnd(4)];
		if (v == c->stattarget)
			return false;
		c->stattarget = v;
		note("statistics target of %s.%s to %d", TNAME(m, ti), qi(c->name), v);
		return true;
	default:
		if (!c)
			return false;
		v = rnd(NATTOPT);
		if (v == c->attopt)
			return false;
		c->attopt = v;
		note("attribute options of %s.%s to (%s)", TNAME(m, ti), qi(c->name),
		     v ? attopts[v] : "");
		return true;
	}
}

/* A live table with statistics objects, or ti if there is none. */
static int table_with_stx(const struct model *m, int ti)
{
	int live[MAXTAB], n = 0, i, j;

	for (i = 0; i < m->ntabs; i++)
		for (j = 0; j < m->tabs[i].nstxs && !m->tabs[i].dead; j++)
			if (!m->tabs[i].stxs[j].dead) {
				live[n++] = i;
				break;
			}
	return n ? live[rnd(n)] : ti;
}

static bool mut_statistics(struct model *m)
{
	int ti = pick_live_table(m), live[MAXSTX], n = 0, i;
	struct table *t;
	struct stx *x;
	char *name;

	if (ti < 0 || !on(K_STATISTICS))
		return false;
	if (chance(70))
		ti = table_with_stx(m, ti);
	t = &m->tabs[ti];
	for (i = 0; i < t->nstxs; i++)
		if (!t->stxs[i].dead)
			live[n++] = i;
	if (n == 0 || chance(30)) {
		if (!add_stx(m, ti))
			return false;
		note("add statistics %s", qi(t->stxs[t->nstxs - 1].name));
		return true;
	}
	x = &t->stxs[live[rnd(n)]];
	switch (rnd(5)) {
	case 0:
		x->dead = true;
		note("drop statistics %s", qi(x->name));
		return true;
	case 4:
		/* a column it uses changes type or goes (and the object with it) */
		if (!on(K_COLUMN))
			return false;
		i = x->expr >= 0 && chance(30) ? x->expr : x->cols[rnd(x->ncols)];
		if (chance(70))
			return change_col_type(m, ti, i);
		note("drop column %s.%s", TNAME(m, ti), qi(t->cols[i].name));
		kill_col(m, ti, i);
		return true;
	case 1:
		x->target = x->target >= 0 && chance(50) ? -1 : rnd(1000);
		note("change target of statistics %s", qi(x->name));
		return true;
	case 2:
		x->kinds = (x->kinds + 1 + rnd(7)) % 8;
		note("change kinds of statistics %s", qi(x->name));
		return true;
	default:
		/* same name, another definition */
		name = x->name;
		i = x->schema;
		x->dead = true;
		if (!add_stx(m, ti))
			return false;
		t->stxs[t->nstxs - 1].name = name;
		t->stxs[t->nstxs - 1].schema = i;
		note("change statistics %s", qi(name));
		return true;
	}
}

static bool mut_domain(struct model *m)
{
	int live[MAXDOM], n = 0, i, ti;
	struct domain *d;
	struct domcheck *k;

	if (!on(K_DOMAIN))
		return false;
	for (i = 0; i < m->ndoms; i++)
		if (!m->doms[i].dead)
			live[n++] = i;
	if (n == 0 || chance(15)) {
		if (m->ndoms >= MAXDOM)
			return false;
		add_domain(m);
		note("add domain %s", qi(m->doms[m->ndoms - 1].name));
		if (on(K_COLUMN) && chance(60) && (ti = pick_live_table(m)) >= 0 &&
		    (i = add_col(m, &m->tabs[ti], F_DOMAIN, false)) >= 0) {
			struct col *c = &m->tabs[ti].cols[i];

			/* add_col picked any domain: settle on the new one */
			c->dom_id = m->ndoms - 1;
			fit_settings(m, c);
			if (chance(30))
				random_default(m, c);
			note("  used by new column %s.%s", TNAME(m, ti),
			     qi(m->tabs[ti].cols[i].name));
		}
		return true;
	}
	i = live[rnd(n)];
	d = &m->doms[i];
	switch (rnd(7)) {
	case 0:
		if (d->def && chance(40)) {
			d->def = NULL;
			note("drop default of domain %s", qi(d->name));
		} else {
			d->def = base_default(d->fam);
			note("set default of domain %s to %s", qi(d->name), d->def);
		}
		return true;
	case 1:
		if (!add_domain_check(d))
			return false;
		note("add constraint %s to domain %s", qi(d->checks[d->nchecks - 1].name),
		     qi(d->name));
		return true;
	case 2:
	case 3:
		n = 0;
		for (i = 0; i < d->nchecks; i++)
			if (!d->checks[i].dead)
				live[n++] = i;
		if (n == 0)
			return false;
		k = &d->checks[live[rnd(n)]];
		if (chance(50)) {
			k->dead = true;
			note("drop constraint %s of domain %s", qi(k->name), qi(d->name));
		} else {
			k->not_valid = !k->not_valid;
			note("constraint %s of domain %s %s", qi(k->name), qi(d->name),
			     k->not_valid ? "not valid" : "valid");
		}
		return true;
	case 4:
		d->not_null = !d->not_null;
		note("%s not null on domain %s", d->not_null ? "set" : "drop", qi(d->name));
		return true;
	case 5:
		/* within the family: the checks and defaults still fit */
		n = d->sub;
		i = d->len;
		random_domain_base(d);
		if (d->sub == n && d->len == i)
			return false;
		for (ti = 0; ti < m->ntabs; ti++)
			for (n = 0; n < m->tabs[ti].ncols; n++)
				if (m->tabs[ti].cols[n].fam == F_DOMAIN &&
				    m->tabs[ti].cols[n].dom_id == d - m->doms)
					fit_settings(m, &m->tabs[ti].cols[n]);
		note("change base type of domain %s to %s", qi(d->name),
		     base_type_sql(d->fam, d->sub, d->len));
		return true;
	default:
		note("drop domain %s", qi(d->name));
		kill_domain(m, i);
		return true;
	}
}

static bool mut_collation(struct model *m)
{
	int ti, ci, k;
	struct col *c;

	if (!on(K_COLLATION))
		return false;
	if (chance(20)) {
		if (m->ncolls >= MAXCOLL)
			return false;
		add_collation(m);
		note("add collation %s", qi(m->colls[m->ncolls - 1].name));
		return true;
	}
	if (chance(15)) {
		if ((k = live_coll(m)) < 0)
			return false;
		note("drop collation %s", qi(m->colls[k].name));
		kill_coll(m, k);
		return true;
	}
	if ((ti = pick_live_table(m)) < 0 || (ci = pick_col_fam(&m->tabs[ti], F_TEXT)) < 0)
		return false;
	/* like a type change, which pgdiff cannot do under a generated column
	 * (so a dropped collation never has one either) */
	if (col_uses(m, ti, ci) & U_GEN)
		return false;
	c = &m->tabs[ti].cols[ci];
	k = chance(30) ? 0 : random_coll(m);
	if (k == c->coll)
		return false;
	c->coll = k;
	note("collation of %s.%s to %d", TNAME(m, ti), qi(c->name), k);
	return true;
}

static bool mut_rule(struct model *m)
{
	int ti = pick_live_table(m), i, live[MAXRULE], n = 0;
	struct table *t;
	struct rule *r;

	if (ti < 0 || !on(K_RULE))
		return false;
	t = &m->tabs[ti];
	for (i = 0; i < t->nrules; i++)
		if (!t->rules[i].dead)
			live[n++] = i;
	if (n == 0 || chance(30)) {
		i = t->nrules;
		add_rule(m, ti);
		if (t->nrules == i)
			return false;
		note("add rule %s on %s", qi(t->rules[i].name), TNAME(m, ti));
		return true;
	}
	r = &t->rules[live[rnd(n)]];
	if (chance(40)) {
		r->dead = true;
		note("drop rule %s on %s", qi(r->name), TNAME(m, ti));
	} else {
		r->instead = !r->instead;
		note("change rule %s on %s", qi(r->name), TNAME(m, ti));
	}
	return true;
}

static bool (*const mutations[])(struct model *) = {
	mut_add_column, mut_add_column, mut_drop_column, mut_change_type,
	mut_change_type, mut_change_type, mut_default, mut_default, mut_not_null,
	mut_identity, mut_drop_expression, mut_add_constraint,
	mut_add_constraint, mut_drop_constraint, mut_change_constraint,
	mut_change_constraint, mut_index, mut_index, mut_table, mut_enum,
	mut_enum, mut_sequence, mut_extension, mut_schema, mut_function,
	mut_function, mut_view, mut_view, mut_view, mut_trigger, mut_policy,
	mut_grant, mut_grant, mut_partition, mut_partition, mut_comment,
	mut_comment, mut_settings, mut_settings, mut_statistics, mut_statistics,
	mut_domain, mut_domain, mut_collation, mut_rule,
};

static void mutate(struct model *m)
{
	int n = 1 + rnd(6), done = 0, tries;

	for (tries = 0; done < n && tries < 400; tries++)
		if (mutations[rnd(sizeof(mutations) / sizeof(mutations[0]))](m))
			done++;
}

/* ---- writing SQL ------------------------------------------------------ */

static const char *const fk_actions[] = {
	"NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT",
};

static const char *const privs[] = {
	"SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER",
};

static char *col_list(const struct table *t, const int *cols, int n)
{
	struct buf b;
	int i;

	buf_init(&b);
	for (i = 0; i < n; i++)
		buf_addf(&b, "%s%s", i ? ", " : "", qi(t->cols[cols[i]].name));
	return b.s;
}

static void write_column(struct buf *b, const struct model *m, const struct table *t,
			 const struct col *c)
{
	buf_addf(b, "%s %s", qi(c->name), type_sql(m, c));
	if (c->compression)
		buf_addf(b, " COMPRESSION %s", compressions[c->compression]);
	if (c->coll == 1 || c->coll == 2)
		buf_addf(b, " COLLATE %s", c->coll == 1 ? "\"C\"" : "\"POSIX\"");
	else if (c->coll >= 3)
		buf_addf(b, " COLLATE %s", qname(m, m->colls[c->coll - 3].schema,
						 m->colls[c->coll - 3].name));
	if (c->gen_base >= 0) {
		const char *base = qi(t->cols[c->gen_base].name);

		if (c->fam == F_TEXT)
			buf_addf(b, c->gen_kind ? " GENERATED ALWAYS AS (lower(%s)) STORED" :
				 " GENERATED ALWAYS AS (%s || '!') STORED", base);
		else
			buf_addf(b, c->gen_kind ? " GENERATED ALWAYS AS (%s * 2) STORED" :
				 " GENERATED ALWAYS AS (%s + 1) STORED", base);
	}
	if (c->identity) {
		buf_addf(b, " GENERATED %s AS IDENTITY",
			 c->identity == 'a' ? "ALWAYS" : "BY DEFAULT");
		if (c->id_inc) {
			buf_addf(b, " (START WITH %d INCREMENT BY %d CACHE %d", c->id_start,
				 c->id_inc, c->id_cache);
			if (c->id_maxv)
				buf_addf(b, " MAXVALUE %d", c->id_maxv);
			buf_addf(b, "%s)", c->id_cycle ? " CYCLE" : "");
		}
	}
	if (c->not_null)
		buf_addf(b, " NOT NULL");
	if (c->def)
		buf_addf(b, " DEFAULT %s", c->def);
}

static void write_idx(struct buf *b, const struct model *m, int ti, const struct idx *x)
{
	const struct table *t = &m->tabs[ti];
	int i;

	buf_addf(b, "CREATE %sINDEX %s ON %s", x->unique ? "UNIQUE " : "", qi(x->name),
		 TNAME(m, ti));
	if (x->method == 1)
		buf_addf(b, " USING hash");
	else if (x->method >= 2)
		buf_addf(b, " USING gin");
	buf_addf(b, " (");
	for (i = 0; i < x->ncols; i++) {
		const char *c = qi(t->cols[x->cols[i]].name);

		buf_addf(b, "%s", i ? ", " : "");
		if (x->method == 3)
			buf_addf(b, "%s public.gin_trgm_ops", c);
		else if (x->expr[i] == 1)
			buf_addf(b, "lower(%s)", c);
		else if (x->expr[i] == 2)
			buf_addf(b, "(%s + 1)", c);
		else if (x->expr[i] == 3)
			buf_addf(b, "%s DESC NULLS LAST", c);
		else
			buf_addf(b, "%s", c);
	}
	buf_addf(b, ")");
	if (x->incl >= 0)
		buf_addf(b, " INCLUDE (%s)", qi(t->cols[x->incl].name));
	if (x->where >= 0)
		buf_addf(b, " WHERE %s IS NOT NULL", qi(t->cols[x->where].name));
	buf_addf(b, ";\n");
}

/* The output name of position pos of view v. */
static const char *view_col_name(const struct model *m, int v, int pos)
{
	int c, t = view_origin(m, v, pos, &c);

	return m->tabs[t].cols[c].name;
}

static void write_view(struct buf *b, const struct model *m, int v, bool *done)
{
	const struct view *w = &m->views[v];
	int i;

	if (done[v] || w->dead)
		return;
	if (w->on_view)
		write_view(b, m, w->base, done);
	done[v] = true;
	buf_addf(b, "CREATE %sVIEW %s%s AS\n    SELECT ", w->materialized ? "MATERIALIZED " : "",
		 qname(m, w->schema, w->name),
		 w->materialized && w->mv_autovac ? " WITH (autovacuum_enabled = false)" :
		 !w->materialized && w->barrier ? " WITH (security_barrier)" : "");
	for (i = 0; i < w->nsel; i++)
		buf_addf(b, "%s%s", i ? ", " : "", qi(view_col_name(m, v, i)));
	if (w->on_view)
		buf_addf(b, "\n    FROM %s", qname(m, m->views[w->base].schema,
						   m->views[w->base].name));
	else
		buf_addf(b, "\n    FROM %s", TNAME(m, w->base));
	if (w->where >= 0)
		buf_addf(b, "\n    WHERE %s IS NOT NULL", qi(view_col_name(m, v, w->where)));
	buf_addf(b, ";\n");
	if (w->materialized && w->mv_idx) {
		int c, t = view_origin(m, v, 0, &c);

		/* json has no btree operator class */
		if (!(m->tabs[t].cols[c].fam == F_JSON && m->tabs[t].cols[c].sub == 0))
			buf_addf(b, "CREATE INDEX %s ON %s (%s);\n", qi(fmt("%s_idx", w->name)),
				 qname(m, w->schema, w->name), qi(view_col_name(m, v, 0)));
	}
}

static void write_fn(struct buf *b, const struct model *m, const struct fn *f)
{
	static const char *const vol[] = {"IMMUTABLE", "STABLE", "VOLATILE"};

	if (f->trigger) {
		buf_addf(b, "CREATE FUNCTION %s() RETURNS trigger\n"
			 "    LANGUAGE plpgsql\n    AS $$\nBEGIN\n"
			 "    -- version %d\n    IF TG_OP = 'DELETE' THEN\n"
			 "        RETURN OLD;\n    END IF;\n    RETURN NEW;\nEND\n$$;\n",
			 qname(m, f->schema, f->name), f->k);
		return;
	}
	buf_addf(b, "CREATE FUNCTION %s(x integer) RETURNS integer\n"
		 "    LANGUAGE sql %s%s\n    AS $$SELECT x * %d + 1$$;\n",
		 qname(m, f->schema, f->name), vol[f->vol],
		 f->strict ? " STRICT" : "", f->k);
}

static void write_roles(struct buf *b)
{
	int i;

	/* roles are global: both sides create them, and may race doing so */
	for (i = 0; i < NROLES; i++)
		buf_addf(b, "DO $$BEGIN CREATE ROLE %s NOLOGIN; "
			 "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END$$;\n",
			 roles[i]);
}

static void write_ptable(struct buf *b, const struct model *m, const struct ptable *p)
{
	static const char *const strat[] = {"RANGE", "LIST", "HASH"};
	const char *name = qname(m, p->schema, p->name);
	int i;

	buf_addf(b, "CREATE TABLE %s (\n    id integer NOT NULL,\n    k integer NOT NULL,\n"
		 "    v text", name);
	for (i = 0; i < p->nextra; i++)
		buf_addf(b, ",\n    extra_%d text", i + 1);
	if (p->pk)
		buf_addf(b, ",\n    CONSTRAINT %s PRIMARY KEY (id, k)",
			 qi(fmt("%s_pkey", p->name)));
	buf_addf(b, "\n) PARTITION BY %s (k);\n", strat[p->strategy]);
	for (i = 0; i < p->nparts; i++) {
		const struct part *q = &p->parts[i];

		if (q->dead)
			continue;
		buf_addf(b, "CREATE TABLE %s PARTITION OF %s ", qname(m, p->schema, q->name), name);
		if (q->is_default)
			buf_addf(b, "DEFAULT;\n");
		else if (p->strategy == 0)
			buf_addf(b, "FOR VALUES FROM (%d) TO (%d);\n", q->lo * 100, q->lo * 100 + 100);
		else if (p->strategy == 1)
			buf_addf(b, "FOR VALUES IN (%d, %d);\n", q->lo * 10 + 1, q->lo * 10 + 2);
		else
			buf_addf(b, "FOR VALUES WITH (MODULUS %d, REMAINDER %d);\n",
				 p->modulus, q->lo);
	}
	if (p->idx)
		buf_addf(b, "CREATE INDEX %s ON %s (v);\n", qi(fmt("%s_v_idx", p->name)), name);
}

static void write_domain(struct buf *b, const struct model *m, const struct domain *d)
{
	int i;

	buf_addf(b, "CREATE DOMAIN %s AS %s", qname(m, d->schema, d->name),
		 base_type_sql(d->fam, d->sub, d->len));
	if (d->def)
		buf_addf(b, " DEFAULT %s", d->def);
	if (d->not_null)
		buf_addf(b, " NOT NULL");
	for (i = 0; i < d->nchecks; i++)
		if (!d->checks[i].dead && !d->checks[i].not_valid)
			buf_addf(b, "\n    CONSTRAINT %s CHECK (%s)", qi(d->checks[i].name),
				 d->checks[i].expr);
	buf_addf(b, ";\n");
	for (i = 0; i < d->nchecks; i++)
		if (!d->checks[i].dead && d->checks[i].not_valid)
			buf_addf(b, "ALTER DOMAIN %s ADD CONSTRAINT %s CHECK (%s) NOT VALID;\n",
				 qname(m, d->schema, d->name), qi(d->checks[i].name),
				 d->checks[i].expr);
}

/*
 * Does the table surely have a TOAST table, on both sides, whatever the
 * script did?  Only a column of unbounded length that can be moved out of
 * line needs one, and a rewrite (ALTER COLUMN ... TYPE) drops the TOAST
 * table, and its toast.* options with it, when no column needs one.
 */
static bool has_toast(const struct model *m, const struct table *t)
{
	int i;

	for (i = 0; i < t->ncols; i++) {
		const struct col *c = &t->cols[i];
		int f = c->fam, sub = c->sub;

		if (c->dead || c->storage == 1)
			continue;
		if (f == F_DOMAIN) {
			f = m->doms[c->dom_id].fam;
			sub = m->doms[c->dom_id].sub;
		}
		if ((f == F_TEXT && sub != 1) || f == F_JSON || (f == F_NUM && sub == 3))
			return true;
	}
	return false;
}

static void write_relopts(struct buf *b, const struct model *m, const struct table *t)
{
	const char *sep = " WITH (";
	int i;

	for (i = 0; i < NRELOPT; i++)
		if (t->relopt[i] && (strncmp(relopts[i].name, "toast.", 6) != 0 ||
				     has_toast(m, t))) {
			buf_addf(b, "%s%s = %s", sep, relopts[i].name,
				 relopts[i].vals[t->relopt[i] - 1]);
			sep = ", ";
		}
	if (*sep == ',')
		buf_addf(b, ")");
}

static void write_col_settings(struct buf *b, const struct model *m, int ti)
{
	const struct table *t = &m->tabs[ti];
	int j;

	for (j = 0; j < t->ncols; j++) {
		const struct col *c = &t->cols[j];
		const char *col;

		if (c->dead)
			continue;
		col = fmt("ALTER TABLE %s ALTER COLUMN %s", TNAME(m, ti), qi(c->name));
		if (c->storage)
			buf_addf(b, "%s SET STORAGE %s;\n", col, storages[c->storage]);
		if (c->stattarget >= 0)
			buf_addf(b, "%s SET STATISTICS %d;\n", col, c->stattarget);
		if (c->attopt)
			buf_addf(b, "%s SET (%s);\n", col, attopts[c->attopt]);
	}
}

static void write_stxs(struct buf *b, const struct model *m, int ti)
{
	static const char *const stx_kinds[] = {"ndistinct", "dependencies", "mcv"};
	const struct table *t = &m->tabs[ti];
	int i, j;

	for (i = 0; i < t->nstxs; i++) {
		const struct stx *x = &t->stxs[i];
		const char *sep = " (";

		if (x->dead)
			continue;
		buf_addf(b, "CREATE STATISTICS %s", qname(m, x->schema, x->name));
		for (j = 0; j < 3; j++)
			if (x->kinds & (1 << j)) {
				buf_addf(b, "%s%s", sep, stx_kinds[j]);
				sep = ", ";
			}
		buf_addf(b, "%s ON %s", *sep == ',' ? ")" : "", col_list(t, x->cols, x->ncols));
		if (x->expr >= 0)
			buf_addf(b, t->cols[x->expr].fam == F_INT ? ", (%s + 1)" :
				 ", (lower(%s))", qi(t->cols[x->expr].name));
		buf_addf(b, " FROM %s;\n", TNAME(m, ti));
		if (x->target >= 0)
			buf_addf(b, "ALTER STATISTICS %s SET STATISTICS %d;\n",
				 qname(m, x->schema, x->name), x->target);
	}
}

static void write_rules(struct buf *b, const struct model *m, int ti)
{
	static const char *const events[] = {"INSERT", "UPDATE", "DELETE"};
	const struct table *t = &m->tabs[ti];
	int i;

	for (i = 0; i < t->nrules; i++) {
		const struct rule *r = &t->rules[i];

		if (r->dead)
			continue;
		buf_addf(b, "CREATE RULE %s AS ON %s TO %s", qi(r->name), events[r->event],
			 TNAME(m, ti));
		if (r->where_col >= 0)
			buf_addf(b, " WHERE (%s.%s IS NOT NULL)", r->event == 2 ? "OLD" : "NEW",
				 qi(t->cols[r->where_col].name));
		/* NOTIFY cannot have a WHERE */
		buf_addf(b, r->instead ? " DO INSTEAD NOTHING;\n" : r->where_col >= 0 ?
			 " DO ALSO SELECT 1;\n" : " DO ALSO NOTIFY fuzz_events;\n");
	}
}

static void write_comment(struct buf *b, const char *what, const char *c)
{
	if (c)
		buf_addf(b, "COMMENT ON %s IS %s;\n", what, lit(c));
}

static void write_comments(struct buf *b, const struct model *m)
{
	int i, j;

	for (i = 0; i < m->ndoms; i++)
		if (!m->doms[i].dead)
			write_comment(b, fmt("DOMAIN %s", qname(m, m->doms[i].schema,
				      m->doms[i].name)), m->doms[i].comment);
	for (i = 0; i < m->nfns; i++)
		if (!m->fns[i].dead)
			write_comment(b, fmt("FUNCTION %s(%s)", qname(m, m->fns[i].schema,
				      m->fns[i].name), m->fns[i].trigger ? "" : "integer"),
				      m->fns[i].comment);
	for (i = 0; i < m->ntabs; i++) {
		const struct table *t = &m->tabs[i];

		if (t->dead)
			continue;
		write_comment(b, fmt("TABLE %s", TNAME(m, i)), t->comment);
		for (j = 0; j < t->ncols; j++)
			if (!t->cols[j].dead)
				write_comment(b, fmt("COLUMN %s.%s", TNAME(m, i),
						     qi(t->cols[j].name)), t->cols[j].comment);
		for (j = 0; j < t->ncons; j++)
			if (!t->cons[j].dead)
				write_comment(b, fmt("CONSTRAINT %s ON %s", qi(t->cons[j].name),
						     TNAME(m, i)), t->cons[j].comment);
		for (j = 0; j < t->nidxs; j++)
			if (!t->idxs[j].dead)
				write_comment(b, fmt("INDEX %s", qname(m, t->schema,
						     t->idxs[j].name)), t->idxs[j].comment);
		for (j = 0; j < t->nstxs; j++)
			if (!t->stxs[j].dead)
				write_comment(b, fmt("STATISTICS %s", qname(m, t->stxs[j].schema,
						     t->stxs[j].name)), t->stxs[j].comment);
	}
	for (i = 0; i < m->nviews; i++)
		if (!m->views[i].dead)
			write_comment(b, fmt("%sVIEW %s", m->views[i].materialized ?
					     "MATERIALIZED " : "", qname(m, m->views[i].schema,
					     m->views[i].name)), m->views[i].comment);
}

static char *write_model(const struct model *m)
{
	struct buf b;
	int i, j, r;
	bool done[MAXVIEW] = {false};

	buf_init(&b);
	if (on(K_GRANT) || on(K_POLICY))
		write_roles(&b);
	for (i = 0; i < m->nschemas; i++)
		if (!m->schemas[i].dead && !m->schemas[i].builtin)
			buf_addf(&b, "CREATE SCHEMA %s;\n", qi(m->schemas[i].name));
	if (m->ext_citext)
		buf_addf(&b, "CREATE EXTENSION citext SCHEMA public;\n");
	if (m->ext_trgm)
		buf_addf(&b, "CREATE EXTENSION pg_trgm SCHEMA public;\n");
	if (m->ext_hstore)
		buf_addf(&b, "CREATE EXTENSION hstore SCHEMA public;\n");
	for (i = 0; i < m->ncolls; i++)
		if (!m->colls[i].dead)
			buf_addf(&b, "CREATE COLLATION %s (locale = '%s');\n",
				 qname(m, m->colls[i].schema, m->colls[i].name),
				 m->colls[i].from ? "POSIX" : "C");
	for (i = 0; i < m->nenums; i++) {
		const struct enumt *e = &m->enums[i];

		if (e->dead)
			continue;
		buf_addf(&b, "CREATE TYPE %s AS ENUM (", qname(m, e->schema, e->name));
		for (j = 0; j < e->nvals; j++)
			buf_addf(&b, "%s%s", j ? ", " : "", lit(e->vals[j]));
		buf_addf(&b, ");\n");
	}
	for (i = 0; i < m->ndoms; i++)
		if (!m->doms[i].dead)
			write_domain(&b, m, &m->doms[i]);
	for (i = 0; i < m->nseqs; i++) {
		const struct seq *s = &m->seqs[i];

		if (s->dead)
			continue;
		buf_addf(&b, "CREATE SEQUENCE %s AS %s INCREMENT BY %d START WITH %d CACHE %d",
			 qname(m, s->schema, s->name), s->astype ? "integer" : "bigint",
			 s->inc, s->start, s->cache);
		if (s->maxv)
			buf_addf(&b, " MAXVALUE %lld", s->maxv);
		buf_addf(&b, "%s;\n", s->cycle ? " CYCLE" : "");
	}
	for (i = 0; i < m->nfns; i++)
		if (!m->fns[i].dead)
			write_fn(&b, m, &m->fns[i]);
	for (i = 0; i < m->ntabs; i++) {
		const struct table *t = &m->tabs[i];
		bool first = true;

		if (t->dead)
			continue;
		buf_addf(&b, "CREATE %sTABLE %s (", t->unlogged ? "UNLOGGED " : "", TNAME(m, i));
		for (j = 0; j < t->ncols; j++) {
			if (t->cols[j].dead)
				continue;
			buf_addf(&b, "%s\n    ", first ? "" : ",");
			write_column(&b, m, t, &t->cols[j]);
			first = false;
		}
		for (j = 0; j < t->ncons; j++) {
			const struct con *k = &t->cons[j];

			if (k->dead || k->type == 'f' || k->not_valid)
				continue;
			buf_addf(&b, "%s\n    CONSTRAINT %s ", first ? "" : ",", qi(k->name));
			first = false;
			if (k->type == 'c')
				buf_addf(&b, "CHECK (%s)", k->expr);
			else
				buf_addf(&b, "%s%s (%s)%s", k->type == 'p' ? "PRIMARY KEY" : "UNIQUE",
					 k->nulls_nd ? " NULLS NOT DISTINCT" : "",
					 col_list(t, k->cols, k->ncols),
					 k->deferrable ? " DEFERRABLE" : "");
		}
		buf_addf(&b, "\n)");
		write_relopts(&b, m, t);
		buf_addf(&b, ";\n");
		write_col_settings(&b, m, i);
		for (j = 0; j < t->ncons; j++) {
			const struct con *k = &t->cons[j];

			if (!k->dead && k->type == 'c' && k->not_valid)
				buf_addf(&b, "ALTER TABLE %s ADD CONSTRAINT %s CHECK (%s) NOT VALID;\n",
					 TNAME(m, i), qi(k->name), k->expr);
		}
	}
	for (i = 0; i < m->nseqs; i++) {
		const struct seq *s = &m->seqs[i];

		if (!s->dead && s->owner_t >= 0)
			buf_addf(&b, "ALTER SEQUENCE %s OWNED BY %s.%s;\n",
				 qname(m, s->schema, s->name), TNAME(m, s->owner_t),
				 qi(m->tabs[s->owner_t].cols[s->owner_c].name));
	}
	for (i = 0; i < m->ntabs; i++) {
		const struct table *t = &m->tabs[i];

		if (t->dead)
			continue;
		for (j = 0; j < t->nidxs; j++)
			if (!t->idxs[j].dead)
				write_idx(&b, m, i, &t->idxs[j]);
	}
	for (i = 0; i < m->ntabs; i++) {
		const struct table *t = &m->tabs[i];

		if (t->dead)
			continue;
		for (j = 0; j < t->ncons; j++) {
			const struct con *k = &t->cons[j];

			if (k->dead || k->type != 'f')
				continue;
			buf_addf(&b, "ALTER TABLE %s ADD CONSTRAINT %s FOREIGN KEY (%s) "
				 "REFERENCES %s (%s)%s", TNAME(m, i), qi(k->name),
				 col_list(t, k->cols, k->ncols), TNAME(m, k->ftab),
				 col_list(&m->tabs[k->ftab], k->fcols, k->ncols),
				 k->match_full ? " MATCH FULL" : "");
			if (k->onupd)
				buf_addf(&b, " ON UPDATE %s", fk_actions[k->onupd]);
			if (k->ondel)
				buf_addf(&b, " ON DELETE %s", fk_actions[k->ondel]);
			if (k->deferrable)
				buf_addf(&b, " DEFERRABLE%s", k->deferred ? " INITIALLY DEFERRED" : "");
			buf_addf(&b, "%s;\n", k->not_valid ? " NOT VALID" : "");
		}
	}
	for (i = 0; i < m->nviews; i++)
		write_view(&b, m, i, done);
	for (i = 0; i < m->ntabs; i++)
		if (!m->tabs[i].dead)
			write_stxs(&b, m, i);
	for (i = 0; i < m->ntabs; i++) {
		const struct table *t = &m->tabs[i];

		if (t->dead)
			continue;
		for (j = 0; j < t->ntrgs; j++) {
			const struct trg *g = &t->trgs[j];
			const char *sep = "";

			if (g->dead || m->fns[g->fn].dead)
				continue;
			buf_addf(&b, "CREATE TRIGGER %s %s ", qi(g->name), g->before ? "BEFORE" : "AFTER");
			if (g->events & 1) {
				buf_addf(&b, "INSERT");
				sep = " OR ";
			}
			if (g->events & 2) {
				buf_addf(&b, "%sUPDATE", sep);
				if (g->of_col >= 0)
					buf_addf(&b, " OF %s", qi(t->cols[g->of_col].name));
				sep = " OR ";
			}
			if (g->events & 4) {
				buf_addf(&b, "%sDELETE", sep);
				sep = " OR ";
			}
			if ((g->events & 8) && !g->row)
				buf_addf(&b, "%sTRUNCATE", sep);
			buf_addf(&b, " ON %s FOR EACH %s", TNAME(m, i), g->row ? "ROW" : "STATEMENT");
			if (g->when_col >= 0 && g->row)
				buf_addf(&b, " WHEN (NEW.%s IS NOT NULL)", qi(t->cols[g->when_col].name));
			buf_addf(&b, " EXECUTE FUNCTION %s();\n",
				 qname(m, m->fns[g->fn].schema, m->fns[g->fn].name));
			if (g->enabled && g->enabled != 'O')
				buf_addf(&b, "ALTER TABLE %s %s TRIGGER %s;\n", TNAME(m, i),
					 g->enabled == 'D' ? "DISABLE" : g->enabled == 'R' ?
					 "ENABLE REPLICA" : "ENABLE ALWAYS", qi(g->name));
		}
		write_rules(&b, m, i);
		if (t->replident == 'f' || t->replident == 'n')
			buf_addf(&b, "ALTER TABLE %s REPLICA IDENTITY %s;\n", TNAME(m, i),
				 t->replident == 'f' ? "FULL" : "NOTHING");
		else if (t->replident == 'i')
			buf_addf(&b, "ALTER TABLE %s REPLICA IDENTITY USING INDEX %s;\n",
				 TNAME(m, i), qi(t->cons[live_pkey(m, i)].name));
		if (t->rls)
			buf_addf(&b, "ALTER TABLE %s ENABLE ROW LEVEL SECURITY;\n", TNAME(m, i));
		if (t->force_rls)
			buf_addf(&b, "ALTER TABLE %s FORCE ROW LEVEL SECURITY;\n", TNAME(m, i));
		for (j = 0; j < t->npols; j++) {
			static const char *const cmds[] = {"ALL", "SELECT", "INSERT", "UPDATE", "DELETE"};
			const struct pol *p = &t->pols[j];

			if (p->dead)
				continue;
			buf_addf(&b, "CREATE POLICY %s ON %s AS %s FOR %s TO %s", qi(p->name),
				 TNAME(m, i), p->restrictive ? "RESTRICTIVE" : "PERMISSIVE",
				 cmds[p->cmd], p->role < 0 ? "PUBLIC" : roles[p->role]);
			if (p->cmd != 2)
				buf_addf(&b, " USING (%s)", p->using_col < 0 ? "true" :
					 fmt("%s > 0", qi(t->cols[p->using_col].name)));
			if (p->cmd == 0 || p->cmd == 2 || p->cmd == 3)
				if (p->check_col >= 0 || p->cmd == 2)
					buf_addf(&b, " WITH CHECK (%s)", p->check_col < 0 ? "true" :
						 fmt("%s < 1000", qi(t->cols[p->check_col].name)));
			buf_addf(&b, ";\n");
		}
	}
	for (i = 0; i < m->npts; i++)
		if (!m->pts[i].dead && !m->schemas[m->pts[i].schema].dead)
			write_ptable(&b, m, &m->pts[i]);
	write_comments(&b, m);
	if (!on(K_GRANT))
		return b.s;
	for (i = 0; i < m->nschemas; i++)
		for (r = 0; r < NROLES; r++)
			if (!m->schemas[i].dead && (m->schemas[i].usage & (1 << r)))
				buf_addf(&b, "GRANT USAGE ON SCHEMA %s TO %s;\n",
					 qi(m->schemas[i].name), roles[r]);
	for (i = 0; i < m->ntabs; i++)
		for (r = 0; r < NROLES; r++) {
			const char *sep = "";

			if (m->tabs[i].dead || !m->tabs[i].priv[r])
				continue;
			buf_addf(&b, "GRANT ");
			for (j = 0; j < 7; j++)
				if (m->tabs[i].priv[r] & (1 << j)) {
					buf_addf(&b, "%s%s", sep, privs[j]);
					sep = ", ";
				}
			buf_addf(&b, " ON TABLE %s TO %s;\n", TNAME(m, i), roles[r]);
		}
	for (i = 0; i < m->nseqs; i++)
		if (!m->seqs[i].dead && m->seqs[i].priv[0])
			buf_addf(&b, "GRANT %s ON SEQUENCE %s TO %s;\n",
				 m->seqs[i].priv[0] == 1 ? "USAGE" : m->seqs[i].priv[0] == 2 ?
				 "SELECT" : "USAGE, SELECT",
				 qname(m, m->seqs[i].schema, m->seqs[i].name), roles[0]);
	for (i = 0; i < m->nfns; i++) {
		const struct fn *f = &m->fns[i];
		const char *sig = fmt("%s(%s)", qname(m, f->schema, f->name),
				      f->trigger ? "" : "integer");

		if (f->dead)
			continue;
		if (f->exec & 4)
			buf_addf(&b, "REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC;\n", sig);
		for (r = 0; r < NROLES; r++)
			if (f->exec & (1 << r))
				buf_addf(&b, "GRANT EXECUTE ON FUNCTION %s TO %s;\n", sig, roles[r]);
	}
	for (i = 0; i < m->nviews; i++)
		if (!m->views[i].dead && m->views[i].priv[0])
			buf_addf(&b, "GRANT SELECT ON TABLE %s TO %s;\n",
				 qname(m, m->views[i].schema, m->views[i].name), roles[0]);
	return b.s;
}

/* ---- main ------------------------------------------------------------- */

static int parse_kinds(const char *s)
{
	int k = 0;
	size_t i, n;
	const char *p = s, *e;

	while (*p) {
		e = strchr(p, ',');
		n = e ? (size_t)(e - p) : strlen(p);
		if (n == 3 && strncmp(p, "all", 3) == 0) {
			k |= KINDS_ALL;
		} else if (n == 7 && strncmp(p, "default", 7) == 0) {
			k |= KINDS_DEFAULT;
		} else {
			for (i = 0; i < sizeof(kind_names) / sizeof(kind_names[0]); i++)
				if (strlen(kind_names[i].name) == n &&
				    strncmp(p, kind_names[i].name, n) == 0)
					break;
			if (i == sizeof(kind_names) / sizeof(kind_names[0]))
				die("unknown kind '%.*s' in --kinds", (int)n, p);
			k |= kind_names[i].bit;
		}
		p += n;
		if (*p == ',')
			p++;
	}
	return k;
}

static void usage(void)
{
	size_t i;

	fprintf(stderr, "usage: genpair [--kinds LIST] SEED DIR\n"
		"writes DIR/a.sql and DIR/b.sql; LIST is comma separated, of:\n  default all");
	for (i = 0; i < sizeof(kind_names) / sizeof(kind_names[0]); i++)
		fprintf(stderr, " %s", kind_names[i].name);
	fprintf(stderr, "\n");
	exit(64);
}

static void write_file(const char *dir, const char *name, const char *head, const char *body)
{
	char *path = fmt("%s/%s", dir, name);
	FILE *f = fopen(path, "w");

	if (!f)
		die("cannot open '%s': %s", path, strerror(errno));
	fputs(head, f);
	fputs(body, f);
	if (fclose(f) != 0)
		die("cannot write '%s': %s", path, strerror(errno));
}

static char *kinds_text(void)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < sizeof(kind_names) / sizeof(kind_names[0]); i++)
		if (on(kind_names[i].bit))
			buf_addf(&b, "%s%s", b.len ? "," : "", kind_names[i].name);
	return b.s;
}

int main(int argc, char **argv)
{
	struct model *a, *b;
	unsigned long long seed;
	char *end, *head;
	int argi = 1;

	kinds = KINDS_DEFAULT;
	while (argi < argc && strncmp(argv[argi], "--", 2) == 0) {
		if (strcmp(argv[argi], "--kinds") == 0 && argi + 1 < argc) {
			kinds = parse_kinds(argv[argi + 1]);
			argi += 2;
		} else if (strncmp(argv[argi], "--kinds=", 8) == 0) {
			kinds = parse_kinds(argv[argi] + 8);
			argi++;
		} else {
			usage();
		}
	}
	if (argc - argi != 2)
		usage();
	errno = 0;
	seed = strtoull(argv[argi], &end, 10);
	if (errno || *end || end == argv[argi])
		die("bad seed '%s'", argv[argi]);
	if (on(K_TRIGGER))
		kinds |= K_FUNCTION;	/* triggers need their functions */
	if (mkdir(argv[argi + 1], 0777) != 0 && errno != EEXIST)
		die("cannot create '%s': %s", argv[argi + 1], strerror(errno));

	rng_state = seed;
	a = xmalloc(sizeof(*a));
	b = xmalloc(sizeof(*b));
	build_a(a);
	*b = *a;
	buf_init(&mlog);
	mutate(b);

	head = fmt("-- genpair %llu (kinds %s): schema A\n", seed, kinds_text());
	write_file(argv[argi + 1], "a.sql", head, write_model(a));
	head = fmt("-- genpair %llu (kinds %s): schema B, A after:\n%s", seed,
		   kinds_text(), mlog.s);
	write_file(argv[argi + 1], "b.sql", head, write_model(b));
	return 0;
}
