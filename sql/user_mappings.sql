-- user_mappings: keyed by role ('public' for PUBLIC, a name no role can have) and, as args,
-- the quoted server name.  Secret options (names matching pass, secret, token, credential,
-- or sslkey) never leave the server: only their names are read, in secret_options.
-- pg_user_mappings shows umoptions only to the mapped user, the server's owner and
-- superusers: options_readable says whether options (NULL) means none or hidden.
SELECT 'pg_user_mapping'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       um.umid AS _oid, um.usename AS name, pg_catalog.quote_ident(um.srvname) AS args,
       um.umuser = 0 AS public,
       um.srvname AS server,
       opt.options::pg_catalog.text AS options,
       opt.secrets::pg_catalog.text AS secret_options,
       (um.umoptions IS NOT NULL
        OR (um.umuser <> 0 AND um.usename = CURRENT_USER
            AND (pg_catalog.pg_has_role(s.srvowner, 'USAGE')
                 OR pg_catalog.has_server_privilege(s.oid, 'USAGE')))
        OR (um.umuser = 0 AND pg_catalog.pg_has_role(s.srvowner, 'USAGE'))
        OR COALESCE((SELECT r.rolsuper FROM pg_catalog.pg_roles r
                     WHERE r.rolname = CURRENT_USER), false)) AS options_readable
FROM pg_catalog.pg_user_mappings um
JOIN pg_catalog.pg_foreign_server s ON s.oid = um.srvid
LEFT JOIN LATERAL (
  SELECT pg_catalog.array_agg(o.option_name || '=' || COALESCE(o.option_value, '')
                               ORDER BY o.option_name) FILTER (WHERE NOT o.secret) AS options,
         pg_catalog.array_agg(o.option_name ORDER BY o.option_name)
           FILTER (WHERE o.secret) AS secrets
  FROM (SELECT t.option_name, t.option_value,
               t.option_name ~* '(pass|secret|token|credential|^sslkey$)' AS secret
        FROM pg_catalog.pg_options_to_table(um.umoptions) t) o
) opt ON true
WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_foreign_server'::pg_catalog.regclass
                    AND d.objid = s.oid AND d.deptype = 'e')
