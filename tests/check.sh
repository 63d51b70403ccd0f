#!/usr/bin/env bash
# check.sh: the server-backed suites on one throwaway cluster, and their total.
#   tests/check.sh            fixtures (round-trip oracle), CLI, man page, and 200
#                             randomized pairs (seeds 1..200, fixed so CI is deterministic)
set -eu
export LC_ALL=C TZ=UTC
here=$(cd "$(dirname "$0")" && pwd)
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

unset PGHOSTADDR PGSERVICE PGDATABASE PGPORT PGUSER PGHOST
cluster=$(bash "$here/pgcluster.sh" newdir)
eval "$(bash "$here/pgcluster.sh" start "$cluster")"

total_passed=0
total_failed=0
status=0
for suite in run-fixtures.sh cli.sh review.sh snapshots.sh sources.sh man-check.sh \
	fuzz-roundtrip.sh; do
	echo "# $suite"
	args=()
	[ "$suite" != fuzz-roundtrip.sh ] || args=(1 200)
	rc=0
	bash "$here/$suite" ${args[@]+"${args[@]}"} 2>&1 | tee "$tmp/out" || rc=$?
	[ "${PIPESTATUS[0]}" -eq 0 ] || rc=1
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$tmp/out" | tail -n 1 || true)
	if [ -z "$line" ]; then
		echo "# $suite ran no test"
		total_failed=$((total_failed + 1))
		status=1
		continue
	fi
	set -- $line
	total_passed=$((total_passed + $1))
	total_failed=$((total_failed + $3))
	[ "$rc" -eq 0 ] || status=1
done
echo "$total_passed passed, $total_failed failed"
exit "$status"
