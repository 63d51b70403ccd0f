#!/usr/bin/env bash
# sources.sh: migration directories, schema files and build commands as sides, built in
# scratch databases on a --scratch server and in pgdiff's own throwaway cluster; their
# errors; and that nothing is left behind, whether pgdiff succeeds, fails or is killed.
# Needs a running server: PGHOST, PGPORT and PGUSER as tests/pgcluster.sh prints them.
set -eu
export LC_ALL=C TZ=UTC
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
PGDIFF=${PGDIFF:-$root/pgdiff}
case $PGDIFF in /*) ;; */*) PGDIFF=$(cd "$(dirname "$PGDIFF")" && pwd)/$(basename "$PGDIFF") ;; esac
: "${PGHOST:?sources.sh needs PGHOST (start a cluster with tests/pgcluster.sh)}"
F=$root/fixtures/sources

tmp=$(mktemp -d)
# pgdiff's own temporary directories go here, to be checked for leftovers; when run as
# root the server's account must reach it, hence its own directory with mode 755.
scratch_tmp=$(mktemp -d /tmp/pgdiff-sources.XXXXXX)
chmod 755 "$scratch_tmp"
live=src_live_$$
drift=src_drift_$$
# A build that hangs: a sleep no other process on the machine is likely to run.
hang="sleep $((4000 + $$ % 1000))"
SCRATCH="host=$PGHOST port=$PGPORT user=$PGUSER dbname=postgres"

