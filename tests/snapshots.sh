#!/usr/bin/env bash
# snapshots.sh: a saved snapshot stands in for its database. For every fixture, the diff of
# two live databases and the diff of their snapshots (and of one of each) must agree byte
# for byte, exit status included; bad snapshot files and failed snapshots are clear errors.
#
#   tests/snapshots.sh [CASE...]
#
# Needs a running server: PGHOST, PGPORT and PGUSER as tests/pgcluster.sh prints them.
# Environment: PGDIFF (./pgdiff), FIXTURES (fixtures).
set -eu
export LC_ALL=C TZ=UTC
here=$(cd "$(dirname "$0")" && pwd)
PGDIFF=${PGDIFF:-./pgdiff}
root=${FIXTURES:-fixtures}
: "${PGHOST:?snapshots.sh needs PGHOST (start a cluster with tests/pgcluster.sh)}"
# An unbuilt binary is one clear error, not a failure per case.
case $PGDIFF in
*/*) [ -x "$PGDIFF" ] || { echo "snapshots.sh: '$PGDIFF' is not executable" >&2; exit 1; } ;;
esac

tmp=$(mktemp -d)
db_a=snap_a_$$
db_b=snap_b_$$
A="dbname=$db_a"
B="dbname=$db_b"

sql() {
	psql -X -q -v ON_ERROR_STOP=1 "$@"
}

drop_dbs() {
	local db
	for db in "$db_a" "$db_b"; do
		# subscriptions keep a database from being dropped
		sql -d "$db" -f "$here/drop-subscriptions.sql" >/dev/null 2>&1 || true
		dropdb --if-exists --force "$db" >/dev/null 2>&1 || true
	done
}

cleanup() {
	set +e
	drop_dbs
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

passed=0
failed=0
n=0
ok() { n=$((n + 1)); passed=$((passed + 1)); echo "ok $n - $1"; }
# not_ok NAME [FILE...]: the files show why, indented, on stderr
not_ok() {
	local f
	n=$((n + 1))
	failed=$((failed + 1))
	echo "not ok $n - $1"
	shift
	for f in "$@"; do
		[ -s "$f" ] && head -n 40 "$f" | sed 's/^/#   /' >&2
	done
	return 0
}

# Loads case $1 into fresh databases A and B, side by side.
load_case() {
	local dir=$1 pid st=0
	drop_dbs
	createdb "$db_a" && createdb "$db_b" || return 1
	sql -d "$db_a" -f "$dir/a.sql" >"$tmp/load-a.log" 2>&1 &
	pid=$!
	sql -d "$db_b" -f "$dir/b.sql" >"$tmp/load-b.log" 2>&1 || st=$?
	wait "$pid" && [ "$st" -eq 0 ]
}

# run NAME ARGS...: pgdiff's stdout in $tmp/NAME.out, its exit status in $tmp/NAME.status
run() {
	local name=$1 st=0
	shift
	"$PGDIFF" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || st=$?
	echo "$st" >"$tmp/$name.status"
}

# Prints what differs between the live run and run $1, or nothing.
differs() {
	if ! cmp -s "$tmp/live.status" "$tmp/$1.status"; then
		echo "$1: exit status $(cat "$tmp/$1.status"), live $(cat "$tmp/live.status")"
	elif ! cmp -s "$tmp/live.out" "$tmp/$1.out"; then
		echo "$1: output differs"
		diff -u "$tmp/live.out" "$tmp/$1.out" | head -n 20
	fi
}

run_case() {
	local dir=$1 name=$2 snap_st v
	local -a args=()

	if ! load_case "$dir"; then
		not_ok "$name: the fixture does not load" "$tmp/load-a.log" "$tmp/load-b.log"
		return
	fi
	# Split on white space without glob expansion, as tests/run-fixtures.sh does.
	[ ! -f "$dir/args" ] || read -r -d '' -a args <"$dir/args" || true

	# Runs that do not depend on each other go side by side, for speed.
	run snap-a snapshot "$A" -o "$tmp/a.json" &
	run snap-b snapshot "$B" -o "$tmp/b.json"
	wait
	for v in snap-a snap-b; do
		snap_st=$(cat "$tmp/$v.status")
		if [ "$snap_st" -ne 0 ]; then
			not_ok "$name: pgdiff snapshot exit status $snap_st" "$tmp/$v.err"
			return
		fi
	done
	run live ${args[@]+"${args[@]}"} "$A" "$B" &
	run json ${args[@]+"${args[@]}"} "$tmp/a.json" "$tmp/b.json" &
	run json-live ${args[@]+"${args[@]}"} "$tmp/a.json" "$B" &
	run live-json ${args[@]+"${args[@]}"} "$A" "$tmp/b.json"
	wait
	: >"$tmp/why"
	for v in json json-live live-json; do
		differs "$v" >>"$tmp/why"
	done
	if [ -s "$tmp/why" ]; then
		not_ok "$name: snapshot diffs differ from the live diff" "$tmp/why" "$tmp/json.err"
	else
		ok "$name"
	fi
}

if [ $# -gt 0 ]; then
	cases=("$@")
else
	cases=()
	for d in "$root"/*/; do
		[ -f "$d/a.sql" ] && [ -f "$d/b.sql" ] && cases+=("$(basename "$d")")
	done
