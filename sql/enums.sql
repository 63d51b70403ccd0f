-- enums: enum types with their labels in sort order
SELECT 'pg_type'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       t.oid AS _oid, n.nspname AS schema, t.typname AS name,
       (SELECT pg_catalog.array_agg(e.enumlabel ORDER BY e.enumsortorder)
        FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid)::pg_catalog.text
         AS labels,
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
WHERE t.typtype = 'e'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_type'::pg_catalog.regclass
                    AND d.objid = t.oid AND d.deptype = 'e')