cleanup() {
	set +e
	pkill -f -- "$hang" 2>/dev/null
	dropdb --if-exists "$live" >/dev/null 2>&1
	dropdb --if-exists "$drift" >/dev/null 2>&1
	rm -rf "$tmp" "$scratch_tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

passed=0
failed=0
n=0
ok() { n=$((n + 1)); passed=$((passed + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; show_err; fi; }
show_err() { sed 's/^/#   /' "$tmp/err" >&2; }

sql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

# pgdiff with its temporary directories in $scratch_tmp
pgdiff() { TMPDIR=$scratch_tmp "$PGDIFF" "$@"; }

# expect STATUS NAME ARGS...: runs pgdiff, compares its exit status
expect() {
	local want=$1 name=$2 got=0
	shift 2
	pgdiff "$@" >"$tmp/out" 2>"$tmp/err" || got=$?
	if [ "$got" = "$want" ]; then ok "$name"; else
		not_ok "$name: exit $got, expected $want"
		show_err
	fi
}

# expect_same NAME ARGS...: exit 0 and nothing on stdout
expect_same() {
	local name=$1
	shift
	expect 0 "$name: exit 0" "$@"
	check "$name: prints nothing" '[ ! -s "$tmp/out" ]'
}

# stderr of the last run is one line starting "pgdiff: " and holds each fixed string given
one_line_error() {
	local name=$1 s good=1
	shift
	[ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q '^pgdiff: ' "$tmp/err" || good=0
	for s in "$@"; do grep -qF -- "$s" "$tmp/err" || good=0; done
	if [ "$good" = 1 ]; then ok "$name"; else not_ok "$name"; show_err; fi
}

# What a run may leave behind: scratch databases, directories, processes.
leftovers() {
	sql -Atd postgres -c "SELECT datname FROM pg_database WHERE datname LIKE 'pgdiff\\_scratch\\_%'"
	ls -A "$scratch_tmp"
	pgrep -af -- "$scratch_tmp" || true
	pgrep -af -- "$hang" || true
	pgrep -af -- "slow-build.sh" || true
}

nothing_left() {
	local left
	left=$(leftovers)
	if [ -z "$left" ]; then ok "$1: nothing left behind"; else
		not_ok "$1: nothing left behind"
		printf '%s\n' "$left" | sed 's/^/#   left: /' >&2
	fi
}

# interrupt NAME SIGNAL SECONDS ARGS...: starts pgdiff, signals it after SECONDS, and
# requires that it died of the signal and left nothing
interrupt() {
	local name=$1 sig=$2 after=$3 pid got=0 want
	shift 3
	# the binary itself, not a function's subshell, must get the signal
	TMPDIR=$scratch_tmp "$PGDIFF" "$@" >"$tmp/out" 2>"$tmp/err" &
	pid=$!
	sleep "$after"
	kill -"$sig" "$pid" 2>/dev/null || true
	wait "$pid" || got=$?
	want=$((128 + $(kill -l "$sig")))
	if [ "$got" = "$want" ]; then ok "$name: dies of SIG$sig"; else
		not_ok "$name: exit $got, expected $want"
		show_err
	fi
	nothing_left "$name"
}

createdb "$live"
createdb "$drift"
sql -d "$live" -f "$F/live.sql"
sql -d "$drift" -f "$F/live.sql" -f "$F/drift.sql"

# Every kind of tree, against a live database holding the same schema.
for tree in numbered flyway golang-migrate dbmate/db/migrations prisma supabase schema.sql; do
	expect_same "$tree" --scratch "$SCRATCH" "dbname=$live" "$F/$tree"
done
expect_same "build (alembic-like.sh)" --scratch "$SCRATCH" --build "sh '$F/alembic-like.sh'" \
	"dbname=$live" build
pg_dump --schema-only -d "$live" >"$tmp/dump.sql"
expect_same "pg_dump --schema-only output" --scratch "$SCRATCH" "dbname=$live" "$tmp/dump.sql"
nothing_left "trees on --scratch"

# PGDIFF_SCRATCH_URL instead of --scratch
PGDIFF_SCRATCH_URL=$SCRATCH expect_same "PGDIFF_SCRATCH_URL" "dbname=$live" "$F/flyway"

# Drift: the statements that take the live database back to the migrations' schema.
statements() { grep -vE '^(--|SET |BEGIN;|COMMIT;|$)' "$1" || true; }
for tree in numbered schema.sql; do
	expect 2 "drift against $tree: worst major" --scratch "$SCRATCH" "dbname=$drift" "$F/$tree"
	statements "$tmp/out" >"$tmp/got"
	statements "$F/drift.expected" >"$tmp/want"
	if diff -u "$tmp/want" "$tmp/got" >"$tmp/diff"; then ok "drift against $tree: statements"; else
		not_ok "drift against $tree: statements"
		sed 's/^/#   /' "$tmp/diff" >&2
	fi
done
expect 2 "drift against a build" --scratch "$SCRATCH" --build "sh '$F/alembic-like.sh'" \
	"dbname=$drift" build
statements "$tmp/out" >"$tmp/got"
check "drift against a build: statements" 'diff -q "$tmp/want" "$tmp/got" >/dev/null'

# pgdiff's own throwaway cluster, started once for both sides, as the server's account
expect_same "own cluster" -v "dbname=$live" "$F/flyway"
check "own cluster: -v reports its start" 'grep -q "starting a throwaway PostgreSQL" "$tmp/err"'
expect_same "own cluster, both sides" -v "$F/numbered" "$F/prisma"
check "own cluster, both sides: started once" \
	'[ "$(grep -c "starting a throwaway PostgreSQL" "$tmp/err")" = 1 ]'
if [ "$(id -u)" = 0 ]; then server_user=postgres; else server_user=$(id -un); fi
expect 0 "own cluster: build sees the server's account" \
	--build 'echo "server-user: $(ps -o user= -p "$(psql -XAtc "SELECT pid FROM pg_stat_activity WHERE backend_type = '"'checkpointer'"'")")"' \
	empty build
check "own cluster: server runs as $server_user" \
	'grep -q "^server-user: *$server_user\$" "$tmp/err"'
nothing_left "own cluster"

# Bad input: one line naming the file and line, exit 65, nothing left.
mkdir -p "$tmp/utf8" "$tmp/failing" "$tmp/meta" "$tmp/dup" "$tmp/unknown"
printf 'CREATE TABLE u (a text);\n' >"$tmp/utf8/001_ok.sql"
printf 'CREATE TABLE v (a text);\n-- caf\351\n' >"$tmp/utf8/002_latin1.sql"
offset=$(printf 'CREATE TABLE v (a text);\n-- caf' | wc -c)
expect 65 "invalid UTF-8 exits 65" --scratch "$SCRATCH" "dbname=$live" "$tmp/utf8"
one_line_error "invalid UTF-8: file and byte offset" "002_latin1.sql" "byte offset $offset"

printf 'CREATE TABLE f (a int);\n' >"$tmp/failing/001_ok.sql"
printf -- '-- fails on line 3\n\nINSERT INTO f\n  VALUES (1), (2), (NULL::text);\n' >"$tmp/failing/002_bad.sql"
expect 65 "failing migration exits 65" --scratch "$SCRATCH" "dbname=$live" "$tmp/failing"
one_line_error "failing migration: file:line and SQLSTATE" "002_bad.sql:3: 42804 "
expect 65 "failing migration in the own cluster exits 65" "dbname=$live" "$tmp/failing"
one_line_error "failing migration in the own cluster: file:line" "002_bad.sql:3: 42804 "

printf 'CREATE TABLE m (a int);\n\\i other.sql\n' >"$tmp/meta/001_meta.sql"
expect 65 "psql meta-command exits 65" --scratch "$SCRATCH" "dbname=$live" "$tmp/meta"
one_line_error "psql meta-command: file:line" "001_meta.sql:2: psql meta-command '\\i'"

printf 'SELECT 1;\n' >"$tmp/dup/001_a.sql"
printf 'SELECT 1;\n' >"$tmp/dup/1_b.sql"
expect 65 "duplicate versions exit 65" --scratch "$SCRATCH" "dbname=$live" "$tmp/dup"
one_line_error "duplicate versions: both files named" "001_a.sql" "1_b.sql"

printf 'SELECT 1;\n' >"$tmp/unknown/001_a.sql"
printf 'SELECT 1;\n' >"$tmp/unknown/schema.sql"
printf 'docs\n' >"$tmp/unknown/README.md"
expect 65 "a file of no convention exits 65" --scratch "$SCRATCH" "dbname=$live" "$tmp/unknown"
one_line_error "a file of no convention: named, README not" "'schema.sql'"
check "a file of no convention: README.md ignored" '! grep -q README "$tmp/err"'

expect 65 "failing build exits 65" --scratch "$SCRATCH" \
	--build 'echo first; echo second >&2; exit 3' empty build
check "failing build: status and last lines" \
	'grep -q "exit status 3" "$tmp/err" && [ "$(grep -c "^second$" "$tmp/err")" = 2 ]'
expect 65 "build killed by a signal exits 65" --scratch "$SCRATCH" --build 'kill -KILL $$' empty build
check "build killed by a signal: reported" 'grep -q "killed by signal 9" "$tmp/err"'
nothing_left "bad input"

# Servers that are not there.
expect 69 "unreachable --scratch exits 69" --scratch "host=$tmp/nowhere port=1 dbname=postgres" \
	"dbname=$live" "$F/numbered"
one_line_error "unreachable --scratch: one line" "scratch server"
PATH=/usr/bin:/bin PGDIFF_PG_BINDIR=/nonexistent \
	expect 69 "no server binaries exits 69" "dbname=$live" "$F/numbered"
one_line_error "no server binaries: one line" "PGDIFF_PG_BINDIR"
nothing_left "unreachable"

# Two pgdiffs at once on one --scratch server.
TMPDIR=$scratch_tmp "$PGDIFF" --scratch "$SCRATCH" "dbname=$live" "$F/numbered" >"$tmp/out1" 2>&1 &
p1=$!
TMPDIR=$scratch_tmp "$PGDIFF" --scratch "$SCRATCH" "$F/flyway" "$F/golang-migrate" >"$tmp/out2" 2>&1 &
p2=$!
s1=0 s2=0
wait "$p1" || s1=$?
wait "$p2" || s2=$?
check "two pgdiffs at once on one server" '[ "$s1" = 0 ] && [ "$s2" = 0 ] && [ ! -s "$tmp/out1" ] && [ ! -s "$tmp/out2" ]'
nothing_left "two pgdiffs at once"

# A hung build command, and interruptions at several points of a build.
interrupt "hung build on --scratch, SIGTERM" TERM 2 --scratch "$SCRATCH" --build "$hang" empty build
interrupt "hung build in the own cluster, SIGTERM" TERM 3 --build "$hang" empty build
for after in 0.1 0.5 1.5; do
	SLOW_BUILD_SLEEP=2 interrupt "build on --scratch, SIGINT after ${after}s" INT "$after" \
		--scratch "$SCRATCH" --build "sh '$F/slow-build.sh'" "dbname=$live" build
done
for after in 0.2 0.8 1.6 3; do
	SLOW_BUILD_SLEEP=2 interrupt "build in the own cluster, SIGINT after ${after}s" INT "$after" \
		--build "sh '$F/slow-build.sh'" "$F/numbered" build
done
interrupt "own cluster, SIGHUP" HUP 1 --build "sh '$F/slow-build.sh'" "$F/numbered" build

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
