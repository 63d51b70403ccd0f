#!/usr/bin/env bash
# review.sh: the review outputs on tests/review/{a,b}.sql: drift-report.json
# (golden file, checked against the structure pgdiff(1) documents with
# check-report.jq), drift-summary.md (golden file, rendered by cmark-gfm) and
# the terminal summary (golden file, captured through a pseudo-terminal with
# script(1); colours, --color, NO_COLOR, wide names).
#
#   tests/review.sh                      compare with the golden files
#   UPDATE_EXPECTED=1 tests/review.sh    rewrite them (review the diff)
#
# Needs a running server: PGHOST, PGPORT and PGUSER as tests/pgcluster.sh
# prints them; jq and cmark-gfm (tests/ensure-deps.sh installs them).
set -eu
export LC_ALL=C TZ=UTC
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/.."
PGDIFF=${PGDIFF:-./pgdiff}
case $PGDIFF in /*) ;; *) PGDIFF=$PWD/$PGDIFF ;; esac
: "${PGHOST:?review.sh needs PGHOST (start a cluster with tests/pgcluster.sh)}"
fixture=tests/review

tmp=$(mktemp -d)
db_a=review_a_$$
db_b=review_b_$$
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
# not_ok NAME [FILE]: FILE's first lines go to stderr as the reason
not_ok() {
	n=$((n + 1))
	failed=$((failed + 1))
	echo "not ok $n - $1"
	if [ $# -gt 1 ] && [ -s "$2" ]; then head -n 40 "$2" | sed 's/^/#   /' >&2; fi
}
# check NAME CMD...: ok when CMD succeeds
check() {
	local name=$1
	shift
	if "$@" >"$tmp/check.out" 2>&1; then ok "$name"; else not_ok "$name" "$tmp/check.out"; fi
}
finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
}

for tool in jq cmark-gfm script; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		not_ok "$tool is installed (run tests/ensure-deps.sh)"
	fi
done
[ "$failed" -eq 0 ] || finish

# Versions and database names vary from run to run; fingerprints with the
# server's catalog output.  Everything else must be byte-identical.
normalize() {
	sed -E -e "s/$db_a/DB_A/g" -e "s/$db_b/DB_B/g" \
		-e 's/"(pgdiff_version|server_version)": "[^"]*"/"\1": "VERSION"/' \
		-e 's/"fingerprint": (null|"[0-9a-f]{64}")/"fingerprint": "FINGERPRINT"/' \
		-e 's/PostgreSQL [0-9][0-9.]*/PostgreSQL VERSION/g'
}

# golden NAME FILE EXPECTED: FILE, normalized, against the golden file
golden() {
	local name=$1 got=$2 want=$3
	if [ ! -s "$got" ]; then
		not_ok "$name: nothing was written"
		return
	fi
	normalize <"$got" >"$tmp/normalized"
	if [ "${UPDATE_EXPECTED:-}" = 1 ]; then
		cp "$tmp/normalized" "$want"
		ok "$name (golden file rewritten)"
	elif diff -u "$want" "$tmp/normalized" >"$tmp/golden.diff"; then
		ok "$name"
	else
		not_ok "$name" "$tmp/golden.diff"
	fi
}

# on_tty OUT CMD: runs the shell command CMD with stderr on a pseudo-terminal
# (stdout should go to a file); OUT gets what the terminal showed, less
# the progress line (which erases itself), carriage returns and warnings.
# Returns CMD's status.
on_tty() {
	local out=$1 st=0 esc
	esc=$(printf '\033')
	script -qec "$2" /dev/null </dev/null >"$out.raw" 2>&1 || st=$?
	sed "s/\r${esc}\[Kpgdiff: [^\r]*\.\.\.//g; s/\r${esc}\[K//g" "$out.raw" |
		tr -d '\r' | grep -v '^pgdiff: warning: ' >"$out" || true
	return "$st"
}

# valid_report FILE: prints the violations of the documented structure
valid_report() {
	local v
	v=$(jq -r -f "$fixture/check-report.jq" "$1") || return 1
	[ -z "$v" ] || { printf '%s\n' "$v"; return 1; }
}

has_escape() { grep -q $'\033\\[' "$1"; }
strip_colour() { sed $'s/\033\\[[0-9;]*m//g' "$1"; }

createdb "$db_a"
createdb "$db_b"
psql -X -q -v ON_ERROR_STOP=1 -d "$db_a" -f "$fixture/a.sql"
psql -X -q -v ON_ERROR_STOP=1 -d "$db_b" -f "$fixture/b.sql"
A="dbname=$db_a"
B="dbname=$db_b"

# -- drift-report.json -------------------------------------------------------
st=0
"$PGDIFF" --report "$tmp/report.json" --summary "$tmp/summary.md" "$A" "$B" \
	>"$tmp/with.sql" 2>"$tmp/err" || st=$?
if [ "$st" = 3 ]; then ok "the fixture's worst change is critical (exit 3)"; else
	not_ok "the fixture's worst change is critical: exit $st" "$tmp/err"; fi
