-- unhandled: user objects of kinds pgdiff does not handle yet, counted and named
WITH user_ns AS (
  SELECT oid, nspname FROM pg_catalog.pg_namespace
  WHERE nspname NOT IN ('pg_catalog', 'information_schema')
    AND nspname !~ '^pg_(toast|temp_|toast_temp_)'
), ext_member AS (
  SELECT classid, objid FROM pg_catalog.pg_depend WHERE deptype = 'e'
), found(kind, name) AS (
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
