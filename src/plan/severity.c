/* severity.c: the rule table: each kind of change, its hazards and its reason. */
#include "pgdiff/plan.h"
#include "pgdiff/util.h"

#define LOSS HZ_DATA_LOSS
#define BREAKS HZ_BREAKS_DEPENDENTS
#define REWRITE HZ_TABLE_REWRITE
#define FAIL HZ_MAY_FAIL
#define LOCK HZ_EXCLUSIVE_LOCK
#define SLOW HZ_SLOWER_QUERIES

/* Indexed by change, so kinds can add rules anywhere; the man page's SEVERITY list mirrors it. */
static const struct rule rules[CH_NCHANGES] = {
	[CH_CREATE_SCHEMA] = { CH_CREATE_SCHEMA, "create a schema", 0, "creates schema %s", LOCK_NONE },
	[CH_DROP_SCHEMA] = { CH_DROP_SCHEMA, "drop a schema", LOSS | BREAKS,
	  "drops schema %s: code that uses it breaks", LOCK_ACCESS_EXCLUSIVE },
	[CH_CREATE_EXTENSION] = { CH_CREATE_EXTENSION, "create an extension", 0,
	  "creates extension %s", LOCK_NONE },
	[CH_DROP_EXTENSION] = { CH_DROP_EXTENSION, "drop an extension", LOSS | BREAKS,
	  "drops extension %s and everything it provides", LOCK_ACCESS_EXCLUSIVE },
	[CH_UPDATE_EXTENSION] = { CH_UPDATE_EXTENSION, "change an extension's version", FAIL,
	  "updates extension %s: its objects change and the update script may fail", LOCK_ACCESS_EXCLUSIVE },
	[CH_MOVE_EXTENSION] = { CH_MOVE_EXTENSION, "move an extension to another schema", BREAKS,
	  "moves extension %s: code naming its objects by schema breaks", LOCK_ACCESS_EXCLUSIVE },
	[CH_CREATE_ENUM] = { CH_CREATE_ENUM, "create an enum type", 0, "creates type %s", LOCK_NONE },
	[CH_DROP_ENUM] = { CH_DROP_ENUM, "drop an enum type", BREAKS,
	  "drops type %s: code that uses it breaks", LOCK_ACCESS_EXCLUSIVE },
	[CH_ADD_ENUM_VALUE] = { CH_ADD_ENUM_VALUE, "add an enum value", 0,
	  "adds a value to type %s", LOCK_NONE },
	[CH_REBUILD_ENUM] = { CH_REBUILD_ENUM, "remove or reorder enum values", LOSS | FAIL,
	  "rebuilds type %s without some values: rows holding them make it fail", LOCK_ACCESS_EXCLUSIVE },
	[CH_RETYPE_ENUM_COLUMN] = { CH_RETYPE_ENUM_COLUMN, "move a column to a rebuilt enum", REWRITE | FAIL,
	  "converts column %s to the rebuilt type: rewrites the table", LOCK_ACCESS_EXCLUSIVE },
	[CH_DROP_OLD_ENUM] = { CH_DROP_OLD_ENUM, "drop the old copy of a rebuilt enum", 0,
	  "drops the old copy of type %s", LOCK_ACCESS_EXCLUSIVE },
	[CH_CREATE_SEQUENCE] = { CH_CREATE_SEQUENCE, "create a sequence", 0, "creates sequence %s", LOCK_NONE },
	[CH_DROP_SEQUENCE] = { CH_DROP_SEQUENCE, "drop a sequence", LOSS,
	  "drops sequence %s: its current value is lost", LOCK_ACCESS_EXCLUSIVE },
	[CH_ALTER_SEQUENCE] = { CH_ALTER_SEQUENCE, "change sequence options", 0,
	  "changes the options of sequence %s", LOCK_SHARE_ROW_EXCLUSIVE },
	[CH_SEQUENCE_OWNER] = { CH_SEQUENCE_OWNER, "change a sequence's OWNED BY", 0,
	  "changes the column that owns sequence %s", LOCK_SHARE_ROW_EXCLUSIVE },
	[CH_CREATE_TABLE] = { CH_CREATE_TABLE, "create a table", 0, "creates table %s", LOCK_NONE },
	[CH_DROP_TABLE] = { CH_DROP_TABLE, "drop a table", LOSS,
	  "drops table %s: its data is lost", LOCK_ACCESS_EXCLUSIVE },
	[CH_TABLE_PERSISTENCE] = { CH_TABLE_PERSISTENCE, "switch a table between LOGGED and UNLOGGED",
	  REWRITE | LOCK,
	  "changes the logging of table %s: rewrites it under an exclusive lock", LOCK_ACCESS_EXCLUSIVE },
	[CH_ADD_COLUMN] = { CH_ADD_COLUMN, "add a nullable column or one with a constant default", 0,
	  "adds column %s", LOCK_ACCESS_EXCLUSIVE },
	[CH_ADD_COLUMN_NOT_NULL] = { CH_ADD_COLUMN_NOT_NULL, "add a NOT NULL column without a default", FAIL,
	  "adds NOT NULL column %s without a default: fails if the table has rows", LOCK_ACCESS_EXCLUSIVE },
	[CH_ADD_COLUMN_REWRITE] = { CH_ADD_COLUMN_REWRITE,
	  "add a column computed per row (volatile default, identity, generated)",
	  REWRITE | LOCK,
	  "adds column %s, computed for every row: rewrites the table", LOCK_ACCESS_EXCLUSIVE },
	[CH_DROP_COLUMN] = { CH_DROP_COLUMN, "drop a column", LOSS,
	  "drops column %s: its data is lost", LOCK_ACCESS_EXCLUSIVE },
	[CH_RECREATE_COLUMN] = { CH_RECREATE_COLUMN, "drop and re-add a column to change its generation",
	  LOSS | REWRITE,
	  "drops and re-adds column %s: its current values are replaced", LOCK_ACCESS_EXCLUSIVE },
	[CH_COLUMN_TYPE_SAFE] = { CH_COLUMN_TYPE_SAFE, "widen a column type without a rewrite", 0,
	  "widens the type of column %s (no rewrite)", LOCK_ACCESS_EXCLUSIVE },
	[CH_COLUMN_TYPE] = { CH_COLUMN_TYPE, "change a column type to a wider one", REWRITE | LOCK,
	  "changes the type of column %s: rewrites the table under an exclusive lock", LOCK_ACCESS_EXCLUSIVE },
	[CH_COLUMN_TYPE_LOSSY] = { CH_COLUMN_TYPE_LOSSY, "change a column type in a way that can lose data",
	  LOSS | REWRITE | FAIL,
	  "converts column %s to another type: values may be cut, changed or rejected", LOCK_ACCESS_EXCLUSIVE },
	[CH_COLUMN_COLLATION] = { CH_COLUMN_COLLATION, "change a column's collation", REWRITE | SLOW,
	  "changes the collation of column %s: sorting changes and its indexes are rebuilt", LOCK_ACCESS_EXCLUSIVE },
	[CH_SET_DEFAULT] = { CH_SET_DEFAULT, "set or change a column default", 0,
	  "sets the default of column %s", LOCK_ACCESS_EXCLUSIVE },
	[CH_DROP_DEFAULT] = { CH_DROP_DEFAULT, "drop a column default", 0,
	  "drops the default of column %s", LOCK_ACCESS_EXCLUSIVE },
	[CH_SET_NOT_NULL] = { CH_SET_NOT_NULL, "set NOT NULL", FAIL,
	  "sets NOT NULL on column %s: scans the table and fails on NULLs", LOCK_ACCESS_EXCLUSIVE },
	[CH_DROP_NOT_NULL] = { CH_DROP_NOT_NULL, "drop NOT NULL", BREAKS,
	  "allows NULL in column %s: code that relies on it may break", LOCK_ACCESS_EXCLUSIVE },
	[CH_ADD_IDENTITY] = { CH_ADD_IDENTITY, "make a column an identity column", 0,
	  "makes column %s an identity column", LOCK_ACCESS_EXCLUSIVE },
	[CH_ALTER_IDENTITY] = { CH_ALTER_IDENTITY, "change identity options", 0,
	  "changes the identity of column %s", LOCK_ACCESS_EXCLUSIVE },
	[CH_DROP_IDENTITY] = { CH_DROP_IDENTITY, "stop a column being an identity column", BREAKS,
	  "drops the identity of column %s: inserts that rely on it fail", LOCK_ACCESS_EXCLUSIVE },
	[CH_DROP_EXPRESSION] = { CH_DROP_EXPRESSION, "make a generated column a regular one", 0,
	  "makes column %s a regular column, keeping its values", LOCK_ACCESS_EXCLUSIVE },
	[CH_ADD_CONSTRAINT_NEW_TABLE] = { CH_ADD_CONSTRAINT_NEW_TABLE, "add a constraint to a new table", 0,
	  "adds constraint %s to a new table", LOCK_ACCESS_EXCLUSIVE },
	[CH_ADD_CONSTRAINT] = { CH_ADD_CONSTRAINT, "add a PRIMARY KEY, UNIQUE, CHECK or EXCLUDE constraint",
	  FAIL | LOCK,
	  "adds constraint %s: checks every row under a lock and fails on violations", LOCK_ACCESS_EXCLUSIVE },
	[CH_ADD_FOREIGN_KEY] = { CH_ADD_FOREIGN_KEY, "add a foreign key", FAIL,
	  "adds foreign key %s: checks every row and fails on orphans", LOCK_SHARE_ROW_EXCLUSIVE },
	[CH_ADD_CONSTRAINT_NOT_VALID] = { CH_ADD_CONSTRAINT_NOT_VALID, "add a constraint as NOT VALID", 0,
	  "adds constraint %s as NOT VALID: existing rows are not checked", LOCK_SHARE_ROW_EXCLUSIVE },
	[CH_VALIDATE_CONSTRAINT] = { CH_VALIDATE_CONSTRAINT, "validate a NOT VALID constraint", FAIL,
	  "validates constraint %s: scans the table and fails on violations", LOCK_SHARE_UPDATE_EXCLUSIVE },
	[CH_ALTER_CONSTRAINT] = { CH_ALTER_CONSTRAINT, "change when a foreign key is checked", 0,
	  "changes when constraint %s is checked", LOCK_SHARE_ROW_EXCLUSIVE },
	[CH_DROP_CHECK] = { CH_DROP_CHECK, "drop a CHECK constraint", 0,
	  "drops check constraint %s", LOCK_ACCESS_EXCLUSIVE },
	[CH_DROP_KEY] = { CH_DROP_KEY, "drop a PRIMARY KEY, UNIQUE or EXCLUDE constraint",
	  BREAKS | SLOW,
	  "drops constraint %s: duplicates become possible and its index goes", LOCK_ACCESS_EXCLUSIVE },
	[CH_DROP_FOREIGN_KEY] = { CH_DROP_FOREIGN_KEY, "drop a foreign key", BREAKS,
	  "drops foreign key %s: nothing keeps those rows consistent any more", LOCK_SHARE_ROW_EXCLUSIVE },
	[CH_CREATE_INDEX] = { CH_CREATE_INDEX, "create an index", 0, "creates index %s", LOCK_SHARE },
	[CH_CREATE_INDEX_NEW_TABLE] = { CH_CREATE_INDEX_NEW_TABLE, "create an index on a new table", 0,
	  "creates index %s on a new table", LOCK_SHARE },
	[CH_DROP_INDEX] = { CH_DROP_INDEX, "drop an index", SLOW,
	  "drops index %s: queries that use it slow down", LOCK_ACCESS_EXCLUSIVE },
	[CH_RECREATE_DROP] = { CH_RECREATE_DROP, "drop an object to re-create it with a new definition",
	  SLOW,
	  "drops %s to re-create it with its new definition", LOCK_ACCESS_EXCLUSIVE },
	[CH_RENAME] = { CH_RENAME, "rename an object (--rename)", BREAKS,
	  "renames %s: code that uses the old name breaks", LOCK_ACCESS_EXCLUSIVE },
};

