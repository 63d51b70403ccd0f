-- unhandled: user objects of kinds pgdiff does not handle yet, counted and named
WITH user_ns AS (
  SELECT oid, nspname FROM pg_catalog.pg_namespace
  WHERE nspname NOT IN ('pg_catalog', 'information_schema')
    AND nspname !~ '^pg_(toast|temp_|toast_temp_)'
), ext_member AS (
  SELECT classid, objid FROM pg_catalog.pg_depend WHERE deptype = 'e'
), found(kind, name) AS (
  SELECT 'foreign table',
         pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname)
  FROM pg_catalog.pg_class c JOIN user_ns n ON n.oid = c.relnamespace
  WHERE c.relkind = 'f'
    AND ('pg_class'::pg_catalog.regclass::pg_catalog.oid, c.oid) NOT IN (SELECT * FROM ext_member)
  UNION ALL
  SELECT 'base type',
         pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(t.typname)
  FROM pg_catalog.pg_type t JOIN user_ns n ON n.oid = t.typnamespace
  WHERE t.typtype = 'b' AND t.typelem = 0 AND t.typrelid = 0
    AND ('pg_type'::pg_catalog.regclass::pg_catalog.oid, t.oid) NOT IN (SELECT * FROM ext_member)
  UNION ALL
  SELECT 'statistics object', pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(s.stxname)
  FROM pg_catalog.pg_statistic_ext s JOIN user_ns n ON n.oid = s.stxnamespace
  UNION ALL
  SELECT 'publication', pg_catalog.quote_ident(pubname) FROM pg_catalog.pg_publication
  UNION ALL
  SELECT 'foreign server', pg_catalog.quote_ident(srvname) FROM pg_catalog.pg_foreign_server
  UNION ALL
  SELECT 'text search configuration', pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(cfg.cfgname)
  FROM pg_catalog.pg_ts_config cfg JOIN user_ns n ON n.oid = cfg.cfgnamespace
  WHERE ('pg_ts_config'::pg_catalog.regclass::pg_catalog.oid, cfg.oid) NOT IN (SELECT * FROM ext_member)
)
SELECT kind, pg_catalog.count(*) AS count,
       pg_catalog.array_to_string((pg_catalog.array_agg(name ORDER BY name))[1:5], ', ') AS names
FROM found GROUP BY kind ORDER BY kind
