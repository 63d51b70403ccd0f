-- ranges: range types; the multirange (PostgreSQL 14+) found through its internal dependency
-- on the range, so that one text serves every version
SELECT 'pg_type'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       t.oid AS _oid, n.nspname AS schema, t.typname AS name,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = t.oid AND ds.classoid = 'pg_type'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment,
       pg_catalog.format_type(r.rngsubtype, NULL) AS subtype,
       CASE WHEN NOT opc.opcdefault
            THEN pg_catalog.quote_ident(on_.nspname) || '.' || pg_catalog.quote_ident(opc.opcname)
       END AS subtype_opclass,
       CASE WHEN r.rngcollation <> st.typcollation
            THEN pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname)
       END AS collation,
       NULLIF(r.rngcanonical, 0)::pg_catalog.regproc::pg_catalog.text AS canonical,
       NULLIF(r.rngsubdiff, 0)::pg_catalog.regproc::pg_catalog.text AS subtype_diff,
       m.name AS multirange_type_name
FROM pg_catalog.pg_range r
JOIN pg_catalog.pg_type t ON t.oid = r.rngtypid
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_type st ON st.oid = r.rngsubtype
JOIN pg_catalog.pg_opclass opc ON opc.oid = r.rngsubopc
JOIN pg_catalog.pg_namespace on_ ON on_.oid = opc.opcnamespace
LEFT JOIN pg_catalog.pg_collation co ON co.oid = r.rngcollation
LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
LEFT JOIN LATERAL (
  SELECT pg_catalog.quote_ident(mn.nspname) || '.' || pg_catalog.quote_ident(mt.typname) AS name
  FROM pg_catalog.pg_depend d
  JOIN pg_catalog.pg_type mt ON mt.oid = d.objid AND mt.typtype = 'm'
  JOIN pg_catalog.pg_namespace mn ON mn.oid = mt.typnamespace
  WHERE d.classid = 'pg_type'::pg_catalog.regclass AND d.refobjid = t.oid
    AND d.refclassid = 'pg_type'::pg_catalog.regclass AND d.deptype = 'i'
) m ON true
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_type'::pg_catalog.regclass
                    AND d.objid = t.oid AND d.deptype = 'e')
