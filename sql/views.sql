-- views: plain and materialized, with their query (names qualified: search_path is empty),
-- their columns (whether CREATE OR REPLACE VIEW can make a change) and their options
SELECT 'pg_class'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       c.oid AS _oid, n.nspname AS schema, c.relname AS name,
       c.relkind = 'm' AS materialized,
       pg_catalog.regexp_replace(pg_catalog.pg_get_viewdef(c.oid, true), ';\s*$', '')
         AS definition,
       a.columns,
       NULLIF(pg_catalog.array_to_string(ARRAY(
         SELECT o FROM (
           SELECT 1, x.n, x.o FROM pg_catalog.unnest(c.reloptions) WITH ORDINALITY x(o, n)
           UNION ALL
           SELECT 2, x.n, 'toast.' || x.o
           FROM pg_catalog.pg_class tc, pg_catalog.unnest(tc.reloptions) WITH ORDINALITY x(o, n)
           WHERE tc.oid = c.reltoastrelid) r(part, n, o)
         ORDER BY part, n), E'\n'), '') AS options,
       -- a materialized view's access method; NULL: heap, the default
       (SELECT am.amname FROM pg_catalog.pg_am am
        WHERE am.oid = c.relam AND am.amname <> 'heap') AS am,
       -- a materialized view's; NULL: the database's default tablespace
       (SELECT s.spcname FROM pg_catalog.pg_tablespace s
        WHERE s.oid = c.reltablespace
          AND s.oid <> (SELECT d.dattablespace FROM pg_catalog.pg_database d
                        WHERE d.datname = pg_catalog.current_database())) AS tablespace,
       pg_catalog.pg_get_userbyid(c.relowner) AS owner,
       -- privileges sorted canonically; NULL (never granted) is the default spelt out
       (SELECT pg_catalog.array_agg(x::pg_catalog.text ORDER BY x::pg_catalog.text)
        FROM pg_catalog.unnest(COALESCE(c.relacl, pg_catalog.acldefault('r', c.relowner))) x
       )::pg_catalog.text AS acl,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = c.oid AND ds.classoid = 'pg_class'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment,
       -- name, comment ('' for none) of every column, in order
       (SELECT pg_catalog.array_agg(u.x ORDER BY at.attnum, u.k)
        FROM pg_catalog.pg_attribute at
        LEFT JOIN pg_catalog.pg_description ds
          ON ds.objoid = at.attrelid AND ds.classoid = 'pg_class'::pg_catalog.regclass
         AND ds.objsubid = at.attnum
        CROSS JOIN LATERAL pg_catalog.unnest(ARRAY[at.attname::pg_catalog.text,
                                                  COALESCE(ds.description, '')])
          WITH ORDINALITY u(x, k)
        WHERE at.attrelid = c.oid AND at.attnum > 0 AND NOT at.attisdropped
       )::pg_catalog.text AS column_comments,
       -- name, privileges (sorted) of every column that has some
       (SELECT pg_catalog.array_agg(u.x ORDER BY at.attnum, u.k)
        FROM pg_catalog.pg_attribute at
        CROSS JOIN LATERAL pg_catalog.unnest(ARRAY[at.attname::pg_catalog.text,
            COALESCE((SELECT pg_catalog.array_agg(x::pg_catalog.text ORDER BY x::pg_catalog.text)
                      FROM pg_catalog.unnest(at.attacl) x)::pg_catalog.text, '{}')])
          WITH ORDINALITY u(x, k)
        WHERE at.attrelid = c.oid AND at.attnum > 0 AND NOT at.attisdropped
          AND at.attacl IS NOT NULL
       )::pg_catalog.text AS column_acls,
       -- name, default of the columns of a view that have one (ALTER VIEW ... SET DEFAULT)
       (SELECT pg_catalog.array_agg(u.x ORDER BY at.attnum, u.k)
        FROM pg_catalog.pg_attrdef ad
        JOIN pg_catalog.pg_attribute at ON at.attrelid = ad.adrelid AND at.attnum = ad.adnum
        CROSS JOIN LATERAL pg_catalog.unnest(ARRAY[at.attname::pg_catalog.text,
                                                  pg_catalog.pg_get_expr(ad.adbin, ad.adrelid)])
          WITH ORDINALITY u(x, k)
        WHERE ad.adrelid = c.oid
       )::pg_catalog.text AS column_defaults,
       -- whether to create it WITH DATA; never compared (refreshing is not a schema change)
       CASE WHEN c.relkind = 'm' THEN c.relispopulated END AS populated
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN LATERAL (
  -- "a integer, b text COLLATE \"C\"": what CREATE OR REPLACE VIEW must keep as a prefix
  SELECT pg_catalog.string_agg(
           pg_catalog.quote_ident(at.attname) || ' ' ||
           pg_catalog.format_type(at.atttypid, at.atttypmod) ||
           CASE WHEN at.attcollation <> t.typcollation
                THEN ' COLLATE ' || pg_catalog.quote_ident(cn.nspname) || '.' ||
                     pg_catalog.quote_ident(co.collname)
                ELSE '' END,
           ', ' ORDER BY at.attnum) AS columns
  FROM pg_catalog.pg_attribute at
  JOIN pg_catalog.pg_type t ON t.oid = at.atttypid
  LEFT JOIN pg_catalog.pg_collation co ON co.oid = at.attcollation
  LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
  WHERE at.attrelid = c.oid AND at.attnum > 0 AND NOT at.attisdropped
) a ON true
WHERE c.relkind IN ('v', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_class'::pg_catalog.regclass
                    AND d.objid = c.oid AND d.deptype = 'e')
