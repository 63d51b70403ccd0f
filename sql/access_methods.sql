-- access methods: table and index methods not built in and not an extension's (bloom's is one);
-- the handler as regproc text, by name as CREATE ACCESS METHOD takes it
SELECT 'pg_am'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       am.oid AS _oid, am.amname AS name,
       CASE am.amtype WHEN 't' THEN 'TABLE' WHEN 'i' THEN 'INDEX' END AS type,
       am.amhandler::pg_catalog.regproc::pg_catalog.text AS handler,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = am.oid AND ds.classoid = 'pg_am'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment
FROM pg_catalog.pg_am am
WHERE am.oid >= 16384
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_am'::pg_catalog.regclass
                    AND d.objid = am.oid AND d.deptype = 'e')
