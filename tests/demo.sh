#!/usr/bin/env bash
# demo.sh: a throwaway cluster, fixtures/demo loaded as two databases, and their diff.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
cluster=$(bash "$here/pgcluster.sh" newdir)
trap 'bash "$here/pgcluster.sh" stop "$cluster"' EXIT
trap 'exit 130' INT TERM HUP
unset PGHOSTADDR PGSERVICE PGDATABASE PGPORT PGUSER PGHOST
eval "$(bash "$here/pgcluster.sh" start "$cluster")"
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c 'CREATE DATABASE demo_prod' -c 'CREATE DATABASE demo_dev'
psql -X -q -v ON_ERROR_STOP=1 -d demo_prod -f "$top/fixtures/demo/a.sql"
psql -X -q -v ON_ERROR_STOP=1 -d demo_dev -f "$top/fixtures/demo/b.sql"
echo "\$ pgdiff dbname=demo_prod dbname=demo_dev" >&2
status=0
"$top/pgdiff" dbname=demo_prod dbname=demo_dev || status=$?
echo "(exit status $status: 0 none, 1 minor, 2 major, 3 critical)" >&2
[ "$status" -le 3 ]
