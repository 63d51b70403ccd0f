-- publications: database-wide, no schema; the operations they publish in PostgreSQL's own
-- order, publish_via_partition_root (PostgreSQL 13+) through to_jsonb, and the schemas of
-- FOR TABLES IN SCHEMA (pg_publication_namespace, PostgreSQL 15+) through pg_depend, so that
-- one text serves PostgreSQL 12 to 17; the tables are kind "publication table"
SELECT 'pg_publication'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       p.oid AS _oid, p.pubname AS name,
       p.puballtables AS all_tables,
       pg_catalog.concat_ws(', ', CASE WHEN p.pubinsert THEN 'insert' END,
                            CASE WHEN p.pubupdate THEN 'update' END,
                            CASE WHEN p.pubdelete THEN 'delete' END,
                            CASE WHEN p.pubtruncate THEN 'truncate' END) AS publish,
       COALESCE((pg_catalog.to_jsonb(p) ->> 'pubviaroot')::pg_catalog.bool, false) AS via_root,
       (SELECT pg_catalog.array_agg(n.nspname ORDER BY n.nspname)
        FROM pg_catalog.pg_depend dp
        JOIN pg_catalog.pg_depend dn ON dn.classid = dp.classid AND dn.objid = dp.objid
         AND dn.refclassid = 'pg_namespace'::pg_catalog.regclass
        JOIN pg_catalog.pg_namespace n ON n.oid = dn.refobjid
        WHERE dp.refclassid = 'pg_publication'::pg_catalog.regclass AND dp.refobjid = p.oid
          AND dp.classid = pg_catalog.to_regclass('pg_catalog.pg_publication_namespace')::pg_catalog.oid
       )::pg_catalog.text AS schemas,
       pg_catalog.pg_get_userbyid(p.pubowner) AS owner,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = p.oid AND ds.classoid = 'pg_publication'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment
FROM pg_catalog.pg_publication p
WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_publication'::pg_catalog.regclass
                    AND d.objid = p.oid AND d.deptype = 'e')
