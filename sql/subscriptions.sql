-- subscriptions: those of the current database (pg_subscription is shared by the cluster).
-- Only the columns PUBLIC may read, so that any role can run it: every one but subconninfo
-- from PostgreSQL 14 on; before, not oid nor subsynccommit either.  So the oid comes from
-- pg_get_object_address, and subconninfo (and, before 14, subsynccommit) from
-- sql/subscription_conninfo.sql, which runs last, on its own, because it may be refused.
-- The catalog reader fills conninfo, conninfo_options and secret_options from it (secret
-- values never reach the snapshot), or conninfo_unread with why it could not.
-- Options a server lacks are left out (the kind takes PostgreSQL's default); streaming is
-- a bool before PostgreSQL 16 and a char ('f', 't', 'p') from 16 on: its text serves both.
-- Publications come in the order they were given, which the kind compares as a set.
-- Comments on subscriptions are in pg_description, although the catalog is shared.
SELECT a.classid AS _classid, a.objid AS _oid, su.subname AS name,
       NULL::pg_catalog.text AS conninfo,
       NULL::pg_catalog.text AS conninfo_options,
       NULL::pg_catalog.text AS secret_options,
       NULL::pg_catalog.text AS conninfo_unread,
       su.subpublications::pg_catalog.text AS publications,
       su.subenabled AS enabled,
       su.subslotname AS slot_name,
       su.subsynccommit AS synchronous_commit, -- from pg14
       NULL::pg_catalog.text AS synchronous_commit, -- before pg14
       su.subbinary AS binary, -- from pg14
       CASE WHEN su.substream::pg_catalog.text IN ('t', 'true') THEN 'on' WHEN su.substream::pg_catalog.text = 'p' THEN 'parallel' ELSE 'off' END AS streaming, -- from pg14
       su.subtwophasestate <> 'd' AS two_phase, -- from pg15
       su.subdisableonerr AS disable_on_error, -- from pg15
       su.suborigin AS origin, -- from pg16
       su.subpasswordrequired AS password_required, -- from pg16
       su.subrunasowner AS run_as_owner, -- from pg16
       su.subfailover AS failover, -- from pg17
       pg_catalog.pg_get_userbyid(su.subowner) AS owner,
       (SELECT d.description FROM pg_catalog.pg_description d
        WHERE d.objoid = a.objid AND d.classoid = a.classid AND d.objsubid = 0) AS comment
FROM pg_catalog.pg_subscription su
CROSS JOIN LATERAL pg_catalog.pg_get_object_address('subscription',
                                                    ARRAY[su.subname::pg_catalog.text],
                                                    '{}') a
WHERE su.subdbid = (SELECT oid FROM pg_catalog.pg_database
                    WHERE datname = pg_catalog.current_database())
