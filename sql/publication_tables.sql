-- publication tables: one row per table a publication lists (FOR TABLE / ADD TABLE), a child of
-- the table named by the publication; its column list (names in column order) and row filter
-- as pg_get_expr prints it (PostgreSQL 15+: prattrs, prqual; older servers read NULLs)
SELECT 'pg_publication_rel'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       pr.oid AS _oid, pr.prrelid AS _parent,
       n.nspname AS schema, p.pubname AS name,
       (SELECT pg_catalog.array_agg(a.attname ORDER BY a.attnum) -- from pg15
        FROM pg_catalog.pg_attribute a -- from pg15
        WHERE a.attrelid = pr.prrelid AND a.attnum = ANY (pr.prattrs))::pg_catalog.text AS columns, -- from pg15
       pg_catalog.pg_get_expr(pr.prqual, pr.prrelid) AS row_filter -- from pg15
       NULL::pg_catalog.text AS columns, -- before pg15
       NULL::pg_catalog.text AS row_filter -- before pg15
FROM pg_catalog.pg_publication_rel pr
JOIN pg_catalog.pg_publication p ON p.oid = pr.prpubid
JOIN pg_catalog.pg_class c ON c.oid = pr.prrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_publication'::pg_catalog.regclass
                    AND d.objid = p.oid AND d.deptype = 'e')
