-- foreign_data_wrappers: wrappers not created by an extension (postgres_fdw's and file_fdw's
-- are its members); handler and validator as regproc text (qualified unless in pg_catalog),
-- options as a sorted text array of name=value
SELECT 'pg_foreign_data_wrapper'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       w.oid AS _oid, w.fdwname AS name,
       pg_catalog.pg_get_userbyid(w.fdwowner) AS owner,
       (SELECT pg_catalog.array_agg(x::pg_catalog.text ORDER BY x::pg_catalog.text)
        FROM pg_catalog.unnest(COALESCE(w.fdwacl, pg_catalog.acldefault('F', w.fdwowner))) x
       )::pg_catalog.text AS acl,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = w.oid AND ds.classoid = 'pg_foreign_data_wrapper'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment,
       CASE WHEN w.fdwhandler <> 0 THEN w.fdwhandler::pg_catalog.regproc::pg_catalog.text END
         AS handler,
       CASE WHEN w.fdwvalidator <> 0 THEN w.fdwvalidator::pg_catalog.regproc::pg_catalog.text END
         AS validator,
       (SELECT pg_catalog.array_agg(o ORDER BY o) FROM pg_catalog.unnest(w.fdwoptions) o)::pg_catalog.text
         AS options
FROM pg_catalog.pg_foreign_data_wrapper w
WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_foreign_data_wrapper'::pg_catalog.regclass
                    AND d.objid = w.oid AND d.deptype = 'e')
