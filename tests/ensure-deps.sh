#!/usr/bin/env bash
# Checks that pgdiff's build and test dependencies are installed, installing the missing
# ones when run as root (CI) and printing the command to run otherwise.
#
#   tests/ensure-deps.sh              everything `make check` needs
#   tests/ensure-deps.sh --build-only only what compiling needs
#   tests/ensure-deps.sh --pg-bindir  print the PostgreSQL server bindir (initdb, pg_ctl,
#                                     postgres): PGDIFF_PG_BINDIR, `pg_config --bindir`,
#                                     then /usr/lib/postgresql/*/bin, newest first
set -eu

# A directory counts as a server bindir only if it can run a cluster: libpq-dev's
# pg_config reports a bindir even when the server is not installed.
is_server_bindir() {
	[ -x "$1/initdb" ] && [ -x "$1/pg_ctl" ] && [ -x "$1/postgres" ]
}

pg_bindir() {
	if [ -n "${PGDIFF_PG_BINDIR:-}" ]; then
		# An explicit choice that does not work is an error, not a cue to look elsewhere.
		if is_server_bindir "$PGDIFF_PG_BINDIR"; then
			echo "$PGDIFF_PG_BINDIR"
			return 0
		fi
		echo "pgdiff: PGDIFF_PG_BINDIR='$PGDIFF_PG_BINDIR' has no initdb, pg_ctl and postgres" >&2
		return 2
	fi
	local d
	if command -v pg_config >/dev/null 2>&1; then
		d=$(pg_config --bindir 2>/dev/null) || d=
		if [ -n "$d" ] && is_server_bindir "$d"; then
			echo "$d"
			return 0
		fi
	fi
	# Version directories sort numerically on the 4th path field (9.6 < 15 < 17).
	for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k4,4nr); do
		if is_server_bindir "$d"; then
			echo "$d"
			return 0
		fi
	done
	return 1
}

have() {
	command -v "$1" >/dev/null 2>&1
}

header_present() {
	local d
	for d in $incdirs; do
		[ -f "$d/$1" ] && return 0
	done
	return 1
}

mode=all
case "${1:-}" in
"") ;;
--build-only) mode=build ;;
--pg-bindir)
	pg_bindir && exit 0
	[ $? -eq 2 ] && exit 1
	echo "pgdiff: no PostgreSQL server binaries (initdb, pg_ctl, postgres) found;" \
		"install the postgresql package or set PGDIFF_PG_BINDIR" >&2
	exit 1
	;;
*)
	echo "usage: tests/ensure-deps.sh [--build-only | --pg-bindir]" >&2
	exit 64
	;;
esac

# Appends the packages the current system lacks to $missing.
check() {
	missing=
	incdirs="/usr/include /usr/local/include"
	if have pg_config; then
		incdirs="$(pg_config --includedir 2>/dev/null) $incdirs"
	fi
	incdirs="$incdirs /usr/include/postgresql"
	header_present libpq-fe.h || missing="$missing libpq-dev"
	header_present utf8proc.h || missing="$missing libutf8proc-dev"
	header_present jansson.h || missing="$missing libjansson-dev"
	have gcc || missing="$missing gcc"
	have make || missing="$missing make"
	[ "$mode" = build ] && return 0

	local bindir
	if ! have psql || ! have pg_dump || ! bindir=$(pg_bindir 2>/dev/null); then
		missing="$missing postgresql postgresql-contrib"
	elif [ -x "$bindir/pg_config" ] &&
		[ ! -f "$("$bindir/pg_config" --sharedir)/extension/pg_trgm.control" ]; then
		# The conformance corpus needs contrib extensions (pg_trgm, hstore, citext).
		missing="$missing postgresql-contrib"
	fi
	have mandoc || missing="$missing mandoc"
	# tests/review.sh: the report's structure (jq) and the summary rendered as GitHub does.
	have jq || missing="$missing jq"
	have cmark-gfm || missing="$missing cmark-gfm"
	return 0
}

check
[ -z "$missing" ] && exit 0

# A broken PGDIFF_PG_BINDIR cannot be mended by installing packages: say so plainly.
if [ "$mode" = all ] && [ -n "${PGDIFF_PG_BINDIR:-}" ] && ! pg_bindir >/dev/null; then
	exit 1
fi

if [ "$(id -u)" -ne 0 ]; then
	echo "pgdiff: missing build/test dependencies; install them with:" >&2
	echo "sudo apt-get install -y --no-install-recommends$missing" >&2
	exit 1
fi

if ! have apt-get; then
	echo "pgdiff: missing build/test dependencies:$missing; no apt-get to install them" >&2
	exit 1
fi
echo "pgdiff: installing missing build/test dependencies:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086 # $missing is a list of package names
apt-get install -y -qq --no-install-recommends $missing >&2

check
if [ -n "$missing" ]; then
	echo "pgdiff: still missing after installation:$missing" >&2
	exit 1
fi
