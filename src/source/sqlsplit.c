/*
 * sqlsplit.c: statement boundaries in SQL text, the way psql finds them:
 * quotes, dollar quotes, nested comments, parentheses, BEGIN ATOMIC bodies
 * and COPY data.  The first few words of each statement say whether it
 * can run in a transaction block.
 */
#include <stdlib.h>
#include <string.h>

#include "pgdiff/sqlsplit.h"
#include "pgdiff/util.h"

/* Enough words to recognise every statement the flags care about. */
#define MAX_WORDS 8
/* How much of an unknown meta-command an error message shows. */
#define MAX_META 20

struct word {
	size_t start, len;
	int quoted;		/* "quoted" identifiers are never keywords */
};

struct scanner {
	const char *s;
	size_t len, pos;
	unsigned line;
	/* the statement being read */
	int in_stmt;
	struct sql_stmt cur;
	int paren;
	int begin_depth;	/* BEGIN ... END of a BEGIN ATOMIC body */
	int nwords;
	struct word words[MAX_WORDS];
	int after_from;		/* the last token was FROM outside parentheses */
	int from_stdin;
};

static int is_ident_start(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
	       c >= 0x80;
}

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int is_ident_char(unsigned char c)
{
	return is_ident_start(c) || is_digit(c) || c == '$';
}

static int lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Whether w[0..len) is the keyword kw (lower case), in any case. */
static int text_is(const char *w, size_t len, const char *kw)
{
	size_t n = strlen(kw);

	if (len != n)
		return 0;
	for (size_t k = 0; k < n; k++)
		if (lower((unsigned char)w[k]) != kw[k])
			return 0;
	return 1;
}

/* Whether word i of the statement is the keyword kw. */
static int word_is(const struct scanner *sc, int i, const char *kw)
{
	if (i >= sc->nwords || i >= MAX_WORDS || sc->words[i].quoted)
		return 0;
	return text_is(sc->s + sc->words[i].start, sc->words[i].len, kw);
}

static int word_in(const struct scanner *sc, int i, const char *const *kws)
{
	for (; *kws; kws++)
		if (word_is(sc, i, *kws))
			return 1;
	return 0;
}

/* CREATE [OR REPLACE] FUNCTION|PROCEDURE: its body may be BEGIN ATOMIC ... END. */
static int is_routine(const struct scanner *sc)
{
	static const char *const routine[] = { "function", "procedure", NULL };

	return word_is(sc, 0, "create") &&
	       (word_in(sc, 1, routine) ||
		(word_is(sc, 1, "or") && word_is(sc, 2, "replace") &&
		 word_in(sc, 3, routine)));
}

static unsigned classify(const struct scanner *sc)
{
	static const char *const txn[] = { "begin", "start", "commit", "end",
					   "rollback", "abort", NULL };
	static const char *const global[] = { "database", "tablespace",
					      "subscription", NULL };
	static const char *const reindex_all[] = { "database", "system",
						   "concurrently", NULL };
	unsigned flags = 0;

	if (word_in(sc, 0, txn) ||
	    (word_is(sc, 0, "prepare") && word_is(sc, 1, "transaction")))
		flags |= STMT_TRANSACTION;
	if (word_is(sc, 0, "copy") && sc->from_stdin)
		flags |= STMT_COPY_IN;
	if (word_is(sc, 0, "vacuum") ||
	    (word_is(sc, 0, "alter") && word_is(sc, 1, "system")) ||
	    ((word_is(sc, 0, "create") || word_is(sc, 0, "drop")) &&
	     word_in(sc, 1, global)) ||
	    (word_is(sc, 0, "alter") && word_is(sc, 1, "subscription")) ||
	    (word_is(sc, 0, "create") && word_is(sc, 1, "index") &&
	     word_is(sc, 2, "concurrently")) ||
	    (word_is(sc, 0, "create") && word_is(sc, 1, "unique") &&
	     word_is(sc, 2, "index") && word_is(sc, 3, "concurrently")) ||
	    (word_is(sc, 0, "drop") && word_is(sc, 1, "index") &&
	     word_is(sc, 2, "concurrently")) ||
	    (word_is(sc, 0, "reindex") &&
	     (word_in(sc, 1, reindex_all) || word_in(sc, 2, reindex_all) ||
	      word_in(sc, 3, reindex_all))) ||
	    (word_is(sc, 0, "discard") && word_is(sc, 1, "all")) ||
	    (word_is(sc, 0, "cluster") && sc->nwords == 1))
		flags |= STMT_NO_TRANSACTION;
	/*
	 * A new enum value cannot be used in the transaction that added it,
	 * which psql's one transaction per statement allows: run such a file
	 * the same way.
	 */
	if (word_is(sc, 0, "alter") && word_is(sc, 1, "type"))
		for (int i = 2; i + 1 < MAX_WORDS; i++)
			if (word_is(sc, i, "add") && word_is(sc, i + 1, "value"))
				flags |= STMT_NO_TRANSACTION;
	return flags;
}

