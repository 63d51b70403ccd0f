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
  UNION ALL
  SELECT 'text search dictionary', pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(d.dictname)
  FROM pg_catalog.pg_ts_dict d JOIN user_ns n ON n.oid = d.dictnamespace
  WHERE ('pg_ts_dict'::pg_catalog.regclass::pg_catalog.oid, d.oid) NOT IN (SELECT * FROM ext_member)
  UNION ALL
  SELECT 'text search parser', pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(p.prsname)
  FROM pg_catalog.pg_ts_parser p JOIN user_ns n ON n.oid = p.prsnamespace
  WHERE ('pg_ts_parser'::pg_catalog.regclass::pg_catalog.oid, p.oid) NOT IN (SELECT * FROM ext_member)
  UNION ALL
  SELECT 'text search template', pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(t.tmplname)
  FROM pg_catalog.pg_ts_template t JOIN user_ns n ON n.oid = t.tmplnamespace
  WHERE ('pg_ts_template'::pg_catalog.regclass::pg_catalog.oid, t.oid) NOT IN (SELECT * FROM ext_member)
  UNION ALL
  SELECT 'foreign-data wrapper', pg_catalog.quote_ident(w.fdwname) FROM pg_catalog.pg_foreign_data_wrapper w
  WHERE ('pg_foreign_data_wrapper'::pg_catalog.regclass::pg_catalog.oid, w.oid) NOT IN (SELECT * FROM ext_member)
  UNION ALL
  SELECT 'user mapping', pg_catalog.quote_ident(um.usename) || ' on ' || pg_catalog.quote_ident(um.srvname)
  FROM pg_catalog.pg_user_mappings um
  UNION ALL
  SELECT 'cast', pg_catalog.format('(%s AS %s)', c.castsource::pg_catalog.regtype, c.casttarget::pg_catalog.regtype)
  FROM pg_catalog.pg_cast c
  WHERE c.oid >= 16384
    AND ('pg_cast'::pg_catalog.regclass::pg_catalog.oid, c.oid) NOT IN (SELECT * FROM ext_member)
  UNION ALL
  SELECT 'operator', pg_catalog.quote_ident(n.nspname) || '.' || o.oprname
  FROM pg_catalog.pg_operator o JOIN user_ns n ON n.oid = o.oprnamespace
  WHERE ('pg_operator'::pg_catalog.regclass::pg_catalog.oid, o.oid) NOT IN (SELECT * FROM ext_member)
  UNION ALL
  SELECT 'operator class', pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(oc.opcname)
  FROM pg_catalog.pg_opclass oc JOIN user_ns n ON n.oid = oc.opcnamespace
  WHERE ('pg_opclass'::pg_catalog.regclass::pg_catalog.oid, oc.oid) NOT IN (SELECT * FROM ext_member)
  UNION ALL
  SELECT 'operator family', pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(of.opfname)
  FROM pg_catalog.pg_opfamily of JOIN user_ns n ON n.oid = of.opfnamespace
  WHERE ('pg_opfamily'::pg_catalog.regclass::pg_catalog.oid, of.oid) NOT IN (SELECT * FROM ext_member)
  UNION ALL
  SELECT 'conversion', pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(cv.conname)
  FROM pg_catalog.pg_conversion cv JOIN user_ns n ON n.oid = cv.connamespace
  WHERE ('pg_conversion'::pg_catalog.regclass::pg_catalog.oid, cv.oid) NOT IN (SELECT * FROM ext_member)
  UNION ALL
  SELECT 'procedural language', pg_catalog.quote_ident(l.lanname) FROM pg_catalog.pg_language l
  WHERE l.oid >= 16384
    AND ('pg_language'::pg_catalog.regclass::pg_catalog.oid, l.oid) NOT IN (SELECT * FROM ext_member)
  UNION ALL
  SELECT 'access method', pg_catalog.quote_ident(am.amname) FROM pg_catalog.pg_am am
  WHERE am.oid >= 16384
    AND ('pg_am'::pg_catalog.regclass::pg_catalog.oid, am.oid) NOT IN (SELECT * FROM ext_member)
  UNION ALL
  SELECT 'transform', pg_catalog.format('FOR %s LANGUAGE %s', tr.trftype::pg_catalog.regtype, l.lanname)
  FROM pg_catalog.pg_transform tr JOIN pg_catalog.pg_language l ON l.oid = tr.trflang
  WHERE ('pg_transform'::pg_catalog.regclass::pg_catalog.oid, tr.oid) NOT IN (SELECT * FROM ext_member)
  UNION ALL
  SELECT 'subscription', pg_catalog.quote_ident(su.subname) FROM pg_catalog.pg_subscription su
  WHERE su.subdbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())
)
SELECT kind, pg_catalog.count(*) AS count,
       pg_catalog.array_to_string((pg_catalog.array_agg(name ORDER BY name))[1:5], ', ') AS names
FROM found GROUP BY kind ORDER BY kind
