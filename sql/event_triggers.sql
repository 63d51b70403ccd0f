-- event triggers: database-wide, no schema; the function as regprocedure (qualified, with its
-- argument types), tags as a text array (NULL: every command)
SELECT 'pg_event_trigger'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       e.oid AS _oid, e.evtname AS name,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = e.oid AND ds.classoid = 'pg_event_trigger'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment,
       e.evtevent AS event,
       e.evttags::pg_catalog.text AS tags,
       e.evtfoid::pg_catalog.regprocedure::pg_catalog.text AS function,
       e.evtenabled AS enabled
FROM pg_catalog.pg_event_trigger e
WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_event_trigger'::pg_catalog.regclass
                    AND d.objid = e.oid AND d.deptype = 'e')
