-- collations: provider, locale settings and determinism; version-specific columns read through
-- to_jsonb so that one text serves PostgreSQL 12 (ICU locale in collcollate) to 17 (colllocale)
SELECT 'pg_collation'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       co.oid AS _oid, n.nspname AS schema, co.collname AS name,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = co.oid AND ds.classoid = 'pg_collation'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment,
       co.collprovider AS provider,
       CASE WHEN co.collprovider = 'c' THEN NULL
            ELSE COALESCE(j.v ->> 'colllocale', j.v ->> 'colliculocale', co.collcollate)
       END AS locale,
       CASE WHEN co.collprovider = 'c' THEN co.collcollate END AS lc_collate,
       CASE WHEN co.collprovider = 'c' THEN co.collctype END AS lc_ctype,
       co.collisdeterministic AS deterministic,
       j.v ->> 'collicurules' AS icu_rules
FROM pg_catalog.pg_collation co
JOIN pg_catalog.pg_namespace n ON n.oid = co.collnamespace
CROSS JOIN LATERAL (SELECT pg_catalog.to_jsonb(co) AS v) j
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_collation'::pg_catalog.regclass
                    AND d.objid = co.oid AND d.deptype = 'e')
