#!/usr/bin/env bash
# Benchmarks pgdiff against `pg_dump --schema-only` on generated schemas of growing size:
# wall time and peak memory, medians of several runs, in a throwaway cluster.
#
#   bash bench/run.sh            (what `make bench` runs, after building ./pgdiff)
#
# For each size N, bench/genschema.sh writes a base schema of N tables and a drifted copy
# (about 5 per cent of the tables differ); they are loaded into databases bench_a_N and
# bench_b_N and analyzed. Then, after one untimed warm-up run of each, it times
#   ./pgdiff "dbname=bench_a_N" "dbname=bench_b_N" > /dev/null
#   pg_dump --schema-only dbname=bench_a_N > /dev/null
# under GNU time, and prints a table of the medians on stdout; progress goes to stderr.
#
# Environment:
#   BENCH_SIZES    table counts to run ("100 1000 10000")
#   BENCH_RUNS     timed runs per size (default 5 below 10,000 tables, 3 from 10,000 up)
#   BENCH_SEED     generator seed (42)
#   BENCH_ANALYZE  1: VACUUM (ANALYZE) each database after loading it (default);
#                  0: time against catalogs without statistics, as right after a load
#   PGDIFF         the binary under test (the top directory's pgdiff)
set -eu
export LC_ALL=C TZ=UTC

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")

# A relative PGDIFF is taken from where we were started, before moving to the top.
pgdiff=${PGDIFF:-$root/pgdiff}
case $pgdiff in
/*) ;;
*/*) pgdiff=$PWD/$pgdiff ;;
esac
cd "$root"

# Each size once, in the order given.
sizes=$(printf '%s\n' "${BENCH_SIZES:-100 1000 10000}" | awk '{ for (i = 1; i <= NF; i++) if (!seen[$i]++) print $i }')
runs_override=${BENCH_RUNS:-}
seed=${BENCH_SEED:-42}
analyze=${BENCH_ANALYZE:-1}

die() {
	echo "bench: $*" >&2
	exit 1
}

is_count() {
	case $1 in '' | *[!0-9]* | 0*) return 1 ;; esac
}

for n in $sizes; do
	is_count "$n" || die "BENCH_SIZES must list positive table counts, not '$n'"
done
[ -n "$sizes" ] || die "BENCH_SIZES is empty"
[ -z "$runs_override" ] || is_count "$runs_override" ||
	die "BENCH_RUNS must be a positive number, not '$runs_override'"
