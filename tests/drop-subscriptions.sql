-- drop-subscriptions.sql: run in a test database before it is dropped.  A database that
-- holds subscriptions cannot be dropped, not even WITH (FORCE); each is disabled and let go
-- of its slot first, so that DROP SUBSCRIPTION does not try to reach the publisher.
DO $$
DECLARE
	sub name;
BEGIN
	FOR sub IN SELECT subname FROM pg_catalog.pg_subscription
		   WHERE subdbid = (SELECT oid FROM pg_catalog.pg_database
				    WHERE datname = pg_catalog.current_database())
	LOOP
		EXECUTE pg_catalog.format('ALTER SUBSCRIPTION %I DISABLE', sub);
		EXECUTE pg_catalog.format('ALTER SUBSCRIPTION %I SET (slot_name = NONE)', sub);
		EXECUTE pg_catalog.format('DROP SUBSCRIPTION %I', sub);
	END LOOP;
END
$$;
