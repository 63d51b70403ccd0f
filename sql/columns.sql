-- columns: of the tables in tables.sql (put in attnum order by the reader, cheaper than a sort here)
SELECT 'pg_class'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       a.attrelid AS _oid, a.attnum AS _subid, a.attrelid AS _parent,
       n.nspname AS schema, a.attname AS name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
       a.attnotnull AS not_null,
       -- column privileges, sorted; columns have no default of their own
       CASE WHEN a.attacl IS NULL THEN '{}' ELSE
         (SELECT pg_catalog.array_agg(x::pg_catalog.text ORDER BY x::pg_catalog.text)
          FROM pg_catalog.unnest(a.attacl) x)::pg_catalog.text END AS acl,
       ds.description AS comment,
       CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END
         AS "default",
       CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END
         AS generated,
       CASE WHEN a.attcollation <> t.typcollation
            THEN pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname)
       END AS collation,
       NULLIF(a.attidentity, '') AS identity,
       pg_catalog.format_type(s.seqtypid, NULL) AS identity_type,
       s.seqstart::pg_catalog.text AS identity_start,
       s.seqincrement::pg_catalog.text AS identity_increment,
       s.seqmin::pg_catalog.text AS identity_minvalue,
       s.seqmax::pg_catalog.text AS identity_maxvalue,
       s.seqcache::pg_catalog.text AS identity_cache,
       s.seqcycle AS identity_cycle,
       s.relname AS identity_sequence,
       -- per-column settings, NULL at their defaults: storage against the
       -- type's (and that default, to return to), the statistics target (-1
       -- up to 16, NULL from 17), compression, attribute options ("name=value"
       -- lines, sorted, like reloptions)
       CASE WHEN a.attstorage <> t.typstorage THEN
         CASE a.attstorage WHEN 'p' THEN 'plain' WHEN 'e' THEN 'external'
           WHEN 'm' THEN 'main' ELSE 'extended' END END AS storage,
       CASE WHEN a.attstorage <> t.typstorage THEN
         CASE t.typstorage WHEN 'p' THEN 'plain' WHEN 'e' THEN 'external'
           WHEN 'm' THEN 'main' ELSE 'extended' END END AS storage_default,
       NULLIF(COALESCE(a.attstattarget::pg_catalog.int4, -1), -1)::pg_catalog.text
         AS statistics_target,
       CASE a.attcompression WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' END AS compression, -- from pg14
       NULL::pg_catalog.text AS compression, -- before pg14
       CASE WHEN a.attoptions IS NOT NULL THEN
         (SELECT pg_catalog.string_agg(x.o, E'\n' ORDER BY x.n)
          FROM pg_catalog.unnest(a.attoptions) WITH ORDINALITY x(o, n))
       END AS attribute_options,
       -- from a parent table: only ('inherited'), or also declared here ('merged')
       CASE WHEN a.attinhcount > 0 THEN
         CASE WHEN a.attislocal THEN 'merged' ELSE 'inherited' END
       END AS inheritance,
       -- a foreign table column's options, sorted
       CASE WHEN a.attfdwoptions IS NOT NULL THEN
         (SELECT pg_catalog.array_agg(o ORDER BY o) FROM pg_catalog.unnest(a.attfdwoptions) o
         )::pg_catalog.text END AS fdw_options
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = a.attrelid
  AND ds.classoid = 'pg_class'::pg_catalog.regclass AND ds.objsubid = a.attnum
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
LEFT JOIN LATERAL (
  -- only identity columns look for their sequence: a lateral probe per column
  -- keeps the plan linear even when the catalogs have no statistics yet
  SELECT sc.relname, s.seqtypid, s.seqstart, s.seqincrement, s.seqmin, s.seqmax,
         s.seqcache, s.seqcycle
  FROM pg_catalog.pg_depend sd
  JOIN pg_catalog.pg_class sc ON sc.oid = sd.objid AND sc.relkind = 'S'
  JOIN pg_catalog.pg_sequence s ON s.seqrelid = sc.oid
  WHERE a.attidentity <> '' AND sd.refclassid = 'pg_class'::pg_catalog.regclass
    AND sd.refobjid = a.attrelid AND sd.refobjsubid = a.attnum
    AND sd.classid = 'pg_class'::pg_catalog.regclass AND sd.deptype = 'i'
) s ON true
WHERE c.relkind IN ('r', 'p', 'f') AND a.attnum > 0 AND NOT a.attisdropped
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
