-- text search dictionaries: the template, qualified, and the options as the server keeps them
-- (dictinitoption: "name = 'value', ..." in the order they were set; ALTER moves a changed one last)
SELECT 'pg_ts_dict'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       d.oid AS _oid, n.nspname AS schema, d.dictname AS name,
       pg_catalog.quote_ident(tn.nspname) || '.' || pg_catalog.quote_ident(t.tmplname) AS template,
       d.dictinitoption AS options,
       pg_catalog.pg_get_userbyid(d.dictowner) AS owner,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = d.oid AND ds.classoid = 'pg_ts_dict'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment
FROM pg_catalog.pg_ts_dict d
JOIN pg_catalog.pg_namespace n ON n.oid = d.dictnamespace
JOIN pg_catalog.pg_ts_template t ON t.oid = d.dicttemplate
JOIN pg_catalog.pg_namespace tn ON tn.oid = t.tmplnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend dp
                  WHERE dp.classid = 'pg_ts_dict'::pg_catalog.regclass
                    AND dp.objid = d.oid AND dp.deptype = 'e')
