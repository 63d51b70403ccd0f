-- sequences: options and OWNED BY; identity sequences belong to their column
SELECT 'pg_class'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       c.oid AS _oid, n.nspname AS schema, c.relname AS name,
       pg_catalog.format_type(s.seqtypid, NULL) AS data_type,
       s.seqstart::pg_catalog.text AS start, s.seqincrement::pg_catalog.text AS increment,
       s.seqmin::pg_catalog.text AS minvalue, s.seqmax::pg_catalog.text AS maxvalue,
       s.seqcache::pg_catalog.text AS cache, s.seqcycle AS cycle,
       c.relpersistence AS persistence,
       pg_catalog.pg_get_userbyid(c.relowner) AS owner,
       -- privileges sorted canonically; NULL (never granted) is the default spelt out
       (SELECT pg_catalog.array_agg(x::pg_catalog.text ORDER BY x::pg_catalog.text)
        FROM pg_catalog.unnest(COALESCE(c.relacl, pg_catalog.acldefault('s', c.relowner))) x
       )::pg_catalog.text AS acl,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = c.oid AND ds.classoid = 'pg_class'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment,
       (SELECT pg_catalog.quote_ident(tn.nspname) || '.' ||
               pg_catalog.quote_ident(t.relname) || '.' ||
               pg_catalog.quote_ident(a.attname)
        FROM pg_catalog.pg_depend d
        JOIN pg_catalog.pg_class t ON t.oid = d.refobjid
        JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
        JOIN pg_catalog.pg_attribute a
          ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
        WHERE d.classid = 'pg_class'::pg_catalog.regclass
          AND d.objid = c.oid AND d.refobjsubid > 0 AND d.deptype = 'a')
         AS owned_by
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
WHERE c.relkind = 'S'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_class'::pg_catalog.regclass
                    AND d.objid = c.oid AND d.deptype IN ('e', 'i'))
