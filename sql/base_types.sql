-- base_types: user-defined base types (CREATE TYPE name (INPUT = ..., OUTPUT = ...)), with
-- their I/O functions as regproc text (qualified: the search_path is empty); the array type
-- PostgreSQL makes for each (internal dependency) is left out, it comes with its element.
-- typsubscript (PostgreSQL 14+) is read through to_jsonb so that one text serves every version.
SELECT 'pg_type'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       t.oid AS _oid, n.nspname AS schema, t.typname AS name,
       t.typinput::pg_catalog.text AS input,
       t.typoutput::pg_catalog.text AS output,
       NULLIF(t.typreceive, 0)::pg_catalog.regproc::pg_catalog.text AS receive,
       NULLIF(t.typsend, 0)::pg_catalog.regproc::pg_catalog.text AS send,
       NULLIF(t.typmodin, 0)::pg_catalog.regproc::pg_catalog.text AS typmod_in,
       NULLIF(t.typmodout, 0)::pg_catalog.regproc::pg_catalog.text AS typmod_out,
       NULLIF(t.typanalyze, 0)::pg_catalog.regproc::pg_catalog.text AS "analyze",
       NULLIF(pg_catalog.to_jsonb(t) OPERATOR(pg_catalog.->>) 'typsubscript', '-') AS subscript,
       CASE WHEN t.typlen = -1 THEN 'VARIABLE' ELSE t.typlen::pg_catalog.text END
         AS internallength,
       t.typbyval AS passedbyvalue,
       CASE t.typalign WHEN 'c' THEN 'char' WHEN 's' THEN 'int2'
                       WHEN 'i' THEN 'int4' WHEN 'd' THEN 'double' END AS alignment,
       CASE t.typstorage WHEN 'p' THEN 'plain' WHEN 'e' THEN 'external'
                         WHEN 'x' THEN 'extended' WHEN 'm' THEN 'main' END AS storage,
       t.typcategory::pg_catalog.text AS category,
       t.typispreferred AS preferred,
       t.typdefault AS "default",
       CASE WHEN t.typelem <> 0 THEN pg_catalog.format_type(t.typelem, NULL) END AS element,
       t.typdelim::pg_catalog.text AS delimiter,
       t.typcollation <> 0 AS collatable,
       pg_catalog.pg_get_userbyid(t.typowner) AS owner,
       -- privileges sorted canonically; NULL (never granted) is the default spelt out
       (SELECT pg_catalog.array_agg(x::pg_catalog.text ORDER BY x::pg_catalog.text)
        FROM pg_catalog.unnest(COALESCE(t.typacl, pg_catalog.acldefault('T', t.typowner))) x
       )::pg_catalog.text AS acl,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = t.oid AND ds.classoid = 'pg_type'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'b'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_type'::pg_catalog.regclass
                    AND d.objid = t.oid AND d.deptype IN ('e', 'i'))
