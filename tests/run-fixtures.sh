#!/usr/bin/env bash
# Integration runner, the round-trip oracle: for each case, diff A against B, check the
# output, apply it to A, and require an empty second diff and equal schema dumps.
#
#   tests/run-fixtures.sh [CASE...]
#
# A case is a directory holding a.sql and b.sql, and, in the fixture tree, expected.sql (the
# reviewed output) and optionally `expected-status` (pgdiff's exit status), `args` (extra
# pgdiff arguments, split on white space), `dump-args` (extra pg_dump arguments, for
# cases that compare only part of the schema) and `verify.sql` (queries run on A once the
# output is applied, each printing one boolean that must be true: that data was kept).
#
# Environment:
#   PGDIFF           the binary under test (./pgdiff)
#   FIXTURES         the fixture tree (fixtures)
#   UPDATE_EXPECTED  1: write expected.sql (and expected-status, if present) from the output
#   CONFORMANCE_DIR  run the cases of this tree instead, checking only the oracle
#   ARGS_DIR         looked in for <case>/args and <case>/dump-args a case does not hold
#   PGHOST ...       use this server; unset: start a throwaway cluster (tests/pgcluster.sh)
#
# The output is compared with expected.sql after replacing the database names with a and b
# and the pgdiff and server versions in its header with VERSION, so that expected.sql does
# not depend on the run or the machine.
set -eu
export LC_ALL=C TZ=UTC

here=$(cd "$(dirname "$0")" && pwd)
pgdiff=${PGDIFF:-./pgdiff}
root=${FIXTURES:-fixtures}
conformance=
if [ -n "${CONFORMANCE_DIR:-}" ]; then
	root=$CONFORMANCE_DIR
	conformance=1
