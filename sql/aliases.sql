-- aliases: catalog rows that stand for a modelled object (a default for its column, an array
-- type for its element, a constraint's index for the constraint, an extension's member for the extension)
SELECT 'pg_attrdef'::pg_catalog.regclass::pg_catalog.oid AS classid, ad.oid AS objid, 0 AS subid,
       'pg_class'::pg_catalog.regclass::pg_catalog.oid AS to_classid, ad.adrelid AS to_objid,
       ad.adnum::pg_catalog.int4 AS to_subid
FROM pg_catalog.pg_attrdef ad
UNION ALL
SELECT 'pg_type'::pg_catalog.regclass, t.oid, 0, 'pg_class'::pg_catalog.regclass, t.typrelid, 0
FROM pg_catalog.pg_type t WHERE t.typrelid <> 0 AND t.oid >= 16384
UNION ALL
SELECT 'pg_type'::pg_catalog.regclass, t.typarray, 0, 'pg_type'::pg_catalog.regclass, t.oid, 0
FROM pg_catalog.pg_type t WHERE t.typarray <> 0 AND t.oid >= 16384
UNION ALL
SELECT 'pg_class'::pg_catalog.regclass, k.conindid, 0, 'pg_constraint'::pg_catalog.regclass, k.oid, 0
FROM pg_catalog.pg_constraint k WHERE k.contype IN ('p', 'u', 'x') AND k.conindid <> 0
UNION ALL
SELECT d.classid, d.objid, 0, d.refclassid, d.refobjid, d.refobjsubid
FROM pg_catalog.pg_depend d
JOIN pg_catalog.pg_class s ON s.oid = d.objid AND s.relkind = 'S'
WHERE d.classid = 'pg_class'::pg_catalog.regclass AND d.deptype = 'i'
UNION ALL
-- a multirange type stands for its range type
SELECT d.classid, d.objid, 0, d.refclassid, d.refobjid, 0
FROM pg_catalog.pg_depend d
JOIN pg_catalog.pg_type mt ON mt.oid = d.objid AND mt.typtype = 'm'
WHERE d.classid = 'pg_type'::pg_catalog.regclass AND d.refclassid = 'pg_type'::pg_catalog.regclass
  AND d.deptype = 'i'
UNION ALL
-- a view's query is its _RETURN rule: what the rule uses, the view uses
SELECT 'pg_rewrite'::pg_catalog.regclass, r.oid, 0, 'pg_class'::pg_catalog.regclass, r.ev_class, 0
FROM pg_catalog.pg_rewrite r WHERE r.rulename = '_RETURN' AND r.oid >= 16384
UNION ALL
-- an operator family's or class's member (pg_amop, pg_amproc row) is the family (a loose member)
-- or the class it belongs to: what the member uses, the family or class uses
SELECT d.classid, d.objid, 0, d.refclassid, d.refobjid, 0
FROM pg_catalog.pg_depend d
WHERE d.classid IN ('pg_amop'::pg_catalog.regclass, 'pg_amproc'::pg_catalog.regclass)
  AND d.refclassid IN ('pg_opfamily'::pg_catalog.regclass, 'pg_opclass'::pg_catalog.regclass)
  AND d.deptype IN ('a', 'i') AND d.objid >= 16384
UNION ALL
SELECT d.classid, d.objid, d.objsubid, d.refclassid, d.refobjid, 0
FROM pg_catalog.pg_depend d WHERE d.deptype = 'e'
UNION ALL
-- a constraint trigger's pg_constraint row (what its FROM table is recorded on) is the trigger
SELECT 'pg_constraint'::pg_catalog.regclass, k.oid, 0, 'pg_trigger'::pg_catalog.regclass, tg.oid, 0
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_trigger tg ON tg.tgconstraint = k.oid AND NOT tg.tgisinternal
WHERE k.contype = 't'
