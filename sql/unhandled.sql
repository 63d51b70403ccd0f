-- unhandled: user objects of kinds pgdiff does not handle yet, counted and named
WITH user_ns AS (
  SELECT oid, nspname FROM pg_catalog.pg_namespace
  WHERE nspname NOT IN ('pg_catalog', 'information_schema')
    AND nspname !~ '^pg_(toast|temp_|toast_temp_)'
), ext_member AS (
  SELECT classid, objid FROM pg_catalog.pg_depend WHERE deptype = 'e'
), found(kind, name) AS (
  SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'
                        WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table'
                        WHEN 'c' THEN 'composite type'
                        ELSE 'table partition or inheritance child' END,
         pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname)
  FROM pg_catalog.pg_class c JOIN user_ns n ON n.oid = c.relnamespace
  WHERE (c.relkind IN ('v', 'm', 'f', 'p')
         OR (c.relkind = 'r' AND (c.relispartition OR EXISTS
             (SELECT FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid))))
    AND ('pg_class'::pg_catalog.regclass::pg_catalog.oid, c.oid) NOT IN (SELECT * FROM ext_member)
  UNION ALL
  SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
         pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(p.proname) ||
         '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')'
  FROM pg_catalog.pg_proc p JOIN user_ns n ON n.oid = p.pronamespace
  WHERE ('pg_proc'::pg_catalog.regclass::pg_catalog.oid, p.oid) NOT IN (SELECT * FROM ext_member)
  UNION ALL
  SELECT CASE t.typtype WHEN 'd' THEN 'domain' WHEN 'r' THEN 'range type'
                        WHEN 'm' THEN 'multirange type' ELSE 'base type' END,
         pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(t.typname)
  FROM pg_catalog.pg_type t JOIN user_ns n ON n.oid = t.typnamespace
  WHERE t.typtype IN ('d', 'r', 'b') AND t.typelem = 0 AND t.typrelid = 0
    AND ('pg_type'::pg_catalog.regclass::pg_catalog.oid, t.oid) NOT IN (SELECT * FROM ext_member)
    AND t.typtype <> 'm'
  UNION ALL
  SELECT 'trigger', pg_catalog.quote_ident(tg.tgname) || ' on ' || tg.tgrelid::pg_catalog.regclass::pg_catalog.text
  FROM pg_catalog.pg_trigger tg
  JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid JOIN user_ns n ON n.oid = c.relnamespace
  WHERE NOT tg.tgisinternal
  UNION ALL
  SELECT 'policy', pg_catalog.quote_ident(pl.polname) || ' on ' || pl.polrelid::pg_catalog.regclass::pg_catalog.text
  FROM pg_catalog.pg_policy pl
  JOIN pg_catalog.pg_class c ON c.oid = pl.polrelid JOIN user_ns n ON n.oid = c.relnamespace
  UNION ALL
  SELECT 'rule', pg_catalog.quote_ident(r.rulename) || ' on ' || r.ev_class::pg_catalog.regclass::pg_catalog.text
  FROM pg_catalog.pg_rewrite r
  JOIN pg_catalog.pg_class c ON c.oid = r.ev_class JOIN user_ns n ON n.oid = c.relnamespace
  WHERE r.rulename <> '_RETURN'
  UNION ALL
  SELECT 'row level security setting', c.oid::pg_catalog.regclass::pg_catalog.text
  FROM pg_catalog.pg_class c JOIN user_ns n ON n.oid = c.relnamespace
  WHERE c.relrowsecurity OR c.relforcerowsecurity
  UNION ALL
  SELECT 'collation', pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(co.collname)
  FROM pg_catalog.pg_collation co JOIN user_ns n ON n.oid = co.collnamespace
  WHERE ('pg_collation'::pg_catalog.regclass::pg_catalog.oid, co.oid) NOT IN (SELECT * FROM ext_member)
  UNION ALL
  SELECT 'statistics object', pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(s.stxname)
  FROM pg_catalog.pg_statistic_ext s JOIN user_ns n ON n.oid = s.stxnamespace
  UNION ALL
  SELECT 'event trigger', pg_catalog.quote_ident(evtname) FROM pg_catalog.pg_event_trigger
  UNION ALL
  SELECT 'publication', pg_catalog.quote_ident(pubname) FROM pg_catalog.pg_publication
  UNION ALL
  SELECT 'foreign server', pg_catalog.quote_ident(srvname) FROM pg_catalog.pg_foreign_server
  UNION ALL
  SELECT 'text search configuration', pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(cfg.cfgname)
  FROM pg_catalog.pg_ts_config cfg JOIN user_ns n ON n.oid = cfg.cfgnamespace
  WHERE ('pg_ts_config'::pg_catalog.regclass::pg_catalog.oid, cfg.oid) NOT IN (SELECT * FROM ext_member)
  UNION ALL
  SELECT 'comment', pg_catalog.pg_describe_object(d.classoid, d.objoid, d.objsubid)
  FROM pg_catalog.pg_description d
  WHERE d.objoid >= 16384 AND (d.classoid, d.objoid) NOT IN (SELECT * FROM ext_member)
    AND d.classoid NOT IN ('pg_namespace'::pg_catalog.regclass, 'pg_extension'::pg_catalog.regclass)
  UNION ALL
  SELECT 'privilege', c.oid::pg_catalog.regclass::pg_catalog.text
  FROM pg_catalog.pg_class c JOIN user_ns n ON n.oid = c.relnamespace
  WHERE c.relacl IS NOT NULL
  UNION ALL
  SELECT 'default privilege', pg_catalog.pg_get_userbyid(defaclrole)
  FROM pg_catalog.pg_default_acl
)
SELECT kind, pg_catalog.count(*) AS count,
       pg_catalog.array_to_string((pg_catalog.array_agg(name ORDER BY name))[1:5], ', ') AS names
FROM found GROUP BY kind ORDER BY kind
