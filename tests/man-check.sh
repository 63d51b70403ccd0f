#!/usr/bin/env bash
# Checks man/pgdiff.1 against the program: mandoc lint, SYNOPSIS against
# `pgdiff --help`, the SEVERITY rules against src/plan/severity.c, and the
# EXAMPLES run against a throwaway cluster with the exit statuses they promise.
#
#   tests/man-check.sh
#
# Environment:
#   PGDIFF       the binary under test (./pgdiff)
#   PGHOST ...   use this server (it must not hold databases named prod or
#                dev); unset: start a throwaway cluster (tests/pgcluster.sh)
set -eu
export LC_ALL=C TZ=UTC

here=$(cd "$(dirname "$0")" && pwd)
cd "$here/.."
man=man/pgdiff.1
pgdiff=${PGDIFF:-./pgdiff}

# The examples, in the order of the man page: the command after "$ ", the exit
# status it must have on the schemas below (worst change major), and what its
# output must look like: "script" (schema-diff.sql holds a script), "empty"
# (nothing on stdout) or "-". Status "skip": needs servers the test has not.
examples=(
	'pgdiff "dbname=prod" "dbname=dev" > schema-diff.sql|2|script'
	'pgdiff --fail-on major "dbname=prod" "dbname=dev" > schema-diff.sql|2|script'
	'pgdiff --fail-on critical -o schema-diff.sql "dbname=prod" "dbname=dev"|0|script'
	'pgdiff --fail-on critical --report drift-report.json --summary drift-summary.md -o schema-diff.sql "dbname=prod" "dbname=dev"|0|script'
	'psql -v ON_ERROR_STOP=1 -d prod -f schema-diff.sql|0|-'
	'pgdiff "dbname=prod" "dbname=dev"|0|empty'
	'pgdiff service=prod "postgresql://localhost/dev" > schema-diff.sql|skip|-'
	'pgdiff "host=db1.example.com dbname=app sslmode=verify-full" "postgresql://app@db2.example.com/app" > schema-diff.sql|skip|-'
)

prod_sql='
CREATE TABLE customers (id integer PRIMARY KEY, email text NOT NULL);
CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers,
    total integer
);'
dev_sql='
CREATE TABLE customers (
    id integer PRIMARY KEY,
    email text NOT NULL UNIQUE,
    created_at timestamp with time zone NOT NULL DEFAULT now()
);
CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers,
    total bigint,
    note text
);
CREATE INDEX orders_customer_idx ON orders (customer_id);'

passed=0
failed=0
n=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pgdiff-man.XXXXXX")
cluster=
created_dbs=

ok() {
	n=$((n + 1))
	passed=$((passed + 1))
	echo "ok $n - $1"
}

