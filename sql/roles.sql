-- roles: the server's roles (cluster-wide), so that grants to roles the other side lacks are reported
SELECT r.rolname FROM pg_catalog.pg_roles r
