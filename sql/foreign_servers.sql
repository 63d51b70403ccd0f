-- foreign_servers: servers not created by an extension (a server on an extension's wrapper is
-- the user's); the wrapper by name, options as a sorted text array of name=value
SELECT 'pg_foreign_server'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       s.oid AS _oid, s.srvname AS name,
       pg_catalog.pg_get_userbyid(s.srvowner) AS owner,
       (SELECT pg_catalog.array_agg(x::pg_catalog.text ORDER BY x::pg_catalog.text)
        FROM pg_catalog.unnest(COALESCE(s.srvacl, pg_catalog.acldefault('S', s.srvowner))) x
       )::pg_catalog.text AS acl,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = s.oid AND ds.classoid = 'pg_foreign_server'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment,
       w.fdwname AS wrapper, s.srvtype AS type, s.srvversion AS version,
       (SELECT pg_catalog.array_agg(o ORDER BY o) FROM pg_catalog.unnest(s.srvoptions) o)::pg_catalog.text
         AS options
FROM pg_catalog.pg_foreign_server s
JOIN pg_catalog.pg_foreign_data_wrapper w ON w.oid = s.srvfdw
WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_foreign_server'::pg_catalog.regclass
                    AND d.objid = s.oid AND d.deptype = 'e')
