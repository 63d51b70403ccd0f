-- text search templates: their init (optional) and lexize functions as regproc,
-- schema-qualified under the empty search_path
SELECT 'pg_ts_template'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       t.oid AS _oid, n.nspname AS schema, t.tmplname AS name,
       NULLIF(t.tmplinit, 0)::pg_catalog.regproc::pg_catalog.text AS init,
       t.tmpllexize::pg_catalog.regproc::pg_catalog.text AS lexize,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = t.oid AND ds.classoid = 'pg_ts_template'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment
FROM pg_catalog.pg_ts_template t
JOIN pg_catalog.pg_namespace n ON n.oid = t.tmplnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_ts_template'::pg_catalog.regclass
                    AND d.objid = t.oid AND d.deptype = 'e')