fi
for name in "${cases[@]}"; do
	run_case "$root/${name%/}" "${name%/}"
done
drop_dbs

# Files that are not (good) snapshots: exit 65 and one line naming the file.
createdb "$db_a"
sql -d "$db_a" -c 'CREATE TABLE t (id integer PRIMARY KEY, note text)'
"$PGDIFF" snapshot "$A" -o "$tmp/good.json"

# bad_file NAME FILE WANT: pgdiff FILE empty fails with 65 and one line containing WANT
bad_file() {
	run bad "$2" empty
	if [ "$(cat "$tmp/bad.status")" = 65 ] && [ ! -s "$tmp/bad.out" ] &&
	   [ "$(wc -l <"$tmp/bad.err")" -eq 1 ] && grep -qF "$3" "$tmp/bad.err" &&
	   grep -qF "'$2'" "$tmp/bad.err"; then
		ok "$1"
	else
		not_ok "$1: exit $(cat "$tmp/bad.status")" "$tmp/bad.err"
	fi
}

head -c 300 "$tmp/good.json" >"$tmp/truncated.json"
bad_file "truncated file" "$tmp/truncated.json" "is not valid JSON"
sed 's/"version": 1,/"version": 2,/' "$tmp/good.json" >"$tmp/newer.json"
bad_file "newer format" "$tmp/newer.json" \
	"was written by a newer pgdiff (format 2; this one reads up to 1)"
echo '{"format": "pgdiff-report", "version": 1}' >"$tmp/report.json"
bad_file "another JSON file" "$tmp/report.json" "is not a pgdiff snapshot"
sed 's/"integer"/"bigint"/' "$tmp/good.json" >"$tmp/edited.json"
bad_file "edited file" "$tmp/edited.json" "do not match the fingerprint"

# Same schema, same fingerprint, wherever and whenever it was read.
createdb "$db_b"
sql -d "$db_b" -c 'CREATE TABLE t (id integer PRIMARY KEY, note text)' \
	-c 'INSERT INTO t SELECT g FROM generate_series(1, 1000) g' -c 'ANALYZE t'
"$PGDIFF" snapshot "$B" -o "$tmp/other.json"
fingerprint() { grep -m 1 '"fingerprint"' "$1"; }
if [ "$(fingerprint "$tmp/good.json")" = "$(fingerprint "$tmp/other.json")" ] &&
   ! cmp -s "$tmp/good.json" "$tmp/other.json"; then
	ok "same schema, same fingerprint"
else
	not_ok "same schema, same fingerprint"
fi
"$PGDIFF" snapshot "$tmp/good.json" -o "$tmp/again.json"
cmp -s "$tmp/good.json" "$tmp/again.json" && ok "a snapshot of a snapshot is the same file" ||
	not_ok "a snapshot of a snapshot is the same file"

# pgdiff snapshot writes the whole file or none.
run unreachable snapshot "host=$tmp/no-such-socket dbname=x" -o "$tmp/failed.json"
if [ "$(cat "$tmp/unreachable.status")" = 69 ] && [ -z "$(ls "$tmp" | grep '^failed\.json')" ]; then
	ok "an unreachable database leaves no file"
else
	not_ok "an unreachable database leaves no file: exit $(cat "$tmp/unreachable.status")" \
		"$tmp/unreachable.err"
fi
run snap-stdout snapshot "$A"
cmp -s "$tmp/snap-stdout.out" "$tmp/good.json" && ok "snapshot to stdout" ||
	not_ok "snapshot to stdout" "$tmp/snap-stdout.err"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
