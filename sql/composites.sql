-- composites: stand-alone composite types, identified by their pg_class row (what their
-- attributes' dependencies name); attributes as parallel arrays in attnum order
SELECT 'pg_class'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       t.typrelid AS _oid, n.nspname AS schema, t.typname AS name,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = t.oid AND ds.classoid = 'pg_type'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment,
       a.names AS attributes, a.types AS attribute_types,
       -- name, comment ('' for none) of every attribute, in order
       (SELECT pg_catalog.array_agg(u.x ORDER BY at.attnum, u.k)
        FROM pg_catalog.pg_attribute at
        LEFT JOIN pg_catalog.pg_description ds
          ON ds.objoid = at.attrelid AND ds.classoid = 'pg_class'::pg_catalog.regclass
         AND ds.objsubid = at.attnum
        CROSS JOIN LATERAL pg_catalog.unnest(ARRAY[at.attname::pg_catalog.text,
                                                  COALESCE(ds.description, '')])
          WITH ORDINALITY u(x, k)
        WHERE at.attrelid = t.typrelid AND at.attnum > 0 AND NOT at.attisdropped
       )::pg_catalog.text AS column_comments
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'
CROSS JOIN LATERAL (
  SELECT pg_catalog.array_agg(at.attname ORDER BY at.attnum)::pg_catalog.text AS names,
         pg_catalog.array_agg(pg_catalog.format_type(at.atttypid, at.atttypmod) ||
           CASE WHEN at.attcollation <> att.typcollation
                THEN ' COLLATE ' || pg_catalog.quote_ident(cn.nspname) || '.' ||
                     pg_catalog.quote_ident(co.collname)
                ELSE '' END
           ORDER BY at.attnum)::pg_catalog.text AS types
  FROM pg_catalog.pg_attribute at
  JOIN pg_catalog.pg_type att ON att.oid = at.atttypid
  LEFT JOIN pg_catalog.pg_collation co ON co.oid = at.attcollation
  LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
  WHERE at.attrelid = t.typrelid AND at.attnum > 0 AND NOT at.attisdropped
) a
WHERE t.typtype = 'c'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_type'::pg_catalog.regclass
                    AND d.objid = t.oid AND d.deptype = 'e')
