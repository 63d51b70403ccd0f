#!/usr/bin/env bash
# Starts and stops a throwaway PostgreSQL cluster for the tests: private socket directory,
# no TCP, trust authentication, durability off for speed.
#
#   eval "$(tests/pgcluster.sh start DIR)"   prints: export PGHOST=DIR PGPORT=N PGUSER=postgres
#   tests/pgcluster.sh stop DIR              stops the server (immediate) and removes DIR
#   tests/pgcluster.sh newdir                prints a new empty directory for `start`
#
# DIR must not exist or be empty. When run as root the server runs as the `postgres`
# account (PostgreSQL refuses root), which then owns DIR.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
# Marks a directory as ours and remembers the binaries that made it, so that `stop`
# never removes a directory it did not create and stops with the matching pg_ctl.
marker=pgcluster.bindir

usage() {
	echo "usage: tests/pgcluster.sh start|stop DIR | newdir" >&2
	exit 64
}

die() {
	echo "pgcluster: $*" >&2
	exit 1
}

# Runs a server binary as the account that owns the cluster.
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# Quotes a value for the shell that evals our output.
shell_quote() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

cluster_start() {
	local dir=$1 bindir loc port attempt psql
	bindir=$(bash "$here/ensure-deps.sh" --pg-bindir) || exit 1
	if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
		die "running as root needs a 'postgres' account to own the server"
	fi
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd -P)
	[ -z "$(ls -A "$dir")" ] || die "'$dir' is not empty"
	# Unix socket paths are limited to about 107 bytes (".s.PGSQL.NNNNN" included).
	[ ${#dir} -le 90 ] || die "'$dir' is too long for a socket path; set TMPDIR=/tmp"

	echo "$bindir" >"$dir/$marker"
	# From here on a failed start leaves nothing behind (DIR is expanded now, on purpose).
	# shellcheck disable=SC2064
	trap "cluster_stop $(shell_quote "$dir") >/dev/null 2>&1 || true" EXIT
	if [ "$(id -u)" -eq 0 ]; then
		chown postgres: "$dir"
		chmod 700 "$dir"
		runuser -u postgres -- test -w "$dir" -a -x "$dir" ||
			die "the postgres account cannot reach '$dir'; use a directory under /tmp"
	fi
	# Server binaries run from DIR so that none complains about an unreadable cwd.
	cd "$dir"

	loc=C
	if locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then
		loc=C.UTF-8
	fi
	if ! as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 \
		--locale="$loc" --no-sync --no-instructions >"$dir/initdb.log" 2>&1; then
		cat "$dir/initdb.log" >&2
		die "initdb failed"
	fi
	cat >>"$dir/data/postgresql.conf" <<EOF

# pgcluster.sh: a throwaway test cluster
listen_addresses = ''
unix_socket_directories = '$(printf '%s' "$dir" | sed "s/'/''/g")'
fsync = off
full_page_writes = off
synchronous_commit = off
# Bounds the WAL kept between checkpoints, since the cluster may live in memory.
max_wal_size = 64MB
min_wal_size = 32MB
EOF

	# The socket lives in a private directory, so a port clash is unlikely; a port
	# derived from our pid and a few retries keep parallel runs apart anyway.
	port=$((54000 + $$ % 1000))
	for attempt in 1 2 3 4 5; do
		if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
			-o "-p $port" start >/dev/null 2>&1; then
			break
		fi
		if [ "$attempt" -eq 5 ] || ! grep -qE 'could not bind|already in use|lock file' \
			"$dir/server.log" 2>/dev/null; then
			cat "$dir/server.log" >&2 2>/dev/null || true
			die "could not start the server in '$dir'"
		fi
		port=$((port + 1))
	done

	psql=psql
	[ -x "$bindir/psql" ] && psql=$bindir/psql
	# Some conformance corpora grant privileges to this role.
	env -u PGSERVICE -u PGHOSTADDR "$psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" \
		-U postgres -d postgres -c 'CREATE ROLE schemainspect_test_role NOLOGIN' >&2 ||
		die "could not create the test roles"
	# Tablespaces are cluster-wide: fixtures moving objects between tablespaces need one
	# (outside the data directory, owned by the server's account).
	as_owner mkdir "$dir/tablespace" || die "could not make '$dir/tablespace'"
	env -u PGSERVICE -u PGHOSTADDR "$psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" \
		-U postgres -d postgres -c "CREATE TABLESPACE pgdiff_ts LOCATION '$(printf '%s' \
		"$dir/tablespace" | sed "s/'/''/g")'" >&2 ||
		die "could not create the test tablespace"

	trap - EXIT
	echo "export PGHOST=$(shell_quote "$dir") PGPORT=$port PGUSER=postgres"
}

cluster_stop() {
	local dir=$1 bindir
	[ -e "$dir" ] || return 0
	[ -f "$dir/$marker" ] || die "'$dir' was not made by pgcluster.sh; not removing it"
	bindir=$(cat "$dir/$marker")
	if [ -f "$dir/data/postmaster.pid" ]; then
		# Immediate mode: the data is thrown away, so there is nothing to flush.
		(cd "$dir" && as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w -t 60 \
			stop >/dev/null) ||
			die "could not stop the server in '$dir'; not removing it"
	fi
	rm -rf "$dir"
}

# CREATE DATABASE costs a few hundred files; on tmpfs it is several times faster than on
# disk, so tmpfs is used when it has room for a cluster (a container's is often 64MB).
cluster_newdir() {
	local kb
	kb=$(df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 { print $4 }')
	if [ -w /dev/shm ] && [ "${kb:-0}" -ge 1048576 ]; then
		mktemp -d /dev/shm/pgdiff.XXXXXX
	else
		mktemp -d "${TMPDIR:-/tmp}/pgdiff.XXXXXX"
	fi
}

if [ $# -eq 1 ] && [ "$1" = newdir ]; then
	cluster_newdir
	exit
fi
if [ $# -ne 2 ] || [ -z "$2" ]; then
	usage
fi
case $1 in
start) cluster_start "$2" ;;
stop) cluster_stop "$2" ;;
*) usage ;;
esac
