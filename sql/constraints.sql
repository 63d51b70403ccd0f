-- constraints: table constraints (NOT NULL is a column fact); definition without the trailing state clauses
SELECT 'pg_constraint'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       k.oid AS _oid, k.conrelid AS _parent,
       n.nspname AS schema, k.conname AS name,
       k.contype AS type,
       pg_catalog.pg_get_constraintdef(k.oid) AS definition,
       k.condeferrable AS deferrable, k.condeferred AS deferred,
       k.convalidated AS validated,
       -- a key's index: storage parameters (an exclusion constraint's definition
       -- holds them already) and tablespace (NULL: the database's default)
       CASE WHEN k.contype IN ('p', 'u') THEN
         NULLIF(pg_catalog.array_to_string(ARRAY(
           SELECT x.o FROM pg_catalog.unnest(ic.reloptions) WITH ORDINALITY x(o, n)
           ORDER BY x.n), E'\n'), '')
       END AS index_options,
       (SELECT s.spcname FROM pg_catalog.pg_tablespace s
        WHERE s.oid = ic.reltablespace
          AND s.oid <> (SELECT d.dattablespace FROM pg_catalog.pg_database d
                        WHERE d.datname = pg_catalog.current_database())) AS index_tablespace,
       ic.oid IS NOT NULL AND (SELECT x.indisclustered FROM pg_catalog.pg_index x
                               WHERE x.indexrelid = ic.oid) AS clustered,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = k.oid AND ds.classoid = 'pg_constraint'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment,
       CASE WHEN k.contype = 'f' THEN
         pg_catalog.quote_ident(fn.nspname) || '.' || pg_catalog.quote_ident(f.relname)
       END AS references,
       -- a partition's key: the partitioned table's constraint it comes from
       pn.nspname AS parent_schema, pc.relname AS parent_table, pcon.conname AS parent_name,
       -- from a parent table: only ('inherited'), or also declared here ('merged')
       CASE WHEN k.coninhcount > 0 OR k.conparentid <> 0 THEN
         CASE WHEN k.conislocal THEN 'merged' ELSE 'inherited' END
       END AS inheritance
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class f ON f.oid = k.confrelid
LEFT JOIN pg_catalog.pg_constraint pcon ON pcon.oid = k.conparentid AND k.contype IN ('p', 'u', 'x')
LEFT JOIN pg_catalog.pg_class pc ON pc.oid = pcon.conrelid
LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
LEFT JOIN pg_catalog.pg_class ic ON ic.oid = k.conindid AND k.contype IN ('p', 'u', 'x')
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = f.relnamespace
WHERE k.contype IN ('p', 'u', 'c', 'f', 'x') AND c.relkind IN ('r', 'p', 'f')
  -- a foreign key to a partitioned table has a row per referenced partition, on the
  -- same table and with the same name as the one declared: only that one counts
  AND (k.conparentid = 0 OR NOT EXISTS (SELECT FROM pg_catalog.pg_constraint pk
                                        WHERE pk.oid = k.conparentid
                                          AND pk.conrelid = k.conrelid))
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
