-- aggregates: keyed by argument types like functions; the options of CREATE AGGREGATE
-- from pg_aggregate (functions as regproc, schema-qualified under the empty search_path)
SELECT 'pg_proc'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       p.oid AS _oid, n.nspname AS schema, p.proname AS name,
       pg_catalog.oidvectortypes(p.proargtypes) AS args,
       pg_catalog.pg_get_function_identity_arguments(p.oid) AS identity,
       pg_catalog.pg_get_function_arguments(p.oid) AS arguments,
       a.aggkind AS kind,
       a.aggtransfn::pg_catalog.regproc::pg_catalog.text AS sfunc,
       pg_catalog.format_type(a.aggtranstype, NULL) AS stype,
       NULLIF(a.aggtransspace, 0)::pg_catalog.text AS sspace,
       NULLIF(a.aggfinalfn, 0)::pg_catalog.regproc::pg_catalog.text AS finalfunc,
       a.aggfinalextra AS finalfunc_extra,
       a.aggfinalmodify AS finalfunc_modify,
       NULLIF(a.aggcombinefn, 0)::pg_catalog.regproc::pg_catalog.text AS combinefunc,
       NULLIF(a.aggserialfn, 0)::pg_catalog.regproc::pg_catalog.text AS serialfunc,
       NULLIF(a.aggdeserialfn, 0)::pg_catalog.regproc::pg_catalog.text AS deserialfunc,
       a.agginitval AS initcond,
       NULLIF(a.aggmtransfn, 0)::pg_catalog.regproc::pg_catalog.text AS msfunc,
       NULLIF(a.aggminvtransfn, 0)::pg_catalog.regproc::pg_catalog.text AS minvfunc,
       CASE WHEN a.aggmtranstype <> 0 THEN pg_catalog.format_type(a.aggmtranstype, NULL) END
         AS mstype,
       NULLIF(a.aggmtransspace, 0)::pg_catalog.text AS msspace,
       NULLIF(a.aggmfinalfn, 0)::pg_catalog.regproc::pg_catalog.text AS mfinalfunc,
       a.aggmfinalextra AS mfinalfunc_extra,
       a.aggmfinalmodify AS mfinalfunc_modify,
       a.aggminitval AS minitcond,
       (SELECT 'OPERATOR(' || pg_catalog.quote_ident(on_.nspname) || '.' || o.oprname || ')'
        FROM pg_catalog.pg_operator o
        JOIN pg_catalog.pg_namespace on_ ON on_.oid = o.oprnamespace
        WHERE o.oid = a.aggsortop) AS sortop,
       p.proparallel AS parallel,
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
JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid
WHERE p.prokind = 'a'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_proc'::pg_catalog.regclass
                    AND d.objid = p.oid AND d.deptype = 'e')
