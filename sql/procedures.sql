-- procedures: keyed by input argument types like functions; ALTER PROCEDURE changes only
-- SECURITY and SET, everything else is in pg_get_functiondef's CREATE OR REPLACE
SELECT 'pg_proc'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       p.oid AS _oid, n.nspname AS schema, p.proname AS name,
       pg_catalog.oidvectortypes(p.proargtypes) AS args,
       pg_catalog.pg_get_function_identity_arguments(p.oid) AS identity,
       pg_catalog.pg_get_function_arguments(p.oid) AS arguments,
       (SELECT pg_catalog.string_agg(pg_catalog.concat_ws(' ',
                 CASE a.mode WHEN 'o' THEN 'OUT' WHEN 'b' THEN 'INOUT'
                             WHEN 'v' THEN 'VARIADIC' END,
                 pg_catalog.quote_ident(NULLIF(a.name, '')),
                 pg_catalog.format_type(a.type, NULL)), ', ' ORDER BY a.i)
        FROM ROWS FROM (pg_catalog.unnest(COALESCE(p.proallargtypes,
                                                    p.proargtypes::pg_catalog.oid[])),
                        pg_catalog.unnest(p.proargmodes), pg_catalog.unnest(p.proargnames))
             WITH ORDINALITY AS a(type, mode, name, i)) AS parameters,
       p.pronargdefaults::pg_catalog.text AS ndefaults,
       l.lanname AS language,
       p.prosecdef AS security_definer,
       p.proconfig::pg_catalog.text AS config,
       pg_catalog.pg_get_functiondef(p.oid) AS definition,
       pg_catalog.pg_get_userbyid(p.proowner) AS owner,
       -- privileges sorted canonically; NULL (never granted) is the default spelt out
       (SELECT pg_catalog.array_agg(x::pg_catalog.text ORDER BY x::pg_catalog.text)
        FROM pg_catalog.unnest(COALESCE(p.proacl, pg_catalog.acldefault('f', p.proowner))) x
       )::pg_catalog.text AS acl,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = p.oid AND ds.classoid = 'pg_proc'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
JOIN pg_catalog.pg_language l ON l.oid = p.prolang
WHERE p.prokind = 'p'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_proc'::pg_catalog.regclass
                    AND d.objid = p.oid AND d.deptype = 'e')
