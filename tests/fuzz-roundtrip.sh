#!/usr/bin/env bash
# Randomized round trip: generates N pairs of schemas (tests/fuzz/genpair.c) for the seeds
# SEED..SEED+N-1 and runs them through the round-trip oracle of tests/run-fixtures.sh.
#
#   tests/fuzz-roundtrip.sh [SEED [N]]
#
# Environment:
#   SEED, N     the first seed (1) and the number of pairs (50); arguments win
#   KINDS       genpair --kinds (default: the kinds pgdiff handles)
#   JOBS        run-fixtures.sh instances run side by side on the one server (2)
#   FAILURES    where failing pairs are kept (/tmp/pgdiff-fuzz-failures); each failing seed
#               gets FAILURES/<seed>/ with a.sql, b.sql and the oracle's report, ready to be
#               cut down to a fixture under fixtures/fuzz-<what>/
#   GENPAIR     the generator (build/tests/fuzz/genpair, built with make when missing)
#   PGDIFF      the binary under test (./pgdiff)
#   PGHOST ...  use this server; unset: start a throwaway cluster (tests/pgcluster.sh)
#
# Ends with the line `N passed, N failed` like the other suites.
set -eu
export LC_ALL=C TZ=UTC

here=$(cd "$(dirname "$0")" && pwd)
seed=${1:-${SEED:-1}}
count=${2:-${N:-50}}
jobs=${JOBS:-2}
failures=${FAILURES:-/tmp/pgdiff-fuzz-failures}
genpair=${GENPAIR:-build/tests/fuzz/genpair}
export PGDIFF=${PGDIFF:-./pgdiff}

case $seed$count$jobs in
*[!0-9]*) echo "fuzz-roundtrip: SEED, N and JOBS must be numbers" >&2; exit 64 ;;
esac
if [ "$count" -eq 0 ] || [ "$jobs" -eq 0 ]; then
	echo "fuzz-roundtrip: N and JOBS must be positive" >&2
	exit 64
fi
if [ -z "${GENPAIR:-}" ]; then
	make -s "$genpair" >&2
fi
[ -x "$genpair" ] || { echo "fuzz-roundtrip: '$genpair' is not executable" >&2; exit 1; }

tmp=$(mktemp -d)
cluster=
cleanup() {
	set +e
	[ -n "$cluster" ] && bash "$here/pgcluster.sh" stop "$cluster"
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# One server for every shard (run-fixtures.sh would start one each).
if [ -z "${PGHOST:-}" ]; then
	unset PGHOSTADDR PGSERVICE PGDATABASE PGPORT PGUSER
	cluster=$(bash "$here/pgcluster.sh" newdir)
	eval "$(bash "$here/pgcluster.sh" start "$cluster")"
fi

# Pairs go round robin into JOBS case trees, one run-fixtures.sh each.
kinds_args=()
[ -z "${KINDS:-}" ] || kinds_args=(--kinds "$KINDS")
j=0
while [ "$j" -lt "$jobs" ]; do
	mkdir "$tmp/shard$j"
	j=$((j + 1))
done
i=0
while [ "$i" -lt "$count" ]; do
	s=$((seed + i))
	"$genpair" ${kinds_args[@]+"${kinds_args[@]}"} "$s" "$tmp/shard$((i % jobs))/$s" ||
		{ echo "fuzz-roundtrip: genpair failed for seed $s" >&2; exit 1; }
	i=$((i + 1))
done

pids=()
j=0
while [ "$j" -lt "$jobs" ] && [ "$j" -lt "$count" ]; do
	CONFORMANCE_DIR=$tmp/shard$j bash "$here/run-fixtures.sh" \
		>"$tmp/out$j" 2>&1 &
	pids+=($!)
	j=$((j + 1))
done
for pid in "${pids[@]}"; do
	wait "$pid" || true
done

passed=0
failed=0
failing=()
j=0
while [ "$j" -lt "${#pids[@]}" ]; do
	p=$(grep -c '^ok ' "$tmp/out$j" || true)
	passed=$((passed + p))
	while IFS= read -r line; do
		s=${line#not ok * - }
		s=${s%%:*}
		failing+=("$s")
	done < <(grep '^not ok ' "$tmp/out$j" || true)
	if ! grep -qE '^[0-9]+ passed, [0-9]+ failed' "$tmp/out$j"; then
		echo "fuzz-roundtrip: shard $j did not finish:" >&2
		tail -n 20 "$tmp/out$j" >&2
		failed=$((failed + 1))
	fi
	j=$((j + 1))
done

if [ ${#failing[@]} -gt 0 ]; then
	mkdir -p "$failures"
	for s in $(printf '%s\n' "${failing[@]}" | sort -n); do
		j=$(((s - seed) % jobs))
		rm -rf "${failures:?}/$s"
		mkdir -p "$failures/$s"
		cp "$tmp/shard$j/$s/a.sql" "$tmp/shard$j/$s/b.sql" "$failures/$s/"
		# its result line, and the details run-fixtures.sh printed right after it
		awk -v s="$s" '
			/^not ok |^ok |^[0-9]+ passed/ { on = 0 }
			index($0, "not ok ") == 1 && $0 ~ (" - " s ":") { on = 1 }
			on { print }
		' "$tmp/out$j" >"$failures/$s/report"
		echo "not ok - seed $s: $(sed -n '1s/^not ok [0-9]* - [0-9]*: //p' "$failures/$s/report")"
		failed=$((failed + 1))
	done
	echo "# failing pairs kept in $failures/<seed>/ (a.sql, b.sql, report)"
	echo "# rerun one: CONFORMANCE_DIR=$failures bash tests/run-fixtures.sh SEED"
fi
echo "# seeds $seed..$((seed + count - 1))${KINDS:+, kinds $KINDS}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
