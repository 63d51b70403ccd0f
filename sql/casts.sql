-- casts: user-defined ones (not built in, not an extension's), schema-less, named by their types
-- as format_type writes them under the empty search_path ("integer AS public.money2"); the
-- function as regprocedure (qualified, with its argument types)
SELECT 'pg_cast'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       c.oid AS _oid,
       pg_catalog.format_type(c.castsource, NULL) || ' AS ' ||
         pg_catalog.format_type(c.casttarget, NULL) AS name,
       pg_catalog.format_type(c.castsource, NULL) AS source,
       pg_catalog.format_type(c.casttarget, NULL) AS target,
       c.castmethod AS method,
       CASE WHEN c.castmethod = 'f'
            THEN c.castfunc::pg_catalog.regprocedure::pg_catalog.text END AS function,
       c.castcontext AS context,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = c.oid AND ds.classoid = 'pg_cast'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment
FROM pg_catalog.pg_cast c
WHERE c.oid >= 16384
  -- an extension's casts, and those a range type makes to its multirange (internal), are not ours
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_cast'::pg_catalog.regclass
                    AND d.objid = c.oid AND d.deptype IN ('e', 'i'))
