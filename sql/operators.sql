-- operators: keyed by name and operand types (NONE for a missing operand), like routines;
-- functions as regproc and operators as OPERATOR(schema.name), qualified under the empty
-- search_path; shells (made by a COMMUTATOR or NEGATOR naming an undefined operator) are not
-- objects: CREATE OPERATOR makes them again, and fills one in
SELECT 'pg_operator'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       o.oid AS _oid, n.nspname AS schema, o.oprname AS name,
       COALESCE(pg_catalog.format_type(NULLIF(o.oprleft, 0), NULL), 'NONE') || ', ' ||
         COALESCE(pg_catalog.format_type(NULLIF(o.oprright, 0), NULL), 'NONE') AS args,
       o.oprcode::pg_catalog.regproc::pg_catalog.text AS function,
       pg_catalog.format_type(NULLIF(o.oprleft, 0), NULL) AS leftarg,
       pg_catalog.format_type(NULLIF(o.oprright, 0), NULL) AS rightarg,
       pg_catalog.format_type(o.oprresult, NULL) AS result,
       (SELECT 'OPERATOR(' || pg_catalog.quote_ident(cn.nspname) || '.' || c.oprname || ')'
        FROM pg_catalog.pg_operator c
        JOIN pg_catalog.pg_namespace cn ON cn.oid = c.oprnamespace
        WHERE c.oid = o.oprcom) AS commutator,
       (SELECT 'OPERATOR(' || pg_catalog.quote_ident(gn.nspname) || '.' || g.oprname || ')'
        FROM pg_catalog.pg_operator g
        JOIN pg_catalog.pg_namespace gn ON gn.oid = g.oprnamespace
        WHERE g.oid = o.oprnegate) AS negator,
       NULLIF(o.oprrest, 0)::pg_catalog.regproc::pg_catalog.text AS restrict,
       NULLIF(o.oprjoin, 0)::pg_catalog.regproc::pg_catalog.text AS "join",
       o.oprcanhash AS hashes,
       o.oprcanmerge AS merges,
       pg_catalog.pg_get_userbyid(o.oprowner) AS owner,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = o.oid AND ds.classoid = 'pg_operator'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment
FROM pg_catalog.pg_operator o
JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
WHERE o.oprcode <> 0
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_operator'::pg_catalog.regclass
                    AND d.objid = o.oid AND d.deptype = 'e')