const char *lock_name(enum lock_level lock)
{
	static const char *const names[] = {
		"none", "SHARE UPDATE EXCLUSIVE", "SHARE", "SHARE ROW EXCLUSIVE",
		"ACCESS EXCLUSIVE"
	};
	return names[lock];
}

const struct rule *rule_for(enum change ch)
{
	if (ch < 0 || ch >= CH_NCHANGES || rules[ch].change != ch)
		BUG("no rule for change %d", (int)ch);
	return &rules[ch];
}

enum severity severity_of_hazards(unsigned int hazards)
{
	if (hazards & (HZ_DATA_LOSS | HZ_BREAKS_DEPENDENTS))
		return SEV_CRITICAL;
	if (hazards & (HZ_TABLE_REWRITE | HZ_MAY_FAIL | HZ_EXCLUSIVE_LOCK |
		       HZ_SLOWER_QUERIES))
		return SEV_MAJOR;
	return SEV_MINOR;
}

const char *severity_name(enum severity sev)
{
	static const char *const names[] = { "none", "minor", "major",
					      "critical" };
	return names[sev];
}

const char *hazard_name(enum hazard hz)
{
	switch (hz) {
	case HZ_DATA_LOSS: return "data-loss";
	case HZ_BREAKS_DEPENDENTS: return "breaks-dependents";
	case HZ_TABLE_REWRITE: return "table-rewrite";
	case HZ_MAY_FAIL: return "may-fail-on-existing-data";
	case HZ_EXCLUSIVE_LOCK: return "access-exclusive-lock";
	case HZ_SLOWER_QUERIES: return "slower-queries";
	case HZ_NOT_TRANSACTIONAL: return "not-transactional";
	}
	BUG("unknown hazard %d", (int)hz);
}