fi
[ -d "$root" ] || { echo "run-fixtures: no case directory '$root'" >&2; exit 1; }
# An unbuilt binary is one clear error, not a failure per case.
case $pgdiff in
*/*) [ -x "$pgdiff" ] || { echo "run-fixtures: '$pgdiff' is not executable" >&2; exit 1; } ;;
esac

tmp=$(mktemp -d)
cluster=
live_dbs=

sql() {
	psql -X -q -v ON_ERROR_STOP=1 "$@"
}

drop_dbs() {
	local db
	for db in $live_dbs; do
		# subscriptions keep a database from being dropped
		sql -d "$db" -f "$here/drop-subscriptions.sql" >/dev/null 2>&1 || true
		sql -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
	done
	live_dbs=
}

cleanup() {
	set +e
	# Our own cluster goes whole; on someone else's server drop what we created.
	if [ -n "$cluster" ]; then
		bash "$here/pgcluster.sh" stop "$cluster"
	else
		drop_dbs
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -z "${PGHOST:-}" ]; then
	# Settings that would send connections elsewhere than the cluster we start.
	unset PGHOSTADDR PGSERVICE PGDATABASE PGPORT PGUSER
	cluster=$(bash "$here/pgcluster.sh" newdir)
	env_line=$(bash "$here/pgcluster.sh" start "$cluster") || {
		echo "run-fixtures: could not start a PostgreSQL cluster" >&2
		exit 1
	}
	eval "$env_line"
fi

# Prints the first existing file named $2 for case $1 (case directory, then ARGS_DIR).
case_file() {
	if [ -f "$1/$2" ]; then
		echo "$1/$2"
	elif [ -n "${ARGS_DIR:-}" ] && [ -f "$ARGS_DIR/$(basename "$1")/$2" ]; then
		echo "$ARGS_DIR/$(basename "$1")/$2"
	fi
}

# Makes the output comparable across runs and machines (see the header).
normalize() {
	sed -e "s/$1/a/g" -e "s/$2/b/g" \
		-e '1s/^-- pgdiff [0-9][^ :]*:/-- pgdiff VERSION:/' \
		-e '/^-- source: /s/(PostgreSQL [0-9][^)]*)/(PostgreSQL VERSION)/' \
		-e '/^-- target: /s/(PostgreSQL [0-9][^)]*)/(PostgreSQL VERSION)/'
}

# Writes $w/dump-SIDE.sql, the schema of database DB. Dumps differ in their version banner
# and, in newer pg_dump, in a random \restrict key; neither is schema. An object's
# privileges are a set, but pg_dump writes its GRANT and REVOKE lines in the order of the
# ACL array, which depends on the order they were granted in: each run of them is sorted.
dump() {
	local side=$1 db=$2
	shift 2
	pg_dump --schema-only "$@" -d "$db" >"$w/dump-$side.raw" 2>"$w/dump-$side.err" ||
		return 1
	sed -E -e '/^-- Dumped (from|by) /d' -e '/^\\(un)?restrict( |$)/d' \
		"$w/dump-$side.raw" | sort_grant_runs >"$w/dump-$side.sql"
}

sort_grant_runs() {
	awk '
	function flush() { if (n) { asort_lines(); for (i = 1; i <= n; i++) print run[i]; n = 0 } }
	function asort_lines(   i, j, t) {
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && run[j - 1] > run[j]; j--) { t = run[j]; run[j] = run[j - 1]; run[j - 1] = t }
	}
	/^(GRANT|REVOKE) / { run[++n] = $0; next }
	{ flush(); print }
	END { flush() }'
}

# Prints "table<TAB>its columns" for each table of database $1, in column order, names
# quoted as pgdiff quotes them.
column_orders() {
	sql -d "$1" -At -F "$(printf '\t')" -c "
		SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname),
		       string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
		FROM pg_class c
		JOIN pg_namespace n ON n.oid = c.relnamespace
		JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
		WHERE c.relkind IN ('r', 'p', 'f')
		  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
		  AND n.nspname NOT LIKE 'pg\_toast%'
		  AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
		                  AND d.objid = c.oid AND d.deptype = 'e')
		GROUP BY 1 ORDER BY 1"
}

# The tables whose columns A (after applying) and B hold in another order, as
# "table<TAB>A's order" cut like pgdiff's notes, and the tables pgdiff's notes name, with
# the order they give: the two must agree.
check_column_orders() {
	column_orders "$1" >"$w/columns-a" || return 1
	column_orders "$2" >"$w/columns-b" || return 1
	awk -F '\t' '
	function sorted(list,   n, i, j, t, x) {
		n = split(list, x, ", ")
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && x[j - 1] > x[j]; j--) { t = x[j]; x[j] = x[j - 1]; x[j - 1] = t }
		t = x[1]
		for (i = 2; i <= n; i++) t = t ", " x[i]
		return t
	}
	function cut(list,   n, i, x, t) {
		n = split(list, x, ", ")
		if (n <= 12) return list
		t = x[1]
		for (i = 2; i <= 12; i++) t = t ", " x[i]
		return t ", ..."
	}
	NR == FNR { a[$1] = $2; next }
	($1 in a) && a[$1] != $2 && sorted(a[$1]) == sorted($2) { print $1 "\t" cut(a[$1]) }
	' "$w/columns-a" "$w/columns-b" >"$w/orders-found"
	sed -n 's/^-- note: the columns of table \(.*\) end in the order \(.*\), not the target.s .*$/\1\t\2/p' \
		"$w/out.sql" | sort >"$w/orders-noted"
	diff -u "$w/orders-noted" "$w/orders-found" >"$w/orders.diff"
}

# Records why a case failed ($w/reason) and excerpts of the files that show it
# ($w/details, printed after the result line).
fail() {
	echo "$1" >"$w/reason"
	shift
	local f
	for f in "$@"; do
		[ -s "$f" ] || continue
		echo "# $(basename "$f"):"
		head -n 60 "$f" | sed 's/^/#   /'
	done >"$w/details"
	return 1
}

# Runs one case in the work directory $w; returns 1 after fail() when it fails.
run_case() {
	local dir=$1 a=$2 b=$3 f st st2 expected pid
	local -a args=() dump_args=()

	sql -d postgres -c "CREATE DATABASE $a" -c "CREATE DATABASE $b" >"$w/create.log" 2>&1 ||
		fail "could not create the databases" "$w/create.log" || return
	live_dbs="$a $b"
	# The two sides are independent: load (and later dump) them side by side.
	sql -d "$a" -f "$dir/a.sql" >"$w/load-a.log" 2>&1 &
	pid=$!
	st=0
	sql -d "$b" -f "$dir/b.sql" >"$w/load-b.log" 2>&1 || st=$?
	wait "$pid" || fail "a.sql does not load" "$w/load-a.log" || return
	[ "$st" -eq 0 ] || fail "b.sql does not load" "$w/load-b.log" || return

	# read -a splits on white space without glob expansion.
	f=$(case_file "$dir" args)
	[ -z "$f" ] || read -r -d '' -a args <"$f" || true
	f=$(case_file "$dir" dump-args)
	[ -z "$f" ] || read -r -d '' -a dump_args <"$f" || true

	st=0
	"$pgdiff" ${args[@]+"${args[@]}"} "dbname=$a" "dbname=$b" >"$w/out.sql" 2>"$w/stderr" ||
		st=$?

	if [ -z "$conformance" ] && [ -f "$dir/expected-status" ]; then
		expected=$(tr -d ' \t\n' <"$dir/expected-status")
		if [ "${UPDATE_EXPECTED:-}" = 1 ]; then
			echo "$st" >"$dir/expected-status"
		elif [ "$st" != "$expected" ]; then
			fail "exit status $st, expected $expected" "$w/stderr" || return
		fi
	elif [ "$st" -gt 3 ]; then
		fail "pgdiff failed with exit status $st" "$w/stderr" || return
	fi

	if [ -z "$conformance" ]; then
		normalize "$a" "$b" <"$w/out.sql" >"$w/out.norm"
		if [ "${UPDATE_EXPECTED:-}" = 1 ]; then
			cp "$w/out.norm" "$dir/expected.sql"
		elif [ ! -f "$dir/expected.sql" ]; then
			fail "no expected.sql (write it with UPDATE_EXPECTED=1, then review it)" \
				"$w/out.norm" "$w/stderr" || return
		elif ! diff -u "$dir/expected.sql" "$w/out.norm" >"$w/expected.diff"; then
			fail "output differs from expected.sql" "$w/expected.diff" "$w/stderr" || return
		fi
	fi
	# A case about an error has no output to apply.
	[ "$st" -le 3 ] || return 0

	if [ -s "$w/out.sql" ]; then
		sql -d "$a" -f "$w/out.sql" >"$w/apply.log" 2>&1 ||
			fail "the output does not apply to A" "$w/apply.log" "$w/out.sql" || return
	fi

	if [ -f "$dir/verify.sql" ]; then
		sql -d "$a" -At -f "$dir/verify.sql" >"$w/verify.out" 2>&1 ||
			fail "verify.sql fails on A" "$w/verify.out" || return
		if grep -qvx t "$w/verify.out" || [ ! -s "$w/verify.out" ]; then
			fail "verify.sql: not every check is true on A" "$w/verify.out" || return
		fi
	fi

	st2=0
	"$pgdiff" ${args[@]+"${args[@]}"} "dbname=$a" "dbname=$b" >"$w/out2.sql" 2>"$w/stderr2" ||
		st2=$?
	if [ -s "$w/out2.sql" ] || [ "$st2" -ne 0 ]; then
		fail "second diff not empty (exit status $st2)" "$w/out2.sql" "$w/stderr2" ||
			return
	fi

	dump a "$a" ${dump_args[@]+"${dump_args[@]}"} &
	pid=$!
	st=0
	dump b "$b" ${dump_args[@]+"${dump_args[@]}"} || st=$?
	wait "$pid" || fail "pg_dump of A failed" "$w/dump-a.err" || return
	[ "$st" -eq 0 ] || fail "pg_dump of B failed" "$w/dump-b.err" || return
	diff -u "$w/dump-a.sql" "$w/dump-b.sql" >"$w/dump.diff" ||
		fail "pg_dump of A (after applying) and B differ" "$w/dump.diff" || return
	# Column order is not in every dump (inherited columns): the header's notes must name
	# exactly the tables whose columns now stand in another order. Filters leave tables
	# out of the comparison, so cases with arguments are not checked.
	[ ${#args[@]} -gt 0 ] || check_column_orders "$a" "$b" ||
		fail "the column order notes do not match the tables (-noted +found)" \
			"$w/orders.diff" || return
}

if [ $# -gt 0 ]; then
	cases=("$@")
else
	cases=()
	for d in "$root"/*/; do
		if [ -f "$d/a.sql" ] && [ -f "$d/b.sql" ]; then
			cases+=("$(basename "$d")")
		fi
	done
fi
if [ ${#cases[@]} -eq 0 ]; then
	echo "run-fixtures: no cases in '$root'" >&2
	exit 1
fi

n=0
passed=0
failed=0
for name in "${cases[@]}"; do
	name=${name%/}
	name=${name##*/}
	n=$((n + 1))
	w=$tmp/$n
	mkdir "$w"
	if [ ! -f "$root/$name/a.sql" ] || [ ! -f "$root/$name/b.sql" ]; then
		fail "no such case (needs a.sql and b.sql)" || true
		ok=
	elif run_case "$root/$name" "pgdiff_$$_${n}_a" "pgdiff_$$_${n}_b"; then
		ok=1
	else
		ok=
	fi
	drop_dbs
	if [ -n "$ok" ]; then
		echo "ok $n - $name"
		passed=$((passed + 1))
	else
		echo "not ok $n - $name: $(cat "$w/reason")"
		[ ! -s "$w/details" ] || cat "$w/details" >&2
		failed=$((failed + 1))
	fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
