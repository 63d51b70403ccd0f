-- foreign_servers: servers not created by an extension (a server on an extension's wrapper is
-- the user's); the wrapper by name, options as a sorted text array of name=value.  Secret
-- options (names matching pass, secret, token, credential, or sslkey, as for user mappings)
-- never leave the server: only their names are read, in secret_options.
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
       opt.options::pg_catalog.text AS options,
       opt.secrets::pg_catalog.text AS secret_options
FROM pg_catalog.pg_foreign_server s
JOIN pg_catalog.pg_foreign_data_wrapper w ON w.oid = s.srvfdw
LEFT JOIN LATERAL (
  SELECT pg_catalog.array_agg(o.option_name || '=' || COALESCE(o.option_value, '')
                               ORDER BY o.option_name) FILTER (WHERE NOT o.secret) AS options,
         pg_catalog.array_agg(o.option_name ORDER BY o.option_name)
           FILTER (WHERE o.secret) AS secrets
  FROM (SELECT t.option_name, t.option_value,
               t.option_name ~* '(pass|secret|token|credential|^sslkey$)' AS secret
        FROM pg_catalog.pg_options_to_table(s.srvoptions) t) o
) opt ON true
WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_foreign_server'::pg_catalog.regclass
                    AND d.objid = s.oid AND d.deptype = 'e')