case $seed in '' | *[!0-9]*) die "BENCH_SEED must be a non-negative integer" ;; esac
case $analyze in 0 | 1) ;; *) die "BENCH_ANALYZE must be 0 or 1" ;; esac
case $pgdiff in
*/*) [ -x "$pgdiff" ] || die "'$pgdiff' is not executable; run make first" ;;
*) command -v "$pgdiff" >/dev/null || die "'$pgdiff' not found" ;;
esac

# GNU time reports the peak resident set size (%M, in KiB); the shell's time keyword
# does not.
gnu_time_works() {
	[ -x /usr/bin/time ] &&
		[ "$(/usr/bin/time -f '%e %M' -o /dev/stdout true 2>/dev/null |
			awk 'NF == 2 && $2 ~ /^[0-9]+$/ { print "ok" }')" = ok ]
}
if ! gnu_time_works; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "bench: GNU time (/usr/bin/time) is needed for peak memory; install it with:" >&2
		echo "sudo apt-get install -y --no-install-recommends time" >&2
		exit 1
	fi
	echo "bench: installing GNU time" >&2
	DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends time >&2
	gnu_time_works || die "/usr/bin/time still does not work after installing 'time'"
fi

bindir=$(bash tests/ensure-deps.sh --pg-bindir) || exit 1
# pg_dump of the server's own version, not whichever a wrapper on PATH picks.
pg_dump=pg_dump
if [ -x "$bindir/pg_dump" ]; then pg_dump=$bindir/pg_dump; fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pgdiff-bench.XXXXXX")
# The server account (postgres, when we are root) must reach the cluster directory.
chmod 711 "$tmp"
cluster=
jobs_running=

cleanup() {
	set +e
	local pid
	for pid in $jobs_running; do
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	done
	if [ -n "$cluster" ]; then
		bash tests/pgcluster.sh stop "$cluster"
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# The binary measured is a copy taken now: a rebuild during a long run changes nothing.
cp "$(command -v "$pgdiff")" "$tmp/pgdiff"
pgdiff=$tmp/pgdiff

sql() {
	psql -X -q -v ON_ERROR_STOP=1 "$@"
}

# Runs a server binary as the account that owns the cluster, as tests/pgcluster.sh does.
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# Seconds since the epoch, to the microsecond where bash has EPOCHREALTIME (5.0 on).
now() {
	if [ -n "${EPOCHREALTIME:-}" ]; then
		echo "${EPOCHREALTIME/,/.}"
	else
		date +%s.%N
	fi
}

elapsed() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'
}

median() {
	sort -n | awk '{ v[NR] = $1 }
		END {
			if (NR == 0) exit 1
			if (NR % 2) print v[(NR + 1) / 2]
			else print (v[NR / 2] + v[NR / 2 + 1]) / 2
		}'
}

# Times one command (stdout to /dev/null): appends "seconds KiB" to $1, keeps its stderr
# in $tmp/stderr and returns its exit status.
# The peak RSS is GNU time's %M; the wall time is taken around it to the millisecond,
# since %e has only centiseconds (GNU time's own start-up adds about a millisecond).
measure() {
	local out=$1 t0 t1 status=0
	shift
	t0=$(now)
	/usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >/dev/null 2>"$tmp/stderr" || status=$?
	t1=$(now)
	# GNU time writes "Command exited with non-zero status N" before the figures.
	tail -n 1 "$tmp/time" | awk -v a="$t0" -v b="$t1" '
		NF == 2 { printf "%.4f %s\n", (b - a > 0 ? b - a : $1), $2; ok = 1 }
		END { exit !ok }' >>"$out" || die "could not read GNU time's figures"
	return $status
}

# Loads (load) or analyzes (analyze) databases $2 and $3 side by side, one backend
# each; on failure shows what psql said and returns 1.
on_both() {
	local what=$1 db pids='' pid failed=0
	shift
	for db in "$@"; do
		# psql itself in the background (not a function or a subshell), so that cleanup
		# can stop it by its pid.
		case $what in
		load) psql -X -q -v ON_ERROR_STOP=1 -1 -d "$db" -f "$tmp/$db.sql" \
			>"$tmp/$db.log" 2>&1 & ;;
		analyze) psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c 'VACUUM (ANALYZE)' \
			>"$tmp/$db.log" 2>&1 & ;;
		esac
		pids="$pids $!"
	done
	jobs_running=$pids
	for pid in $pids; do
		wait "$pid" || failed=1
	done
	jobs_running=
	if [ "$failed" -ne 0 ]; then
		for db in "$@"; do cat "$tmp/$db.log" >&2; done
		return 1
	fi
}

# pgdiff's exit statuses 0 to 3 report differences; 64 and up are failures.
check_pgdiff_status() {
	if [ "$1" -ge 4 ]; then
		cat "$tmp/stderr" >&2
		die "pgdiff failed with exit status $1 on $2 tables"
	fi
}

echo "bench: starting a throwaway cluster" >&2
cluster=$tmp/pg
eval "$(bash tests/pgcluster.sh start "$cluster")"
# Only the cluster just started, whatever the caller's environment says.
unset PGSERVICE PGHOSTADDR PGDATABASE PGOPTIONS

# Loading N tables in one transaction locks every relation it creates (tables, indexes,
# sequences, TOAST tables), and pg_dump locks every table it dumps: the default lock
# table (max_locks_per_transaction = 64) runs out at a few thousand tables. The setting
# needs a restart; tests/pgcluster.sh has no hook for server settings, so it is done here.
largest=0
for n in $sizes; do
	if [ "$n" -gt "$largest" ]; then largest=$n; fi
done
locks=$((64 + largest / 8))
[ "$locks" -ge 256 ] || locks=256
sql -d postgres -c "ALTER SYSTEM SET max_locks_per_transaction = $locks"
datadir=$(psql -X -A -t -d postgres -c 'SHOW data_directory')
(cd "$cluster" && as_owner "$bindir/pg_ctl" -D "$datadir" -l "$cluster/server.log" \
	-w -t 120 restart >/dev/null) || die "could not restart the server"

results=$tmp/results
: >"$results"
for n in $sizes; do
	if [ -n "$runs_override" ]; then
		runs=$runs_override
	elif [ "$n" -ge 10000 ]; then
		runs=3
	else
		runs=5
	fi
	a=bench_a_$n
	b=bench_b_$n

	t0=$(now)
	bash bench/genschema.sh "$n" "$seed" 0 >"$tmp/$a.sql"
	bash bench/genschema.sh "$n" "$seed" 1 >"$tmp/$b.sql"
	t1=$(now)
	echo "bench: $n tables: generated in $(elapsed "$t0" "$t1") s" \
		"($(grep -c '^CREATE TABLE' "$tmp/$a.sql") and" \
		"$(grep -c '^CREATE TABLE' "$tmp/$b.sql") tables)" >&2

	sql -d postgres -c "CREATE DATABASE $a" -c "CREATE DATABASE $b"
	t0=$(now)
	on_both load "$a" "$b" || die "loading the $n-table schemas failed"
	t1=$(now)
	echo "bench: $n tables: loaded both databases in $(elapsed "$t0" "$t1") s" >&2

	# A freshly loaded database has no statistics on its catalogs until autovacuum gets
	# round to it, and the plans of catalog queries (pgdiff's far more than pg_dump's)
	# change when it does: settle that first, as in a database that has been in use.
	if [ "$analyze" = 1 ]; then
		t0=$(now)
		on_both analyze "$a" "$b" || die "VACUUM (ANALYZE) failed"
		t1=$(now)
		echo "bench: $n tables: analyzed both databases in $(elapsed "$t0" "$t1") s" >&2
	fi

	# Warm-up: fills the caches and shows that pgdiff sees the drift.
	status=0
	"$pgdiff" "dbname=$a" "dbname=$b" >"$tmp/diff.sql" 2>"$tmp/stderr" || status=$?
	check_pgdiff_status "$status" "$n"
	echo "bench: $n tables: pgdiff exit status $status," \
		"$(grep -m 1 '^-- statements:' "$tmp/diff.sql" || echo 'no statements')" >&2
	"$pg_dump" --schema-only "dbname=$a" >/dev/null || die "pg_dump failed on $n tables"

	: >"$tmp/pgdiff.runs"
	: >"$tmp/pg_dump.runs"
	for r in $(seq 1 "$runs"); do
		status=0
		measure "$tmp/pgdiff.runs" "$pgdiff" "dbname=$a" "dbname=$b" || status=$?
		check_pgdiff_status "$status" "$n"
		if ! measure "$tmp/pg_dump.runs" "$pg_dump" --schema-only "dbname=$a"; then
			cat "$tmp/stderr" >&2
			die "pg_dump failed on $n tables"
		fi
		echo "bench: $n tables: run $r/$runs:" \
			"pgdiff $(tail -n 1 "$tmp/pgdiff.runs" | awk '{ printf "%.3f s %.1f MiB,", $1, $2 / 1024 }')" \
			"pg_dump $(tail -n 1 "$tmp/pg_dump.runs" | awk '{ printf "%.3f s %.1f MiB", $1, $2 / 1024 }')" >&2
	done

	echo "$n $runs" \
		"$(cut -d' ' -f1 "$tmp/pgdiff.runs" | median)" \
		"$(cut -d' ' -f2 "$tmp/pgdiff.runs" | median)" \
		"$(cut -d' ' -f1 "$tmp/pg_dump.runs" | median)" \
		"$(cut -d' ' -f2 "$tmp/pg_dump.runs" | median)" >>"$results"
done

echo
echo "pgdiff benchmark: seed $seed, medians of the timed runs (wall seconds; peak RSS, MiB)"
echo
awk '
	BEGIN {
		printf "%8s  %9s  %10s  %9s  %11s  %14s  %4s\n", "tables", "pgdiff s", \
			"pgdiff MiB", "pg_dump s", "pg_dump MiB", "pgdiff/pg_dump", "runs"
	}
	{
		printf "%8d  %9.3f  %10.1f  %9.3f  %11.1f  %14.2f  %4d\n", $1, $3, $4 / 1024, \
			$5, $6 / 1024, ($5 > 0 ? $3 / $5 : 0), $2
	}' "$results"
echo
echo "pgdiff/pg_dump is the ratio of the median wall times."
