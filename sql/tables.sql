-- tables: ordinary tables (partitioned, partitions and children of inheritance are reported as not handled)
SELECT 'pg_class'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       c.oid AS _oid, n.nspname AS schema, c.relname AS name,
       c.relpersistence AS persistence,
       c.reltuples::pg_catalog.int8 AS _rows,
       c.relpages::pg_catalog.int8 *
         pg_catalog.current_setting('block_size')::pg_catalog.int8 AS _bytes
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r' AND NOT c.relispartition
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid)
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_class'::pg_catalog.regclass
                    AND d.objid = c.oid AND d.deptype = 'e')
