-- policies: row level security policies; roles sorted by name, 'public' for PUBLIC (no role
-- may be called that), expressions as pg_get_expr prints them (NULL when absent)
SELECT 'pg_policy'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       p.oid AS _oid, p.polrelid AS _parent,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = p.oid AND ds.classoid = 'pg_policy'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment,
       n.nspname AS schema, p.polname AS name,
       p.polcmd AS command, p.polpermissive AS permissive,
       (SELECT pg_catalog.array_agg(COALESCE(a.rolname, 'public') ORDER BY COALESCE(a.rolname, 'public'))
        FROM pg_catalog.unnest(p.polroles) AS r(oid)
        LEFT JOIN pg_catalog.pg_roles a ON a.oid = r.oid)::pg_catalog.text AS roles,
       pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS using,
       pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS with_check
FROM pg_catalog.pg_policy p
JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
