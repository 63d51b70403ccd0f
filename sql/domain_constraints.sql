-- domain_constraints: CHECK constraints of the domains in domains.sql (NOT NULL is a domain
-- fact, also on PostgreSQL 17 where it has a row here); definition without NOT VALID
SELECT 'pg_constraint'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       k.oid AS _oid, 'pg_type'::pg_catalog.regclass::pg_catalog.oid AS _parentclass,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = k.oid AND ds.classoid = 'pg_constraint'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment,
       k.contypid AS _parent, n.nspname AS schema, k.conname AS name,
       pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(k.oid), ' NOT VALID$', '')
         AS definition,
       k.convalidated AS validated
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_type t ON t.oid = k.contypid
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE k.contypid <> 0 AND k.contype = 'c'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
