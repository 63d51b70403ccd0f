-- transforms: schema-less, keyed by type and language ("FOR integer LANGUAGE plfoo"), the type
-- as format_type writes it under the empty search_path; not an extension's (hstore_plperl's);
-- the functions as regprocedure text (qualified, with their argument types)
SELECT 'pg_transform'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       t.oid AS _oid,
       'FOR ' || pg_catalog.format_type(t.trftype, NULL) || ' LANGUAGE ' ||
         pg_catalog.quote_ident(l.lanname) AS name,
       pg_catalog.format_type(t.trftype, NULL) AS type,
       l.lanname AS language,
       NULLIF(t.trffromsql, 0)::pg_catalog.regprocedure::pg_catalog.text AS from_sql,
       NULLIF(t.trftosql, 0)::pg_catalog.regprocedure::pg_catalog.text AS to_sql,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = t.oid AND ds.classoid = 'pg_transform'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment
FROM pg_catalog.pg_transform t
JOIN pg_catalog.pg_language l ON l.oid = t.trflang
WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_transform'::pg_catalog.regclass
                    AND d.objid = t.oid AND d.deptype = 'e')