static void add_word(struct scanner *sc, size_t start, size_t len, int quoted)
{
	const char *w = sc->s + start;
	int keyword = !quoted && sc->paren == 0;

	if (sc->nwords < MAX_WORDS) {
		sc->words[sc->nwords].start = start;
		sc->words[sc->nwords].len = len;
		sc->words[sc->nwords].quoted = quoted;
	}
	sc->nwords++;
	if (keyword && sc->after_from && text_is(w, len, "stdin"))
		sc->from_stdin = 1;
	/* psql's rule: in a routine, BEGIN and CASE open what END closes */
	if (keyword && is_routine(sc)) {
		if (text_is(w, len, "begin"))
			sc->begin_depth++;
		else if (text_is(w, len, "case") && sc->begin_depth > 0)
			sc->begin_depth++;
		else if (text_is(w, len, "end") && sc->begin_depth > 0)
			sc->begin_depth--;
	}
	sc->after_from = keyword && text_is(w, len, "from");
}

static void skip_line_comment(struct scanner *sc)
{
	while (sc->pos < sc->len && sc->s[sc->pos] != '\n')
		sc->pos++;
}

/* PostgreSQL's block comments nest. */
static void skip_block_comment(struct scanner *sc)
{
	int depth = 0;

	while (sc->pos < sc->len) {
		char c = sc->s[sc->pos];

		if (c == '/' && sc->pos + 1 < sc->len && sc->s[sc->pos + 1] == '*') {
			depth++;
			sc->pos += 2;
		} else if (c == '*' && sc->pos + 1 < sc->len &&
			   sc->s[sc->pos + 1] == '/') {
			sc->pos += 2;
			if (--depth == 0)
				return;
		} else {
			if (c == '\n')
				sc->line++;
			sc->pos++;
		}
	}
}

/* From an opening quote past its closing one; a doubled quote stays inside. */
static void skip_quoted(struct scanner *sc, char quote, int backslashes)
{
	sc->pos++;
	while (sc->pos < sc->len) {
		char c = sc->s[sc->pos++];

		if (c == '\n')
			sc->line++;
		else if (backslashes && c == '\\' && sc->pos < sc->len) {
			if (sc->s[sc->pos] == '\n')
				sc->line++;
			sc->pos++;
		} else if (c == quote) {
			if (sc->pos < sc->len && sc->s[sc->pos] == quote)
				sc->pos++;
			else
				return;
		}
	}
}

/* The length of a $tag$ opening at pos, or 0 ($1 is a parameter). */
static size_t dollar_tag(const struct scanner *sc, size_t pos)
{
	size_t i = pos + 1;

	if (i < sc->len && sc->s[i] == '$')
		return 2;
	if (i >= sc->len || !is_ident_start((unsigned char)sc->s[i]))
		return 0;
	while (i < sc->len && is_ident_char((unsigned char)sc->s[i]) &&
	       sc->s[i] != '$')
		i++;
	return i < sc->len && sc->s[i] == '$' ? i + 1 - pos : 0;
}

static void skip_dollar(struct scanner *sc, size_t tag)
{
	const char *open = sc->s + sc->pos;

	sc->pos += tag;
	while (sc->pos < sc->len) {
		if (sc->s[sc->pos] == '$' && sc->len - sc->pos >= tag &&
		    !memcmp(sc->s + sc->pos, open, tag)) {
			sc->pos += tag;
			return;
		}
		if (sc->s[sc->pos] == '\n')
			sc->line++;
		sc->pos++;
	}
}

/* COPY ... FROM STDIN: the rows start on the next line and end at "\." or EOF. */
static void read_copy_data(struct scanner *sc)
{
	size_t p = sc->pos;

	while (p < sc->len && sc->s[p] != '\n')
		p++;
	if (p < sc->len) {
		p++;
		sc->line++;
	}
	sc->cur.data_start = p;
	sc->cur.data_line = sc->line;
	while (p < sc->len) {
		size_t eol = p, n;

		while (eol < sc->len && sc->s[eol] != '\n')
			eol++;
		n = eol - p;
		if (n && sc->s[p + n - 1] == '\r')
			n--;
		if (n == 2 && sc->s[p] == '\\' && sc->s[p + 1] == '.') {
			sc->cur.data_end = p;
			sc->pos = eol < sc->len ? eol + 1 : eol;
			if (eol < sc->len)
				sc->line++;
			return;
		}
		if (eol == sc->len) {
			p = eol;
			break;
		}
		p = eol + 1;
		sc->line++;
	}
	sc->cur.data_end = p;
	sc->pos = p;
}