"$PGDIFF" "$A" "$B" >"$tmp/without.sql" 2>/dev/null || true
check "--report and --summary leave the script alone" cmp "$tmp/with.sql" "$tmp/without.sql"

check "the report has the documented structure" valid_report "$tmp/report.json"
golden "the report matches expected-report.json" "$tmp/report.json" "$fixture/expected-report.json"

for sev in critical major minor; do
	got=$(jq -r --arg s "$sev" '.counts[$s]' "$tmp/report.json") || got=none
	want=$(grep -c "^-- \[$sev\]" "$tmp/with.sql" || true)
	check "counts.$sev matches the script ($want)" test "$got" = "$want"
done
check "statements are in the script's order" \
	diff <(jq -r '.statements[].sql + ";"' "$tmp/report.json" | tr -d '\n') \
	<(grep -v -e '^--' -e '^$' -e '^BEGIN;$' -e '^COMMIT;$' -e '^SET ' "$tmp/with.sql" | tr -d '\n')
check "a column names its table" \
	test "$(jq -r '[.statements[] | select(.object.kind == "column" and .object.name == "金額")][0].object.table' "$tmp/report.json")" = "注文履歴"
check "every hazard has a one-line reason" \
	jq -e '[.statements[].hazards[]] | length > 0 and all(.reason | length > 10)' "$tmp/report.json"
# pgdiff handles every kind a server has now; objects of a kind it did not
# handle show in snapshots saved by an older pgdiff (their list is not part
# of the fingerprint).
"$PGDIFF" snapshot -o "$tmp/b.json" "$B" >/dev/null 2>&1 || true
jq '.unhandled = [{"kind": "conversion", "count": 1, "names": "public.order_latin1"}]' \
	"$tmp/b.json" >"$tmp/b-older.json" 2>/dev/null || true
"$PGDIFF" --report "$tmp/older.json" --summary "$tmp/older.md" "$A" "$tmp/b-older.json" \
	>/dev/null 2>&1 || true
check "unhandled objects are listed per side" \
	jq -e '.unhandled.target | any(.kind == "conversion" and .names == ["public.order_latin1"])' "$tmp/older.json"
check "the summary names them" \
	grep -qxF -- '- target: conversion (1): `public.order_latin1`' "$tmp/older.md"

"$PGDIFF" --report "$tmp/report2.json" "$A" "$B" >/dev/null 2>&1 || true
check "the report is deterministic" cmp "$tmp/report.json" "$tmp/report2.json"

st=0
"$PGDIFF" --report "$tmp/same.json" --summary "$tmp/same.md" "$A" "$A" >"$tmp/same.sql" 2>/dev/null || st=$?
check "identical schemas: exit 0, still a report and a summary" \
	test "$st" = 0 -a ! -s "$tmp/same.sql" -a -s "$tmp/same.json" -a -s "$tmp/same.md"
check "identical schemas: the report has the documented structure" valid_report "$tmp/same.json"
check "identical schemas: worst none, no statement" \
	jq -e '.worst == "none" and .statements == [] and .counts == {"critical": 0, "major": 0, "minor": 0}' "$tmp/same.json"
check "identical schemas: equal fingerprints" jq -e '.source.fingerprint == .target.fingerprint' "$tmp/same.json"
check "different schemas: different fingerprints (or none yet)" \
	jq -e '.source.fingerprint == null or .source.fingerprint != .target.fingerprint' "$tmp/report.json"
check "identical schemas: the summary says there is no drift" grep -q '^\*\*pgdiff: no drift' "$tmp/same.md"

st=0
"$PGDIFF" --report "$tmp/missing/report.json" "$A" "$B" >/dev/null 2>"$tmp/err" || st=$?
check "--report into a missing directory exits 65" test "$st" = 65

# -- drift-summary.md --------------------------------------------------------
golden "the summary matches expected-summary.md" "$tmp/summary.md" "$fixture/expected-summary.md"
cmark-gfm --unsafe -e table "$tmp/summary.md" >"$tmp/summary.html" || true
for want in '<table>' '<th align="right">statements</th>' '<details>' '<summary>' \
	'<pre><code class="language-sql">' '</code></pre>' '</details>'; do
	check "the rendered summary has $want" grep -qF "$want" "$tmp/summary.html"
done
check "the rendered summary has the counts and the serious changes as tables" \
	test "$(grep -c '<table>' "$tmp/summary.html")" = 2
check "the SQL is one code block" test "$(grep -c '<pre>' "$tmp/summary.html")" = 1
# The SQL holds ``` (a column named a```b): the fence must be longer.
check "the fence is longer than any backtick run in the SQL" grep -qx '````sql' "$tmp/summary.md"
sed -n '/<pre><code class="language-sql">/,/<\/code><\/pre>/p' "$tmp/summary.html" >"$tmp/code" || true
check "every statement is inside the code block" \
	test "$(grep -c ';$' "$tmp/code")" = "$(jq '.statements | length' "$tmp/report.json")"
