-- conversions: encoding conversions in user schemas, not an extension's; the encodings by name,
-- the function as regproc text, by name as CREATE CONVERSION takes it (its argument types are
-- fixed)
SELECT 'pg_conversion'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       c.oid AS _oid, n.nspname AS schema, c.conname AS name,
       pg_catalog.pg_encoding_to_char(c.conforencoding) AS source_encoding,
       pg_catalog.pg_encoding_to_char(c.contoencoding) AS target_encoding,
       c.conproc::pg_catalog.regproc::pg_catalog.text AS function,
       c.condefault AS "default",
       pg_catalog.pg_get_userbyid(c.conowner) AS owner,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = c.oid AND ds.classoid = 'pg_conversion'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment
FROM pg_catalog.pg_conversion c
JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_conversion'::pg_catalog.regclass
                    AND d.objid = c.oid AND d.deptype = 'e')
