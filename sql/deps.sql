-- deps: what user objects depend on; schemas are implied by names and left out,
-- rows whose ends pgdiff does not model are dropped by the reader
SELECT d.classid, d.objid, d.objsubid, d.refclassid, d.refobjid, d.refobjsubid, d.deptype
FROM pg_catalog.pg_depend d
WHERE d.deptype IN ('n', 'a', 'i') AND d.objid >= 16384 AND d.refobjid >= 16384
  AND d.refclassid <> 'pg_namespace'::pg_catalog.regclass