static void begin_statement(struct scanner *sc)
{
	memset(&sc->cur, 0, sizeof(sc->cur));
	sc->in_stmt = 1;
	sc->cur.start = sc->pos;
	sc->cur.line = sc->line;
	sc->paren = sc->begin_depth = sc->nwords = 0;
	sc->after_from = sc->from_stdin = 0;
}

static void end_statement(struct scanner *sc, struct sql_script *script)
{
	sc->cur.end = sc->pos;
	sc->cur.flags = classify(sc);
	if (sc->cur.flags & STMT_COPY_IN)
		read_copy_data(sc);
	ALLOC_GROW(script->stmts, script->n + 1, script->alloc);
	script->stmts[script->n++] = sc->cur;
	script->flags |= sc->cur.flags;
	sc->in_stmt = 0;
}

static int meta_command(struct scanner *sc, unsigned *bad_line,
			struct strbuf *err)
{
	size_t n = 1;

	while (sc->pos + n < sc->len && n < MAX_META &&
	       !strchr(" \t\r\n;", sc->s[sc->pos + n]))
		n++;
	*bad_line = sc->line;
	strbuf_addf(err, "psql meta-command '%.*s' is not SQL (pgdiff sends the file to the server, not to psql)",
		    (int)n, sc->s + sc->pos);
	return -1;
}

/*
 * pg_dump (from 17.6, 16.10, 15.14 ...) wraps its output in \restrict and
 * \unrestrict, which only limit psql's own meta-commands: as pgdiff runs
 * none, they can go.
 */
static int is_restrict(const struct scanner *sc)
{
	size_t start = sc->pos + 1, end = start;

	while (end < sc->len && is_ident_char((unsigned char)sc->s[end]))
		end++;
	return text_is(sc->s + start, end - start, "restrict") ||
	       text_is(sc->s + start, end - start, "unrestrict");
}

/* One token at sc->pos, which starts or continues a statement. */
static void scan_token(struct scanner *sc)
{
	unsigned char c = (unsigned char)sc->s[sc->pos];
	size_t start = sc->pos, tag;

	if (c == '\'') {
		skip_quoted(sc, '\'', 0);
		sc->after_from = 0;
	} else if (c == '"') {
		skip_quoted(sc, '"', 0);
		add_word(sc, start, sc->pos - start, 1);
	} else if (c == '$' && (tag = dollar_tag(sc, sc->pos))) {
		skip_dollar(sc, tag);
		sc->after_from = 0;
	} else if (is_ident_start(c)) {
		while (sc->pos < sc->len && is_ident_char((unsigned char)sc->s[sc->pos]))
			sc->pos++;
		/* E'...' takes backslash escapes */
		if (sc->pos - start == 1 && lower(c) == 'e' &&
		    sc->pos < sc->len && sc->s[sc->pos] == '\'') {
			skip_quoted(sc, '\'', 1);
			sc->after_from = 0;
		} else {
			add_word(sc, start, sc->pos - start, 0);
		}
	} else if (is_digit(c) || c == '$') {
		/* numbers, and $1 parameters */
		sc->pos++;
		while (sc->pos < sc->len &&
		       (is_ident_char((unsigned char)sc->s[sc->pos]) ||
			sc->s[sc->pos] == '.'))
			sc->pos++;
		sc->after_from = 0;
	} else {
		if (c == '(')
			sc->paren++;
		else if (c == ')' && sc->paren > 0)
			sc->paren--;
		sc->pos++;
		sc->after_from = 0;
	}
}

int sql_split(struct sql_script *script, const char *text, size_t len,
	      unsigned first_line, unsigned *bad_line, struct strbuf *err)
{
	struct scanner sc;

	memset(&sc, 0, sizeof(sc));
	sc.s = text;
	sc.len = len;
	sc.line = first_line;
	while (sc.pos < sc.len) {
		char c = sc.s[sc.pos];
		char next = sc.pos + 1 < sc.len ? sc.s[sc.pos + 1] : '\0';

		if (c == '\n') {
			sc.line++;
			sc.pos++;
		} else if (strchr(" \t\r\f\v", c) && c) {
			sc.pos++;
		} else if (c == '-' && next == '-') {
			skip_line_comment(&sc);
		} else if (c == '/' && next == '*') {
			skip_block_comment(&sc);
		} else if (c == ';') {
			sc.pos++;
			if (sc.in_stmt && !sc.paren && !sc.begin_depth)
				end_statement(&sc, script);
		} else if (c == '\\' && !sc.in_stmt && is_restrict(&sc)) {
			skip_line_comment(&sc);
		} else {
			if (!sc.in_stmt)
				begin_statement(&sc);
			if (c == '\\')
				return meta_command(&sc, bad_line, err);
			scan_token(&sc);
		}
	}
	if (sc.in_stmt)
		end_statement(&sc, script);
	return 0;
}

void sql_script_release(struct sql_script *script)
{
	free(script->stmts);
	script->stmts = NULL;
	script->n = script->alloc = 0;
	script->flags = 0;
}
