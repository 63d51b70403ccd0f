-- triggers: user triggers (constraint triggers included) with their definition and firing state;
-- internal ones (foreign keys, deferred keys) and clones on partitions (tgparentid, 13+) are left out
SELECT 'pg_trigger'::pg_catalog.regclass::pg_catalog.oid AS _classid,
       tg.oid AS _oid, tg.tgrelid AS _parent,
       (SELECT ds.description FROM pg_catalog.pg_description ds
        WHERE ds.objoid = tg.oid AND ds.classoid = 'pg_trigger'::pg_catalog.regclass
          AND ds.objsubid = 0) AS comment,
       n.nspname AS schema, tg.tgname AS name,
       pg_catalog.pg_get_triggerdef(tg.oid) AS definition,
       tg.tgenabled AS enabled
FROM pg_catalog.pg_trigger tg
JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE NOT tg.tgisinternal
  AND COALESCE(pg_catalog.to_jsonb(tg) ->> 'tgparentid', '0') = '0'
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_constraint k
                  WHERE k.oid = tg.tgconstraint AND k.contype <> 't')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
