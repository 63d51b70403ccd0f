-- unhandled: user objects of kinds pgdiff does not handle yet, counted and named
-- (none at present; a kind not modelled yet gets a SELECT of its name and each object's quoted
-- name here, UNION ALL, until it is)
WITH found(kind, name) AS (
  SELECT NULL::pg_catalog.text, NULL::pg_catalog.text WHERE false
)
SELECT kind, pg_catalog.count(*) AS count,
       pg_catalog.array_to_string((pg_catalog.array_agg(name ORDER BY name))[1:5], ', ') AS names
FROM found GROUP BY kind ORDER BY kind
