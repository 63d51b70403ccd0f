-- tables: ordinary, partitioned and foreign tables, with their partition key, the parent and bound of a
-- partition and the parents of an inheritance child (in inhseqno order)
SELECT 'pg_class'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       c.oid AS _oid, n.nspname AS schema, c.relname AS name,
       c.relpersistence AS persistence,
       pg_catalog.pg_get_userbyid(c.relowner) AS owner,
       -- privileges sorted canonically; NULL (never granted) is the default spelt out
       (SELECT pg_catalog.array_agg(x::pg_catalog.text ORDER BY x::pg_catalog.text)
        FROM pg_catalog.unnest(COALESCE(c.relacl, pg_catalog.acldefault('r', c.relowner))) x
       )::pg_catalog.text AS acl,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = c.oid AND ds.classoid = 'pg_class'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment,
       c.relrowsecurity AS row_security, c.relforcerowsecurity AS force_row_security,
       CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
       CASE WHEN c.relispartition THEN ih.parents[1] END AS partition_of,
       CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END
         AS partition_bound,
       CASE WHEN NOT c.relispartition THEN ih.parents END AS inherits,
       -- storage parameters, the toast table's as toast.name; in the order ALTER ... SET left them
       NULLIF(pg_catalog.array_to_string(ARRAY(
         SELECT o FROM (
           SELECT 1, x.n, x.o FROM pg_catalog.unnest(c.reloptions) WITH ORDINALITY x(o, n)
           UNION ALL
           SELECT 2, x.n, 'toast.' || x.o
           FROM pg_catalog.pg_class tc, pg_catalog.unnest(tc.reloptions) WITH ORDINALITY x(o, n)
           WHERE tc.oid = c.reltoastrelid) r(part, n, o)
         ORDER BY part, n), E'\n'), '') AS options,
       -- the table access method; NULL: heap, the default (or none: a partitioned table before
       -- PostgreSQL 17, a foreign table)
       (SELECT am.amname FROM pg_catalog.pg_am am
        WHERE am.oid = c.relam AND am.amname <> 'heap') AS am,
       -- NULL: the database's default tablespace, however it was named
       (SELECT s.spcname FROM pg_catalog.pg_tablespace s
        WHERE s.oid = c.reltablespace
          AND s.oid <> (SELECT d.dattablespace FROM pg_catalog.pg_database d
                        WHERE d.datname = pg_catalog.current_database())) AS tablespace,
       -- NULL: DEFAULT; an identity index that is gone leaves nothing
       -- (a foreign table has 'n' and no way to change it: NULL as well)
       CASE CASE WHEN c.relkind <> 'f' THEN c.relreplident END
         WHEN 'f' THEN 'full' WHEN 'n' THEN 'nothing'
         WHEN 'i' THEN COALESCE((SELECT 'index' FROM pg_catalog.pg_index ri
                                 WHERE ri.indrelid = c.oid AND ri.indisreplident),
                                'nothing') END AS replica_identity,
       CASE WHEN c.relreplident = 'i' THEN
         (SELECT ic.relname FROM pg_catalog.pg_index ri
          JOIN pg_catalog.pg_class ic ON ic.oid = ri.indexrelid
          WHERE ri.indrelid = c.oid AND ri.indisreplident) END AS replica_index,
       -- a foreign table's server (the fact that makes it one) and options, sorted
       fs.srvname AS foreign_server,
       (SELECT pg_catalog.array_agg(o ORDER BY o) FROM pg_catalog.unnest(ft.ftoptions) o
       )::pg_catalog.text AS fdw_options,
       c.reltuples::pg_catalog.int8 AS _rows,
       c.relpages::pg_catalog.int8 *
         pg_catalog.current_setting('block_size')::pg_catalog.int8 AS _bytes
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN (
  -- parents of every child at once: one hash join, whatever the statistics
  SELECT i.inhrelid,
         pg_catalog.array_agg(pg_catalog.quote_ident(pn.nspname) || '.' ||
                              pg_catalog.quote_ident(p.relname) ORDER BY i.inhseqno) AS parents
  FROM pg_catalog.pg_inherits i
  JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
  JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
  WHERE p.relkind IN ('r', 'p', 'f')
  GROUP BY i.inhrelid
) ih ON ih.inhrelid = c.oid
LEFT JOIN pg_catalog.pg_foreign_table ft ON ft.ftrelid = c.oid
LEFT JOIN pg_catalog.pg_foreign_server fs ON fs.oid = ft.ftserver
WHERE c.relkind IN ('r', 'p', 'f')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_class'::pg_catalog.regclass
                    AND d.objid = c.oid AND d.deptype = 'e')
