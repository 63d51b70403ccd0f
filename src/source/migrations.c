/*
 * migrations.c: which files of a directory are migrations, and their order.
 * The conventions are those of the tools that write them; the rules are
 * documented under SOURCES in pgdiff(1).
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pgdiff/migrations.h"
#include "pgdiff/util.h"

/* How many unknown names an error lists before "...". */
#define MAX_LISTED 5

enum entry_kind {
	ENTRY_IGNORED,		/* clearly not a migration: README, *.down.sql ... */
	ENTRY_UNKNOWN,		/* looks like nothing pgdiff knows: an error */
	ENTRY_MIGRATION
};

static const char *const naming_names[] = {
	[NAMING_NUMBERED] = "numbered",
	[NAMING_UP_DOWN] = "golang-migrate",
	[NAMING_FLYWAY] = "Flyway",
	[NAMING_PRISMA] = "Prisma",
};

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int lower(char c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static int has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcmp(s + n - m, suffix);
}

static int equals_nocase(const char *s, size_t n, const char *word)
{
	if (strlen(word) != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (lower(s[i]) != word[i])
			return 0;
	return 1;
}

/* Compares the digit runs a[0..na) and b[0..nb) as numbers. */
static int compare_number(const char *a, size_t na, const char *b, size_t nb)
{
	while (na > 1 && *a == '0')
		a++, na--;
	while (nb > 1 && *b == '0')
		b++, nb--;
	if (na != nb)
		return na < nb ? -1 : 1;
	return memcmp(a, b, na) < 0 ? -1 : memcmp(a, b, na) > 0;
}

int version_compare(const char *a, const char *b)
{
	while (*a || *b) {
		size_t na = strspn(a, "0123456789"), nb = strspn(b, "0123456789");
		/* a missing part counts as 0: Flyway's 1 and 1.0 are one version */
		int c = compare_number(na ? a : "0", na ? na : 1,
				       nb ? b : "0", nb ? nb : 1);

		if (c)
			return c;
		a += na;
		b += nb;
		if (*a == '.')
			a++;
		if (*b == '.')
			b++;
	}
	return 0;
}

int natural_compare(const char *a, const char *b)
{
	const char *a0 = a, *b0 = b;

	while (*a && *b) {
		if (is_digit(*a) && is_digit(*b)) {
			size_t na = strspn(a, "0123456789");
			size_t nb = strspn(b, "0123456789");
			int c = compare_number(a, na, b, nb);

			if (c)
				return c;
			a += na;
			b += nb;
		} else if (*a != *b) {
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		} else {
			a++;
			b++;
		}
	}
	if (*a || *b)
		return *a ? 1 : -1;
	/* equal as numbers (x01, x1): still one order */
	return strcmp(a0, b0) < 0 ? -1 : strcmp(a0, b0) > 0;
}

/*
 * Digits, optionally in parts joined by one of seps; appends them to
 * version with '.' between parts and returns the length read (0: none).
 */
static size_t read_version(const char *p, const char *seps,
			   struct strbuf *version)
{
	size_t i = 0;

	if (!is_digit(p[0]))
		return 0;
	for (;;) {
		while (is_digit(p[i]))
			strbuf_addch(version, p[i++]);
		if (!p[i] || !strchr(seps, p[i]) || !is_digit(p[i + 1]))
			return i;
		strbuf_addch(version, '.');
		i++;
	}
}

/* Documentation and tool settings that live beside migrations. */
static int is_not_migration(const char *name)
{
	static const char *const stems[] = { "readme", "license", "licence",
					     "changelog", "notes", NULL };
	static const char *const exts[] = { "md", "markdown", "txt", "rst",
					    "adoc", "toml", "json", "yaml",
					    "yml", "lock", "sum", "conf",
					    "cfg", "ini", NULL };
	const char *dot = strrchr(name, '.');
	size_t stem = strcspn(name, ".");

	for (int i = 0; stems[i]; i++)
		if (equals_nocase(name, stem, stems[i]))
			return 1;
	for (int i = 0; dot && exts[i]; i++)
		if (equals_nocase(dot + 1, strlen(dot + 1), exts[i]))
			return 1;
	return 0;
}

static enum entry_kind classify_file(const char *name,
				     enum migration_naming *naming,
				     struct strbuf *version, int *repeatable)
{
	size_t n;

	*repeatable = 0;
	strbuf_reset(version);
	/* hidden files; migrations the other way (golang-migrate, Flyway undo) */
	if (name[0] == '.' || has_suffix(name, ".down.sql") ||
	    (name[0] == 'U' && (n = read_version(name + 1, "._", version)) &&
	     !strncmp(name + 1 + n, "__", 2)) ||
	    is_not_migration(name))
		return ENTRY_IGNORED;
	strbuf_reset(version);
	if (!has_suffix(name, ".sql"))
		return ENTRY_UNKNOWN;
	*naming = NAMING_FLYWAY;
	if (name[0] == 'V' && (n = read_version(name + 1, "._", version)) &&
	    !strncmp(name + 1 + n, "__", 2))
		return ENTRY_MIGRATION;
	if (!strncmp(name, "R__", 3)) {
		*repeatable = 1;
		return ENTRY_MIGRATION;
	}
	strbuf_reset(version);
	n = read_version(name, "", version);
	if (!n)
		return ENTRY_UNKNOWN;
	if (has_suffix(name, ".up.sql") &&
	    (name[n] == '_' || !strcmp(name + n, ".up.sql"))) {
		*naming = NAMING_UP_DOWN;
		return ENTRY_MIGRATION;
	}
	if (name[n] == '_' || name[n] == '-' || !strcmp(name + n, ".sql")) {
		*naming = NAMING_NUMBERED;
		return ENTRY_MIGRATION;
	}
	return ENTRY_UNKNOWN;
}

static int is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static void join(struct strbuf *sb, const char *dir, const char *name)
{
	strbuf_reset(sb);
	strbuf_adds(sb, dir);
	if (sb->len && sb->buf[sb->len - 1] != '/')
		strbuf_addch(sb, '/');
	strbuf_adds(sb, name);
}

/* A project's root: its supabase/migrations or prisma/migrations. */
static int resolve_dir(const char *dir, struct strbuf *out, struct strbuf *err)
{
	struct strbuf supabase = STRBUF_INIT, prisma = STRBUF_INIT;
	int has_supabase, has_prisma, status = 0;

	join(&supabase, dir, "supabase/migrations");
	join(&prisma, dir, "prisma/migrations");
	has_supabase = is_dir(supabase.buf);
	has_prisma = is_dir(prisma.buf);
	if (has_supabase && has_prisma) {
		strbuf_addf(err, "'%s' holds both supabase/migrations and prisma/migrations; name the one to use",
			    dir);
		status = EXIT_BAD_INPUT;
	} else {
		strbuf_adds(out, has_supabase ? supabase.buf :
				 has_prisma ? prisma.buf : dir);
	}
	strbuf_release(&supabase);
	strbuf_release(&prisma);
	return status;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The directory's entries, sorted so that messages do not depend on readdir. */
static int read_names(const char *dir, char ***names, size_t *n,
		      struct strbuf *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t alloc = 0;

	*names = NULL;
	*n = 0;
	if (!d) {
		strbuf_addf(err, "cannot read '%s': %s", dir, strerror(errno));
		return EXIT_BAD_INPUT;
	}
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		ALLOC_GROW(*names, *n + 1, alloc);
		(*names)[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*n)
		qsort(*names, *n, sizeof(**names), compare_names);
	return 0;
}

static void add_migration(struct migration_list *list, const char *path,
			  const char *name, const char *version,
			  enum migration_naming naming)
{
	struct migration *m;

	ALLOC_GROW(list->items, list->n + 1, list->alloc);
	m = &list->items[list->n++];
	m->path = xstrdup(path);
	m->name = xstrdup(name);
	m->version = version ? xstrdup(version) : NULL;
	m->naming = naming;
}

/* Versioned first, by version; Flyway's repeatables last, by name. */
static int compare_migrations(const void *pa, const void *pb)
{
	const struct migration *a = pa, *b = pb;
	int c;

	if (!a->version != !b->version)
		return a->version ? -1 : 1;
	if (!a->version)
		return natural_compare(a->name, b->name);
	c = version_compare(a->version, b->version);
	return c ? c : natural_compare(a->name, b->name);
}

/* Classifies one entry; directories are Prisma migrations or unknown. */
static void classify_entry(struct migration_list *list, const char *name,
			   struct strbuf *unknown, size_t *nunknown)
{
	struct strbuf path = STRBUF_INIT, version = STRBUF_INIT;
	enum migration_naming naming = NAMING_NUMBERED;
	enum entry_kind kind = ENTRY_UNKNOWN;
	int repeatable = 0;

	join(&path, list->dir, name);
	if (name[0] == '.') {
		kind = ENTRY_IGNORED;
	} else if (is_dir(path.buf)) {
		size_t n = read_version(name, "", &version);
		if (n && (name[n] == '_' || !name[n])) {
			strbuf_adds(&path, "/migration.sql");
			if (is_file(path.buf)) {
				kind = ENTRY_MIGRATION;
				naming = NAMING_PRISMA;
			} else {
				join(&path, list->dir, name);
			}
		}
	} else if (is_file(path.buf)) {
		kind = classify_file(name, &naming, &version, &repeatable);
	}
	if (kind == ENTRY_MIGRATION) {
		add_migration(list, path.buf, name, repeatable ? NULL : version.buf,
			      naming);
	} else if (kind == ENTRY_UNKNOWN) {
		if (*nunknown < MAX_LISTED)
			strbuf_addf(unknown, "%s'%s%s'", *nunknown ? ", " : "",
				    name, is_dir(path.buf) ? "/" : "");
		else if (*nunknown == MAX_LISTED)
			strbuf_adds(unknown, ", ...");
		(*nunknown)++;
	}
	strbuf_release(&path);
	strbuf_release(&version);
}

/* One convention per directory, and no version twice. */
static int check_order(const struct migration_list *list, struct strbuf *err)
{
	for (size_t i = 1; i < list->n; i++) {
		const struct migration *a = &list->items[0], *b = &list->items[i];
		if (a->naming != b->naming) {
			strbuf_addf(err, "'%s' mixes migration naming conventions: '%s' (%s) and '%s' (%s); pgdiff cannot tell the order they apply in",
				    list->dir, a->name, naming_names[a->naming],
				    b->name, naming_names[b->naming]);
			return EXIT_BAD_INPUT;
		}
	}
	for (size_t i = 1; i < list->n; i++) {
		const struct migration *a = &list->items[i - 1], *b = &list->items[i];
		if (a->version && b->version &&
		    !version_compare(a->version, b->version)) {
			strbuf_addf(err, "'%s' and '%s' have the same version %s; pgdiff cannot tell which applies first",
				    a->path, b->path, b->version);
			return EXIT_BAD_INPUT;
		}
	}
	return 0;
}

int migrations_list(const char *dir, struct migration_list *list,
		    struct strbuf *err)
{
	struct strbuf resolved = STRBUF_INIT, unknown = STRBUF_INIT;
	char **names = NULL;
	size_t nnames = 0, nunknown = 0;
	int status = resolve_dir(dir, &resolved, err);

	if (status)
		goto out;
	list->dir = strbuf_detach(&resolved);
	status = read_names(list->dir, &names, &nnames, err);
	if (status)
		goto out;
	for (size_t i = 0; i < nnames; i++)
		classify_entry(list, names[i], &unknown, &nunknown);
	if (nunknown) {
		strbuf_addf(err, "'%s' holds %s that follow%s no migration naming convention: %s (see SOURCES in pgdiff(1))",
			    list->dir, nunknown == 1 ? "an entry" : "entries",
			    nunknown == 1 ? "s" : "", unknown.buf);
		status = EXIT_BAD_INPUT;
		goto out;
	}
	if (list->n)
		qsort(list->items, list->n, sizeof(*list->items),
		      compare_migrations);
	status = check_order(list, err);
out:
	for (size_t i = 0; i < nnames; i++)
		free(names[i]);
	free(names);
	strbuf_release(&resolved);
	strbuf_release(&unknown);
	return status;
}

void migration_list_release(struct migration_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		free(list->items[i].path);
		free(list->items[i].name);
		free(list->items[i].version);
	}
	free(list->items);
	free(list->dir);
	list->items = NULL;
	list->dir = NULL;
	list->n = list->alloc = 0;
}
