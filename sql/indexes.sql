-- indexes: of tables and materialized views, those not backing a constraint, with their normalized definition
SELECT 'pg_class'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       i.indexrelid AS _oid, i.indrelid AS _parent,
       n.nspname AS schema, c.relname AS name,
       pg_catalog.pg_get_indexdef(i.indexrelid) AS definition,
       i.indisunique AS is_unique,
       -- the index CLUSTER uses next (ALTER TABLE ... CLUSTER ON)
       i.indisclustered AS clustered,
       -- statistics targets of expression columns, "number=target" lines
       (SELECT pg_catalog.string_agg(a.attnum || '=' || a.attstattarget, E'\n' ORDER BY a.attnum)
        FROM pg_catalog.pg_attribute a
        WHERE a.attrelid = i.indexrelid AND COALESCE(a.attstattarget, -1) <> -1) AS column_statistics,
       -- storage parameters, in catalog order (the definition holds them too, in WITH)
       NULLIF(pg_catalog.array_to_string(ARRAY(
         SELECT x.o FROM pg_catalog.unnest(c.reloptions) WITH ORDINALITY x(o, n)
         ORDER BY x.n), E'\n'), '') AS options,
       -- NULL: the database's default tablespace, however it was named
       (SELECT s.spcname FROM pg_catalog.pg_tablespace s
        WHERE s.oid = c.reltablespace
          AND s.oid <> (SELECT d.dattablespace FROM pg_catalog.pg_database d
                        WHERE d.datname = pg_catalog.current_database())) AS tablespace,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = i.indexrelid AND ds.classoid = 'pg_class'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment,
       -- the partitioned index this one is a partition of: a probe of
       -- pg_inherits' (inhrelid, inhseqno) index, linear without statistics
       (SELECT pg_catalog.quote_ident(pn.nspname) || '.' || pg_catalog.quote_ident(p.relname)
        FROM pg_catalog.pg_inherits ih
        JOIN pg_catalog.pg_class p ON p.oid = ih.inhparent
        JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
        WHERE ih.inhrelid = i.indexrelid) AS attached_to
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE t.relkind IN ('r', 'm', 'p') AND c.relkind IN ('i', 'I')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_constraint k
                  WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x')
                    AND k.conrelid = i.indrelid)
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_class'::pg_catalog.regclass
                    AND d.objid = i.indexrelid AND d.deptype = 'e')