check "the code block holds the backticks as they are" grep -qF 'ALTER COLUMN &quot;a```b&quot; TYPE' "$tmp/code"
check "the details block closes after the code" \
	grep -qzF $'</code></pre>\n</details>' "$tmp/summary.html"
check "a name holding | and <i> stays in its cell, as text" \
	grep -qF '<td><code>public.&quot;odd`name&quot;.&quot;p|q &lt;i&gt;&quot;</code></td>' "$tmp/summary.html"
check "no HTML from a name gets through" test -z "$(grep -F '<i>' "$tmp/summary.html")"
check "every critical and major change is in the summary's list" \
	test "$(grep -cE '^[|] ([*][*]critical[*][*]|major) [|] `' "$tmp/summary.md")" = \
	"$(jq '.counts.critical + .counts.major' "$tmp/report.json")"

# -- the terminal summary ----------------------------------------------------
run="$(printf '%q' "$PGDIFF") -o $(printf '%q' "$tmp/tty.sql") $(printf '%q' "$A") $(printf '%q' "$B")"

st=0
on_tty "$tmp/tty-auto" "env -u NO_COLOR TERM=xterm $run" || st=$?
check "on a terminal the status is still 3" test "$st" = 3
check "auto colours a terminal" has_escape "$tmp/tty-auto"
check "critical is bold red" grep -qF $'\033[1;31mcritical\033[0m' "$tmp/tty-auto"
check "major is yellow" grep -qF $'\033[33mmajor\033[0m' "$tmp/tty-auto"
strip_colour "$tmp/tty-auto" >"$tmp/tty-plain" || true
golden "the terminal summary matches expected-terminal.txt" "$tmp/tty-plain" "$fixture/expected-terminal.txt"

on_tty "$tmp/tty-nocolor" "env TERM=xterm NO_COLOR=1 $run" || true
check "NO_COLOR=1 turns colour off, keeping the summary" cmp "$tmp/tty-nocolor" "$tmp/tty-plain"
on_tty "$tmp/tty-empty" "env TERM=xterm NO_COLOR= $run" || true
check "an empty NO_COLOR does not" has_escape "$tmp/tty-empty"
on_tty "$tmp/tty-never" "env -u NO_COLOR TERM=xterm $run --color=never" || true
check "--color=never turns colour off" cmp "$tmp/tty-never" "$tmp/tty-plain"
on_tty "$tmp/tty-always" "env TERM=xterm NO_COLOR=1 $run --color=always" || true
check "--color=always wins over NO_COLOR" has_escape "$tmp/tty-always"
on_tty "$tmp/tty-dumb" "env -u NO_COLOR TERM=dumb $run" || true
check "TERM=dumb turns colour off" cmp "$tmp/tty-dumb" "$tmp/tty-plain"
on_tty "$tmp/tty-quiet" "env TERM=xterm $run -q" || true
check "-q prints no summary" test ! -s "$tmp/tty-quiet"
"$PGDIFF" --color=always "$A" "$B" >/dev/null 2>"$tmp/err-file" || true
check "no summary when stderr is not a terminal" test -z "$(grep -v '^pgdiff: warning: ' "$tmp/err-file")"
on_tty "$tmp/tty-same" "$(printf '%q' "$PGDIFF") $(printf '%q' "$A") $(printf '%q' "$A") --color=never >/dev/null" || true
check "identical schemas: the verdict alone" \
	test "$(cat "$tmp/tty-same")" = "pgdiff: no drift: the schemas do not differ"

# Wide names: the reasons start in the same terminal column on every line,
# though public."注文履歴"."金額" takes more columns than bytes/3 or bytes.
# Each item line less its reason (from the report, in the same order).
grep -E '^  (critical|major) ' "$tmp/tty-plain" >"$tmp/items" || true
jq -r '.statements | map(select(.severity == "critical")) + map(select(.severity == "major")) | .[].reason' \
	"$tmp/report.json" >"$tmp/reasons" || true
while IFS= read -r line && IFS= read -r reason <&3; do
	printf '%s\n' "${line%"$reason"}"
done <"$tmp/items" 3<"$tmp/reasons" >"$tmp/prefixes"
widths=$(while IFS= read -r line; do printf '%s\n' "$line" | LC_ALL=C.UTF-8 wc -L; done <"$tmp/prefixes" | sort -u)
check "the terminal lists every critical and major change" \
	test "$(wc -l <"$tmp/prefixes")" = "$(jq '.counts.critical + .counts.major' "$tmp/report.json")"
check "a CJK table name is listed" grep -qF '注文履歴' "$tmp/prefixes"
check "wide names keep the reasons aligned (widths: $(echo $widths))" test -n "$widths" -a "$(echo "$widths" | wc -l)" = 1

st=0
"$PGDIFF" --color=sometimes "$A" "$B" >/dev/null 2>&1 || st=$?
check "--color takes auto, always or never (exit 64)" test "$st" = 64

finish
