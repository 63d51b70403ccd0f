-- deps: what user objects depend on; schemas are implied by names and left out
SELECT d.classid, d.objid, d.objsubid, d.refclassid, d.refobjid, d.refobjsubid, d.deptype
FROM pg_catalog.pg_depend d
WHERE d.deptype IN ('n', 'a', 'i') AND d.objid >= 16384 AND d.refobjid >= 16384
  AND d.refclassid <> 'pg_namespace'::pg_catalog.regclass
  AND d.classid IN ('pg_class'::pg_catalog.regclass, 'pg_type'::pg_catalog.regclass,
                    'pg_constraint'::pg_catalog.regclass, 'pg_attrdef'::pg_catalog.regclass,
                    'pg_extension'::pg_catalog.regclass)
