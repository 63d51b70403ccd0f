-- statistics objects (CREATE STATISTICS) of tables and materialized views, with their definition
SELECT 'pg_statistic_ext'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       s.oid AS _oid, s.stxrelid AS _parent,
       n.nspname AS schema, s.stxname AS name,
       pg_catalog.pg_get_statisticsobjdef(s.oid) AS definition,
       -- SET STATISTICS: PostgreSQL 13+ (to_jsonb serves 12), -1 up to 16
       -- and NULL from 17 for the default
       NULLIF(COALESCE((pg_catalog.to_jsonb(s) ->> 'stxstattarget')::pg_catalog.int4, -1),
              -1)::pg_catalog.text AS statistics_target,
       pg_catalog.pg_get_userbyid(s.stxowner) AS owner,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = s.oid AND ds.classoid = 'pg_statistic_ext'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment
FROM pg_catalog.pg_statistic_ext s
JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_statistic_ext'::pg_catalog.regclass
                    AND d.objid = s.oid AND d.deptype = 'e')
