-- text search parsers: their functions as regproc (CREATE TEXT SEARCH PARSER takes names; the
-- signatures are fixed), schema-qualified under the empty search_path
SELECT 'pg_ts_parser'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       p.oid AS _oid, n.nspname AS schema, p.prsname AS name,
       p.prsstart::pg_catalog.regproc::pg_catalog.text AS start,
       p.prstoken::pg_catalog.regproc::pg_catalog.text AS gettoken,
       p.prsend::pg_catalog.regproc::pg_catalog.text AS "end",
       p.prslextype::pg_catalog.regproc::pg_catalog.text AS lextypes,
       NULLIF(p.prsheadline, 0)::pg_catalog.regproc::pg_catalog.text AS headline,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = p.oid AND ds.classoid = 'pg_ts_parser'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment
FROM pg_catalog.pg_ts_parser p
JOIN pg_catalog.pg_namespace n ON n.oid = p.prsnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_ts_parser'::pg_catalog.regclass
                    AND d.objid = p.oid AND d.deptype = 'e')
