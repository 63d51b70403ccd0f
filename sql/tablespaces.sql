-- tablespaces: the server's tablespaces (cluster-wide), so that statements naming one the other side lacks are reported
SELECT s.spcname FROM pg_catalog.pg_tablespace s
