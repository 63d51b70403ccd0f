-- rules: rewrite rules other than a view's _RETURN, with their definition and firing state
SELECT 'pg_rewrite'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       r.oid AS _oid, r.ev_class AS _parent,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = r.oid AND ds.classoid = 'pg_rewrite'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment,
       n.nspname AS schema, r.rulename AS name,
       pg_catalog.pg_get_ruledef(r.oid) AS definition,
       r.ev_enabled AS enabled
FROM pg_catalog.pg_rewrite r
JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE r.rulename <> '_RETURN'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
