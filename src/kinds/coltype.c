/* coltype.c: how risky a column type change is, judged from the two type names. */
#include <stdlib.h>
#include <string.h>

#include "pgdiff/coltype.h"

/* Splits "numeric(10,2)[]" into base "numeric[]" and modifiers 10, 2. */
struct type_name {
	char base[128];
	long mods[2];
	int nmods;
};

static void parse_type(struct type_name *t, const char *s)
{
	size_t n = 0;

	memset(t, 0, sizeof(*t));
	while (*s && n + 1 < sizeof(t->base)) {
		if (*s == '(') {
			char *end;
			s++;
			while (t->nmods < 2) {
				t->mods[t->nmods++] = strtol(s, &end, 10);
				s = end;
				if (*s != ',')
					break;
				s++;
			}
			while (*s && *s != ')')
				s++;
			if (*s)
				s++;
			continue;
		}
		t->base[n++] = *s++;
	}
	t->base[n] = '\0';
}

static int is(const struct type_name *t, const char *base)
{
	return !strcmp(t->base, base);
}

/* Same base type, other modifiers. */
static enum type_change modifier_change(const struct type_name *a,
					const struct type_name *b)
{
	if (is(a, "character varying") || is(a, "bit varying") ||
	    is(a, "timestamp without time zone") ||
	    is(a, "timestamp with time zone") ||
	    is(a, "time without time zone") || is(a, "interval")) {
		if (!b->nmods)
			return TYPE_SAFE;
		if (!a->nmods || b->mods[0] < a->mods[0])
			return TYPE_LOSSY;
		return TYPE_SAFE;
	}
	if (is(a, "numeric")) {
		long ai, bi;
		if (!b->nmods)
			return TYPE_SAFE;
		if (!a->nmods)
			return TYPE_LOSSY;
		ai = a->mods[0] - a->mods[1];
		bi = b->mods[0] - b->mods[1];
		if (bi < ai || b->mods[1] < a->mods[1])
			return TYPE_LOSSY;
		return b->mods[1] == a->mods[1] ? TYPE_SAFE : TYPE_REWRITE;
	}
	if (is(a, "character")) {
		if (b->nmods && a->nmods && b->mods[0] >= a->mods[0])
			return TYPE_REWRITE;
		return TYPE_LOSSY;
	}
	return TYPE_REWRITE;
}

/* Conversions that keep every value; whether they rewrite the table. */
static const struct {
	const char *from, *to;
	enum type_change change;
} widenings[] = {
	{ "character varying", "text", TYPE_SAFE },
	{ "text", "character varying", TYPE_SAFE },
	{ "cidr", "inet", TYPE_SAFE },
	{ "smallint", "integer", TYPE_REWRITE },
	{ "smallint", "bigint", TYPE_REWRITE },
	{ "integer", "bigint", TYPE_REWRITE },
	{ "smallint", "numeric", TYPE_REWRITE },
	{ "integer", "numeric", TYPE_REWRITE },
	{ "bigint", "numeric", TYPE_REWRITE },
	{ "smallint", "double precision", TYPE_REWRITE },
	{ "integer", "double precision", TYPE_REWRITE },
	{ "real", "double precision", TYPE_REWRITE },
	{ "date", "timestamp without time zone", TYPE_REWRITE },
	{ "date", "timestamp with time zone", TYPE_REWRITE },
	{ "timestamp without time zone", "timestamp with time zone", TYPE_REWRITE },
	{ "json", "jsonb", TYPE_REWRITE },
	{ "character", "text", TYPE_REWRITE },
	{ "character", "character varying", TYPE_REWRITE },
};

enum type_change classify_type_change(const char *from, const char *to)
{
	struct type_name a, b;
	size_t la, lb;

	parse_type(&a, from);
	parse_type(&b, to);
	la = strlen(a.base);
	lb = strlen(b.base);
	/* An array converts like its elements. */
	if (la > 2 && lb > 2 && !strcmp(a.base + la - 2, "[]") &&
	    !strcmp(b.base + lb - 2, "[]")) {
		a.base[la - 2] = '\0';
		b.base[lb - 2] = '\0';
	}
	if (!strcmp(a.base, b.base))
		return modifier_change(&a, &b);
	for (size_t i = 0; i < sizeof(widenings) / sizeof(widenings[0]); i++) {
		if (!is(&a, widenings[i].from) || !is(&b, widenings[i].to))
			continue;
		/* to a length-limited varchar only when no length is set */
		if (b.nmods && is(&b, "character varying"))
			return TYPE_LOSSY;
		if (b.nmods && is(&b, "numeric"))
			return TYPE_LOSSY;
		return widenings[i].change;
	}
	return TYPE_LOSSY;
}

int default_is_volatile(const char *expr)
{
	static const char *const volatile_calls[] = {
		"nextval(", "random(", "gen_random_uuid(", "uuid_generate_v",
		"clock_timestamp(", "timeofday(", "txid_current(",
	};

	if (!expr)
		return 0;
	for (size_t i = 0; i < sizeof(volatile_calls) / sizeof(*volatile_calls); i++)
		if (strstr(expr, volatile_calls[i]))
			return 1;
	return 0;
}
