-- languages: procedural languages not built in (internal, c, sql) and not an extension's (plpgsql
-- is one); the call handler, inline handler and validator as regproc text, by name as CREATE
-- LANGUAGE takes them (their argument types are fixed), qualified unless in pg_catalog
SELECT 'pg_language'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       l.oid AS _oid, l.lanname AS name,
       l.lanpltrusted AS trusted,
       NULLIF(l.lanplcallfoid, 0)::pg_catalog.regproc::pg_catalog.text AS handler,
       NULLIF(l.laninline, 0)::pg_catalog.regproc::pg_catalog.text AS inline,
       NULLIF(l.lanvalidator, 0)::pg_catalog.regproc::pg_catalog.text AS validator,
       pg_catalog.pg_get_userbyid(l.lanowner) AS owner,
       -- privileges sorted canonically; NULL (never granted) is the default spelt out
       (SELECT pg_catalog.array_agg(x::pg_catalog.text ORDER BY x::pg_catalog.text)
        FROM pg_catalog.unnest(COALESCE(l.lanacl, pg_catalog.acldefault('l', l.lanowner))) x
       )::pg_catalog.text AS acl,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = l.oid AND ds.classoid = 'pg_language'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment
FROM pg_catalog.pg_language l
WHERE l.oid >= 16384
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_language'::pg_catalog.regclass
                    AND d.objid = l.oid AND d.deptype = 'e')
