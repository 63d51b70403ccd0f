-- subscription_conninfo: the connection strings of the current database's subscriptions.
-- subconninfo may hold passwords: only superusers (and roles granted SELECT on it, or
-- pg_read_all_data) may read it, and a refused read fails the whole query.  So it runs
-- last, when every other query has answered, and the catalog reader takes
-- insufficient_privilege as "not readable".  The values go straight to libpq's parser:
-- only the options it would show, and the names of the others, are kept.  Before
-- PostgreSQL 14 PUBLIC may not read subsynccommit either: it comes here then.
SELECT
       su.subsynccommit AS synchronous_commit, -- before pg14
       'pg_subscription'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       su.oid AS _oid, su.subconninfo AS conninfo
FROM pg_catalog.pg_subscription su
WHERE su.subdbid = (SELECT oid FROM pg_catalog.pg_database
                    WHERE datname = pg_catalog.current_database())