not_ok() {
	n=$((n + 1))
	failed=$((failed + 1))
	echo "not ok $n - $1"
	if [ $# -gt 1 ] && [ -s "$2" ]; then
		head -n 40 "$2" | sed 's/^/#   /' >&2
	fi
}

psql_q() {
	psql -X -q -v ON_ERROR_STOP=1 "$@"
}

cleanup() {
	set +e
	local db
	if [ -n "$cluster" ]; then
		bash "$here/pgcluster.sh" stop "$cluster"
	else
		for db in $created_dbs; do
			psql_q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" \
				>/dev/null 2>&1
		done
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# The page as plain text, one line per paragraph (no filling at width 1000).
render() {
	mandoc -Tascii -O width=1000 "$man" | sed 's/.\x08//g'
}

# Prints the body of section $1 of the rendered page, trimmed, blank lines
# and runs of blanks squeezed.
section() {
	awk -v want="$1" '
		/^[A-Z]/ { on = ($0 == want); next }
		on' "$tmp/page.txt" |
		sed -e 's/[[:space:]]\{1,\}/ /g' -e 's/^ //' -e 's/ $//' | grep -v '^$' || true
}

# (a) lint
if ! command -v mandoc >/dev/null 2>&1; then
	not_ok "mandoc is installed (run tests/ensure-deps.sh)"
	echo "$passed passed, $failed failed"
	exit 1
fi
if mandoc -Tlint -W warning "$man" >"$tmp/lint" 2>&1; then
	ok "mandoc -Tlint -W warning $man"
else
	not_ok "mandoc -Tlint -W warning $man" "$tmp/lint"
fi
render >"$tmp/page.txt"

# (b) SYNOPSIS against the usage lines of --help (up to the first empty line)
if "$pgdiff" --help >"$tmp/help" 2>&1; then
	awk 'NF == 0 { exit } { print }' "$tmp/help" |
		sed -e 's/^usage://' -e 's/[[:space:]]\{1,\}/ /g' -e 's/^ //' -e 's/ $//' \
			>"$tmp/usage"
	section SYNOPSIS >"$tmp/synopsis"
	if [ -s "$tmp/usage" ] && diff -u "$tmp/usage" "$tmp/synopsis" >"$tmp/syn.diff"; then
		ok "SYNOPSIS matches the usage lines of pgdiff --help"
	else
		not_ok "SYNOPSIS matches the usage lines of pgdiff --help" "$tmp/syn.diff"
	fi
else
	not_ok "pgdiff --help exits 0" "$tmp/help"
fi

# (c) each rule of severity.c appears as "LEVEL SUMMARY: HAZARDS" and no other
perl -0777 -ne '
	my (%name, %short, %crit, %major);
	$name{$1} = $2 while /case (HZ_\w+): return "([^"]+)"/g;
	$short{$1} = $2 while /#define (\w+) (HZ_\w+)/g;
	/if \(hazards & \(([^)]*)\)\)\s*return SEV_CRITICAL/ or die "no critical test\n";
	$crit{$_} = 1 for $1 =~ /HZ_\w+/g;
	/if \(hazards & \(([^)]*)\)\)\s*return SEV_MAJOR/ or die "no major test\n";
	$major{$_} = 1 for $1 =~ /HZ_\w+/g;
	/rules\[CH_NCHANGES\] = \{(.*?)\n\};/s or die "no rule table\n";
	my $table = $1;
	while ($table =~ /\{\s*CH_\w+,\s*((?:"[^"]*"\s*)+),\s*([\w|\s]+?),\s*"/g) {
		my ($summary, $expr) = ($1, $2);
		$summary = join "", $summary =~ /"([^"]*)"/g;
		my @hz = map { $short{$_} // $_ } grep { $_ ne "0" } split /\s*\|\s*/, $expr;
		for (@hz) { die "unknown hazard $_\n" unless $name{$_} }
		my $level = (grep { $crit{$_} } @hz) ? "critical" :
			    (grep { $major{$_} } @hz) ? "major" : "minor";
		my $h = @hz ? join(", ", map { $name{$_} } @hz) : "no hazard";
		print "$level $summary: $h\n";
	}' src/plan/severity.c >"$tmp/rules" 2>"$tmp/rules.err" || true
nrules=$(grep -c '{ CH_[A-Z_]*,' src/plan/severity.c || true)
if [ ! -s "$tmp/rules" ] || [ -s "$tmp/rules.err" ] ||
	[ "$(wc -l <"$tmp/rules")" -ne "$nrules" ]; then
	echo "parsed $(wc -l <"$tmp/rules") of $nrules rules" >>"$tmp/rules.err"
	not_ok "the rule table of src/plan/severity.c can be read" "$tmp/rules.err"
else
	section SEVERITY | grep -E '^(minor|major|critical) .*: ' >"$tmp/man-rules" || true
	missing=$(grep -vxFf "$tmp/man-rules" "$tmp/rules" || true)
	extra=$(grep -vxFf "$tmp/rules" "$tmp/man-rules" || true)
	if [ -z "$missing" ] && [ -z "$extra" ]; then
		ok "SEVERITY lists the $nrules rules of src/plan/severity.c"
	else
		{
			[ -z "$missing" ] || printf 'not in the man page:\n%s\n' "$missing"
			[ -z "$extra" ] || printf 'not in severity.c:\n%s\n' "$extra"
		} >"$tmp/rules.diff"
		not_ok "SEVERITY lists the rules of src/plan/severity.c" "$tmp/rules.diff"
	fi
fi

# (d) the EXAMPLES: "$ " lines, a trailing backslash continuing a command
section EXAMPLES | awk '
	cont { line = line " " $0 }
	!cont && /^\$ / { line = substr($0, 3) }
	!cont && !/^\$ / { next }
	{
		cont = sub(/ *\\$/, "", line)
		if (!cont) print line
	}' >"$tmp/examples"

# Every documented example is known here, and every one known here documented.
while IFS= read -r cmd; do
	found=
	for e in "${examples[@]}"; do
		[ "${e%%|*}" = "$cmd" ] && found=1
	done
	[ -n "$found" ] || not_ok "example has an expected status in tests/man-check.sh: $cmd"
done <"$tmp/examples"
for e in "${examples[@]}"; do
	grep -qxF -- "${e%%|*}" "$tmp/examples" ||
		not_ok "example is in the man page: ${e%%|*}"
done

start_server() {
	local line
	[ -z "${PGHOST:-}" ] || return 0
	# Settings that would send connections elsewhere than the cluster we start.
	unset PGHOSTADDR PGSERVICE PGSERVICEFILE PGDATABASE PGPORT PGUSER PGPASSWORD
	# Apart from $tmp: the server's account must be able to reach it.
	cluster=$(mktemp -d "${TMPDIR:-/tmp}/pgdiff-man-pg.XXXXXX")
	line=$(bash "$here/pgcluster.sh" start "$cluster" 2>"$tmp/cluster.log") || {
		# pgcluster.sh cleans up after a failed start; the directory is ours.
		rm -rf "$cluster"
		cluster=
		return 1
	}
	eval "$line"
}

setup_dbs() {
	local existing
	existing=$(psql -X -At -d postgres \
		-c "SELECT count(*) FROM pg_database WHERE datname IN ('prod', 'dev')") ||
		return 1
	if [ "$existing" != 0 ]; then
		echo "the server already has a database prod or dev; not touching it"
		return 1
	fi
	psql_q -d postgres -c 'CREATE DATABASE prod' -c 'CREATE DATABASE dev' || return 1
	created_dbs="prod dev"
	psql_q -d prod -c "$prod_sql" && psql_q -d dev -c "$dev_sql"
}

if ! start_server; then
	not_ok "a PostgreSQL server for the examples" "$tmp/cluster.log"
elif ! setup_dbs >"$tmp/setup.log" 2>&1; then
	not_ok "the databases prod and dev for the examples" "$tmp/setup.log"
else
	# The examples call pgdiff by name: ours comes first on PATH.
	mkdir "$tmp/bin" "$tmp/work"
	case $pgdiff in
	/*) ln -s "$pgdiff" "$tmp/bin/pgdiff" ;;
	*) ln -s "$PWD/$pgdiff" "$tmp/bin/pgdiff" ;;
	esac
	for e in "${examples[@]}"; do
		cmd=${e%%|*}
		rest=${e#*|}
		want=${rest%%|*}
		output=${rest#*|}
		[ "$want" != skip ] || continue
		grep -qxF -- "$cmd" "$tmp/examples" || continue
		st=0
		(cd "$tmp/work" && PATH="$tmp/bin:$PATH" bash -c "$cmd") \
			>"$tmp/stdout" 2>"$tmp/stderr" || st=$?
		why=
		if [ "$st" != "$want" ]; then
			why="exit status $st, documented $want"
		elif [ "$output" = script ] &&
			! head -n 1 "$tmp/work/schema-diff.sql" 2>/dev/null | grep -q '^-- pgdiff '; then
			why="schema-diff.sql does not hold a script"
		elif [ "$output" = empty ] && [ -s "$tmp/stdout" ]; then
			why="output not empty"
		fi
		if [ -z "$why" ]; then
			ok "example exits $st: $cmd"
		else
			cat "$tmp/stdout" >>"$tmp/stderr"
			not_ok "example: $cmd: $why" "$tmp/stderr"
		fi
	done
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
