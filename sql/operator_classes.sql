-- operator classes: keyed by name and index method (in args); the members are the AS list of
-- CREATE OPERATOR CLASS (the rows pg_depend ties to the class, deptype 'i'), operators and
-- functions qualified under the empty search_path
SELECT 'pg_opclass'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       c.oid AS _oid, n.nspname AS schema, c.opcname AS name, am.amname AS args,
       pg_catalog.format_type(c.opcintype, NULL) AS type,
       c.opcdefault AS "default",
       pg_catalog.quote_ident(fn.nspname) || '.' || pg_catalog.quote_ident(f.opfname) AS family,
       pg_catalog.format_type(NULLIF(c.opckeytype, 0), NULL) AS storage,
       (SELECT pg_catalog.string_agg(x.member, ', ' ORDER BY x.ord, x.num, x.member)
        FROM (
          SELECT 1 AS ord, ao.amopstrategy AS num,
                 'OPERATOR ' || ao.amopstrategy || ' ' ||
                   ao.amopopr::pg_catalog.regoperator::pg_catalog.text
                   || CASE WHEN ao.amoppurpose = 'o' THEN
                        ' FOR ORDER BY ' || (SELECT pg_catalog.quote_ident(sn.nspname) || '.' ||
                                                    pg_catalog.quote_ident(sf.opfname)
                                             FROM pg_catalog.pg_opfamily sf
                                             JOIN pg_catalog.pg_namespace sn
                                               ON sn.oid = sf.opfnamespace
                                             WHERE sf.oid = ao.amopsortfamily)
                      ELSE '' END AS member
          FROM pg_catalog.pg_depend d
          JOIN pg_catalog.pg_amop ao ON ao.oid = d.objid
          WHERE d.refclassid = 'pg_opclass'::pg_catalog.regclass AND d.refobjid = c.oid
            AND d.classid = 'pg_amop'::pg_catalog.regclass AND d.deptype = 'i'
          UNION ALL
          SELECT 2, ap.amprocnum,
                 'FUNCTION ' || ap.amprocnum || ' (' ||
                   pg_catalog.format_type(ap.amproclefttype, NULL) || ', ' ||
                   pg_catalog.format_type(ap.amprocrighttype, NULL) || ') ' ||
                   ap.amproc::pg_catalog.regprocedure::pg_catalog.text
          FROM pg_catalog.pg_depend d
          JOIN pg_catalog.pg_amproc ap ON ap.oid = d.objid
          WHERE d.refclassid = 'pg_opclass'::pg_catalog.regclass AND d.refobjid = c.oid
            AND d.classid = 'pg_amproc'::pg_catalog.regclass AND d.deptype = 'i'
        ) x) AS members,
       pg_catalog.pg_get_userbyid(c.opcowner) AS owner,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = c.oid AND ds.classoid = 'pg_opclass'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment
FROM pg_catalog.pg_opclass c
JOIN pg_catalog.pg_namespace n ON n.oid = c.opcnamespace
JOIN pg_catalog.pg_am am ON am.oid = c.opcmethod
JOIN pg_catalog.pg_opfamily f ON f.oid = c.opcfamily
JOIN pg_catalog.pg_namespace fn ON fn.oid = f.opfnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_opclass'::pg_catalog.regclass
                    AND d.objid = c.oid AND d.deptype = 'e')
