-- text search configurations: the parser, qualified, and the mappings as a text array of
-- "tokentype WITH schema.dict, ..." in token type order (dictionaries in their order of use)
SELECT 'pg_ts_config'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       c.oid AS _oid, n.nspname AS schema, c.cfgname AS name,
       pg_catalog.quote_ident(pn.nspname) || '.' || pg_catalog.quote_ident(p.prsname) AS parser,
       (SELECT pg_catalog.array_agg(tt.alias || ' WITH ' || m.dicts ORDER BY m.maptokentype)
        FROM (SELECT mp.maptokentype,
                     pg_catalog.string_agg(pg_catalog.quote_ident(dn.nspname) || '.' ||
                                           pg_catalog.quote_ident(dc.dictname),
                                           ', ' ORDER BY mp.mapseqno) AS dicts
              FROM pg_catalog.pg_ts_config_map mp
              JOIN pg_catalog.pg_ts_dict dc ON dc.oid = mp.mapdict
              JOIN pg_catalog.pg_namespace dn ON dn.oid = dc.dictnamespace
              WHERE mp.mapcfg = c.oid
              GROUP BY mp.maptokentype) m
        JOIN pg_catalog.ts_token_type(c.cfgparser) tt ON tt.tokid = m.maptokentype
       )::pg_catalog.text AS mappings,
       pg_catalog.pg_get_userbyid(c.cfgowner) AS owner,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = c.oid AND ds.classoid = 'pg_ts_config'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment
FROM pg_catalog.pg_ts_config c
JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace
JOIN pg_catalog.pg_ts_parser p ON p.oid = c.cfgparser
JOIN pg_catalog.pg_namespace pn ON pn.oid = p.prsnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend dp
                  WHERE dp.classid = 'pg_ts_config'::pg_catalog.regclass
                    AND dp.objid = c.oid AND dp.deptype = 'e')
