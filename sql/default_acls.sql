-- default privileges: ALTER DEFAULT PRIVILEGES, one object per role, schema (NULL: all) and object type;
-- baseline is what holds without the row: PostgreSQL's defaults role-wide, nothing in a schema
SELECT 'pg_default_acl'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       d.oid AS _oid, n.nspname AS schema,
       pg_catalog.pg_get_userbyid(d.defaclrole) AS name,
       CASE d.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences'
                            WHEN 'f' THEN 'functions' WHEN 'T' THEN 'types'
                            ELSE 'schemas' END AS args,
       COALESCE((SELECT pg_catalog.array_agg(a::pg_catalog.text ORDER BY a::pg_catalog.text)
                 FROM pg_catalog.unnest(d.defaclacl) a)::pg_catalog.text, '{}') AS privileges,
       CASE WHEN d.defaclnamespace = 0 THEN
         (SELECT pg_catalog.array_agg(a::pg_catalog.text ORDER BY a::pg_catalog.text)
          FROM pg_catalog.unnest(pg_catalog.acldefault(
            CASE d.defaclobjtype WHEN 'S' THEN 's' ELSE d.defaclobjtype END,
            d.defaclrole)) a)::pg_catalog.text
       ELSE '{}' END AS baseline
FROM pg_catalog.pg_default_acl d
LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.defaclnamespace
WHERE d.defaclobjtype IN ('r', 'S', 'f', 'T', 'n')
