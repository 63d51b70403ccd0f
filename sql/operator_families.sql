-- operator families: keyed by name and index method (in args); the facts are the loose
-- members (tied to the family, not to one of its classes, by pg_depend deptype 'a'), each as the
-- clause ALTER OPERATOR FAMILY ... ADD takes, with the clause DROP takes alongside.  Every family
-- is listed, also the one CREATE OPERATOR CLASS makes without FAMILY: classes name theirs
SELECT 'pg_opfamily'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       f.oid AS _oid, n.nspname AS schema, f.opfname AS name, am.amname AS args,
       m.adds AS members, m.drops AS member_keys,
       pg_catalog.pg_get_userbyid(f.opfowner) AS owner,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = f.oid AND ds.classoid = 'pg_opfamily'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment
FROM pg_catalog.pg_opfamily f
JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace
JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod
CROSS JOIN LATERAL (
  SELECT pg_catalog.array_agg(x.add ORDER BY x.ord, x.num, x.drop)::pg_catalog.text AS adds,
         pg_catalog.array_agg(x.drop ORDER BY x.ord, x.num, x.drop)::pg_catalog.text AS drops
  FROM (
    SELECT 1 AS ord, ao.amopstrategy AS num,
           'OPERATOR ' || ao.amopstrategy || ' ' || ao.amopopr::pg_catalog.regoperator::pg_catalog.text
             || CASE WHEN ao.amoppurpose = 'o' THEN
                  ' FOR ORDER BY ' || (SELECT pg_catalog.quote_ident(sn.nspname) || '.' ||
                                              pg_catalog.quote_ident(sf.opfname)
                                       FROM pg_catalog.pg_opfamily sf
                                       JOIN pg_catalog.pg_namespace sn ON sn.oid = sf.opfnamespace
                                       WHERE sf.oid = ao.amopsortfamily)
                ELSE '' END AS add,
           'OPERATOR ' || ao.amopstrategy || ' (' ||
             pg_catalog.format_type(ao.amoplefttype, NULL) || ', ' ||
             pg_catalog.format_type(ao.amoprighttype, NULL) || ')' AS drop
    FROM pg_catalog.pg_amop ao
    JOIN pg_catalog.pg_depend d ON d.classid = 'pg_amop'::pg_catalog.regclass AND d.objid = ao.oid
      AND d.refclassid = 'pg_opfamily'::pg_catalog.regclass AND d.deptype = 'a'
    WHERE ao.amopfamily = f.oid
    UNION ALL
    SELECT 2, ap.amprocnum,
           'FUNCTION ' || ap.amprocnum || ' (' ||
             pg_catalog.format_type(ap.amproclefttype, NULL) || ', ' ||
             pg_catalog.format_type(ap.amprocrighttype, NULL) || ') ' ||
             ap.amproc::pg_catalog.regprocedure::pg_catalog.text,
           'FUNCTION ' || ap.amprocnum || ' (' ||
             pg_catalog.format_type(ap.amproclefttype, NULL) || ', ' ||
             pg_catalog.format_type(ap.amprocrighttype, NULL) || ')'
    FROM pg_catalog.pg_amproc ap
    JOIN pg_catalog.pg_depend d ON d.classid = 'pg_amproc'::pg_catalog.regclass AND d.objid = ap.oid
      AND d.refclassid = 'pg_opfamily'::pg_catalog.regclass AND d.deptype = 'a'
    WHERE ap.amprocfamily = f.oid
  ) x
) m
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_opfamily'::pg_catalog.regclass
                    AND d.objid = f.oid AND d.deptype = 'e')
