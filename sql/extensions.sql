-- extensions: name, the schema holding their objects, installed version
SELECT 'pg_extension'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       e.oid AS _oid, NULL AS schema, e.extname AS name,
       n.nspname AS ext_schema, e.extversion AS version,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = e.oid AND ds.classoid = 'pg_extension'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname <> 'plpgsql'
