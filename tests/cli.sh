#!/usr/bin/env bash
# cli.sh: every exit status pgdiff documents, --fail-on, -o, --help and --version.
# Needs a running server: PGHOST, PGPORT and PGUSER as tests/pgcluster.sh prints them.
set -eu
export LC_ALL=C TZ=UTC
PGDIFF=${PGDIFF:-./pgdiff}
: "${PGHOST:?cli.sh needs PGHOST (start a cluster with tests/pgcluster.sh)}"

tmp=$(mktemp -d)
db_a=cli_a_$$
db_b=cli_b_$$
cleanup() {
	dropdb --if-exists "$db_a" >/dev/null 2>&1 || true
	dropdb --if-exists "$db_b" >/dev/null 2>&1 || true
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

passed=0
failed=0
n=0
ok() { n=$((n + 1)); passed=$((passed + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

# expect STATUS NAME CMD...: runs CMD, compares its exit status
expect() {
	local want=$1 name=$2 got=0
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err" || got=$?
	if [ "$got" = "$want" ]; then ok "$name"; else
		not_ok "$name: exit $got, expected $want"
		sed 's/^/#   /' "$tmp/err" >&2
	fi
}

# stderr of the last expect is one line starting "pgdiff: "
one_line_error() {
	if [ "$(wc -l <"$tmp/err")" -ge 1 ] && head -n 1 "$tmp/err" | grep -q '^pgdiff: ' &&
	   [ ! -s "$tmp/out" ]; then ok "$1"; else not_ok "$1"; sed 's/^/#   /' "$tmp/err" >&2; fi
}

createdb "$db_a"
createdb "$db_b"
psql -X -q -v ON_ERROR_STOP=1 -d "$db_a" -c 'CREATE TABLE t (id integer PRIMARY KEY, note text)'
psql -X -q -v ON_ERROR_STOP=1 -d "$db_b" -c 'CREATE TABLE t (id integer PRIMARY KEY, note text)'
A="dbname=$db_a"
B="dbname=$db_b"

expect 0 "identical schemas exit 0" "$PGDIFF" "$A" "$B"
if [ ! -s "$tmp/out" ]; then ok "identical schemas print nothing"; else not_ok "identical schemas print nothing"; fi

psql -X -q -d "$db_b" -c 'CREATE INDEX t_note ON t (note)'
expect 1 "worst minor exits 1" "$PGDIFF" "$A" "$B"
grep -q '^-- \[minor\] creates index public.t_note$' "$tmp/out" && ok "minor statement tagged" || not_ok "minor statement tagged"
grep -q '^-- statements: 0 critical, 0 major, 1 minor$' "$tmp/out" && ok "header counts" || not_ok "header counts"
expect 0 "--fail-on major ignores minor" "$PGDIFF" --fail-on major "$A" "$B"
[ -s "$tmp/out" ] && ok "--fail-on still prints the SQL" || not_ok "--fail-on still prints the SQL"

psql -X -q -d "$db_b" -c 'ALTER TABLE t ALTER COLUMN note SET NOT NULL'
expect 2 "worst major exits 2" "$PGDIFF" "$A" "$B"
expect 2 "--fail-on major with major exits 2" "$PGDIFF" --fail-on major "$A" "$B"
expect 0 "--fail-on critical with major exits 0" "$PGDIFF" --fail-on critical "$A" "$B"

psql -X -q -d "$db_b" -c 'ALTER TABLE t DROP COLUMN note'
expect 3 "worst critical exits 3" "$PGDIFF" "$A" "$B"
grep -q '^-- \[critical\] drops column public.t.note: its data is lost$' "$tmp/out" &&
	ok "critical reason" || not_ok "critical reason"

# --kinds leaves other kinds out of the comparison
expect 0 "--kinds index ignores the dropped column" "$PGDIFF" --kinds index "$A" "$B"
expect 3 "--kinds table sees it" "$PGDIFF" --kinds table "$A" "$B"
grep -q "^-- filters: --kinds table$" "$tmp/out" && ok "filters recorded in the header" || not_ok "filters recorded in the header"
expect 64 "unknown kind" "$PGDIFF" --kinds tables "$A" "$B"

# -o writes the whole file or none
expect 3 "-o writes a file" "$PGDIFF" -o "$tmp/diff.sql" "$A" "$B"
[ -s "$tmp/diff.sql" ] && [ ! -s "$tmp/out" ] && ok "-o leaves stdout empty" || not_ok "-o leaves stdout empty"
ls "$tmp" | grep -q '\.tmp\.' && not_ok "-o leaves no temporary file" || ok "-o leaves no temporary file"
expect 3 "-o /dev/null writes through the device" "$PGDIFF" -o /dev/null "$A" "$B"
[ -c /dev/null ] && ok "/dev/null is still a device" || not_ok "/dev/null is still a device"
expect 65 "-o into a missing directory exits 65" "$PGDIFF" -o "$tmp/missing/diff.sql" "$A" "$B"
one_line_error "-o failure is one line"

# usage errors: 64
expect 64 "no arguments" "$PGDIFF"
expect 64 "one argument" "$PGDIFF" "$A"
expect 64 "three arguments" "$PGDIFF" "$A" "$B" "$A"
expect 64 "unknown option" "$PGDIFF" --frobnicate "$A" "$B"
expect 64 "bad --fail-on level" "$PGDIFF" --fail-on huge "$A" "$B"
expect 64 "-o without a file" "$PGDIFF" "$A" "$B" -o
expect 64 "bad --lock-timeout" "$PGDIFF" --lock-timeout soon "$A" "$B"
expect 64 "unknown source kind" "$PGDIFF" "nonsense" "$B"
one_line_error "unknown source kind is one line"

# --rename: what it cannot rename, or cannot tell apart, is a usage error
psql -X -q -v ON_ERROR_STOP=1 -d "$db_a" -c 'SET client_min_messages = error' -c 'CREATE PUBLICATION pub' \
	-c 'CREATE OPERATOR CLASS int_ops FOR TYPE integer USING hash AS OPERATOR 1 =, FUNCTION 1 hashint4(integer)'
expect 64 "--rename of an unknown object" "$PGDIFF" --rename public.nothing=other "$A" "$B"
grep -q "^pgdiff: --rename: the source has no object named 'public.nothing'" "$tmp/err" &&
	ok "--rename names what is missing" || not_ok "--rename names what is missing"
expect 64 "--rename of a publication" "$PGDIFF" --rename pub=pub2 "$A" "$B"
grep -q "^pgdiff: --rename: renaming a publication is not supported" "$tmp/err" &&
	ok "--rename says what it cannot rename" || not_ok "--rename says what it cannot rename"
expect 64 "--rename to another schema" "$PGDIFF" --rename public.t=other.t "$A" "$B"
grep -q "^pgdiff: --rename: 'other.t' is not where 'public.t' is" "$tmp/err" &&
	ok "--rename says it moves nothing" || not_ok "--rename says it moves nothing"
# the class comes with a family of its name: the short name is ambiguous
expect 64 "--rename of an ambiguous operator class" "$PGDIFF" --rename public.int_ops=ops2 "$A" "$B"
grep -q "^pgdiff: --rename: 'public.int_ops' names more than one object" "$tmp/err" &&
	ok "--rename says the name is ambiguous" || not_ok "--rename says the name is ambiguous"
psql -X -q -v ON_ERROR_STOP=1 -d "$db_a" -c 'DROP PUBLICATION pub' \
	-c 'DROP OPERATOR FAMILY int_ops USING hash'

# internal error: the catalog queries cannot run (here: no time for them)
expect 70 "catalog query failure exits 70" env PGOPTIONS="-c statement_timeout=1" "$PGDIFF" "$A" "$B"
grep -q '^pgdiff: catalog query failed' "$tmp/err" && ok "query failure names itself" || not_ok "query failure names itself"

# unreachable or unauthenticated: 69, one line, never a crash
expect 69 "no server on the port" "$PGDIFF" "host=$PGHOST port=1 dbname=x" "$B"
one_line_error "unreachable server is one line"
grep -q 'could not connect to "' "$tmp/err" && ok "unreachable names the target" || not_ok "unreachable names the target"
expect 69 "missing database" "$PGDIFF" "$A" "dbname=no_such_db_$$"
one_line_error "missing database is one line"
expect 69 "missing role" "$PGDIFF" "$A" "dbname=$db_b user=no_such_role_$$"
expect 69 "bad URI" "$PGDIFF" "postgresql://[bad" "$B"
one_line_error "bad URI is one line"

# passwords never shown
expect 69 "password masked in errors" "$PGDIFF" "postgresql://u:s3cret@127.0.0.1:1/x" "$B"
grep -q s3cret "$tmp/err" && not_ok "password does not appear" || ok "password does not appear"

expect 0 "--help exits 0" "$PGDIFF" --help
grep -q '^usage: pgdiff ' "$tmp/out" && ok "--help prints usage on stdout" || not_ok "--help prints usage on stdout"
expect 0 "--version exits 0" "$PGDIFF" --version
grep -Eq '^pgdiff [0-9.]+ \(libpq [0-9.]+, utf8proc [0-9.]+\)$' "$tmp/out" &&
	ok "--version names libpq and utf8proc" || not_ok "--version names libpq and utf8proc"

# progress: on a terminal only, silenced by -q, never on stdout
if command -v script >/dev/null 2>&1; then
	script -qec "$PGDIFF -o /dev/null '$A' '$B'" /dev/null >"$tmp/tty" 2>&1 || true
	grep -q 'pgdiff: reading dbname=' "$tmp/tty" && ok "progress shown on a terminal" || not_ok "progress shown on a terminal"
	script -qec "$PGDIFF -q -o /dev/null '$A' '$B'" /dev/null >"$tmp/tty" 2>&1 || true
	grep -q 'reading' "$tmp/tty" && not_ok "-q silences progress" || ok "-q silences progress"
	"$PGDIFF" "$A" "$B" >"$tmp/out" 2>"$tmp/err" || true
	grep -q 'reading' "$tmp/err" "$tmp/out" && not_ok "no progress without a terminal" || ok "no progress without a terminal"
fi

# inspect: a readable listing of one side
expect 0 "inspect a live database" "$PGDIFF" inspect "$A"
grep -q '^table public.t$' "$tmp/out" && grep -Eq '^  id +integer +not null' "$tmp/out" &&
	ok "inspect lists tables and columns" || not_ok "inspect lists tables and columns"
grep -q 'constraint t_pkey PRIMARY KEY (id)' "$tmp/out" && ok "inspect lists keys" || not_ok "inspect lists keys"
expect 0 "inspect a snapshot" sh -c "'$PGDIFF' snapshot '$A' -o '$tmp/a.json' && '$PGDIFF' inspect '$tmp/a.json'"
grep -q '^table public.t$' "$tmp/out" && ok "inspect reads snapshots" || not_ok "inspect reads snapshots"
expect 64 "inspect takes one side" "$PGDIFF" inspect "$A" "$B"

# objects of a kind not handled: a warning, or with --strict an error and no script.
# pgdiff handles every kind a server has now; such objects show in snapshots saved by
# an older pgdiff (their list is not part of the fingerprint).
"$PGDIFF" snapshot -o "$tmp/b-now.json" "$B" >/dev/null 2>&1 || true
jq '.unhandled = [{"kind": "conversion", "count": 1, "names": "public.latin_out"}]' \
	"$tmp/b-now.json" >"$tmp/b-older.json" 2>/dev/null || true
OLDER=$tmp/b-older.json
expect 3 "unhandled objects only warn" "$PGDIFF" "$A" "$OLDER"
grep -q "^pgdiff: warning: target has objects pgdiff does not handle yet: conversion: 1 (public.latin_out)$" "$tmp/err" &&
	ok "the warning names them" || not_ok "the warning names them"
grep -q "^-- not handled yet in the target: conversion: 1 (public.latin_out)$" "$tmp/out" &&
	ok "the header names them" || not_ok "the header names them"
expect 65 "--strict makes them an error" "$PGDIFF" --strict "$A" "$OLDER"
one_line_error "--strict failure is one line"
grep -q "^pgdiff: --strict: target has objects pgdiff does not handle yet: conversion: 1 (public.latin_out)$" "$tmp/err" &&
	ok "--strict names them" || not_ok "--strict names them"
expect 65 "--strict applies to snapshot too" "$PGDIFF" snapshot --strict -o "$tmp/strict.json" "$OLDER"
[ ! -e "$tmp/strict.json" ] && ok "--strict snapshot writes no file" || not_ok "--strict snapshot writes no file"
expect 0 "--strict with nothing unhandled passes" "$PGDIFF" --strict "$A" "$A"

# a comparison leaves no session behind
"$PGDIFF" "$A" "$B" >/dev/null 2>&1 || true
if psql -X -At -d "$db_a" -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'pgdiff'" | grep -qx 0; then
	ok "no session left behind"; else not_ok "no session left behind"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
