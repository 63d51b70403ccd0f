# check-report.jq: drift-report.json against the structure REPORT FORMAT in
# pgdiff(1) documents.  Prints one line per violation; nothing when valid.
#   jq -r -f tests/review/check-report.jq drift-report.json

def is_string: type == "string";
def is_count: type == "number" and . >= 0 and . == floor;
def string_or_null: . == null or type == "string";
def one_of($list): . as $v | $list | index([$v]) != null;
# "$path: $what" unless the condition holds
def want($cond; $path; $what): if $cond then empty else "\($path): \($what)" end;
def keys_are($list; $path):
	want(type == "object" and keys_unsorted == $list; $path;
	     "keys must be \($list | join(", ")) in that order");

def severities: ["critical", "major", "minor"];
def rank: {"none": 0, "minor": 1, "major": 2, "critical": 3}[.];
def hazard_codes: ["data-loss", "breaks-dependents", "table-rewrite",
	"may-fail-on-existing-data", "access-exclusive-lock", "slower-queries",
	"not-transactional"];
def locks: ["none", "SHARE UPDATE EXCLUSIVE", "SHARE", "SHARE ROW EXCLUSIVE",
	"ACCESS EXCLUSIVE"];
# The severity the hazards give, as in SEVERITY of pgdiff(1).
def severity_of($codes):
	if ($codes | any(. == "data-loss" or . == "breaks-dependents")) then "critical"
	elif ($codes | any(. == "table-rewrite" or . == "may-fail-on-existing-data"
		or . == "access-exclusive-lock" or . == "slower-queries")) then "major"
	else "minor" end;

def check_side($path):
	keys_are(["origin", "server_version", "fingerprint"]; $path),
	want(.origin | is_string; "\($path).origin"; "must be a string"),
	want(.server_version | is_string and test("^[0-9]+(\\.[0-9]+)*"); "\($path).server_version";
	     "must be a version string"),
	want(.fingerprint == null or (.fingerprint | is_string and test("^[0-9a-f]{64}$"));
	     "\($path).fingerprint"; "must be null or 64 hex digits");

def check_object($path):
	if . == null then empty else
		keys_are(["kind", "schema", "name", "table"]; $path),
		want(.kind | is_string and length > 0; "\($path).kind"; "must be a non-empty string"),
		want(.schema | string_or_null; "\($path).schema"; "must be a string or null"),
		want(.name | is_string; "\($path).name"; "must be a string"),
		want(if (.kind | one_of(["column", "constraint", "index"]))
		     then (.table | is_string) else .table == null end;
		     "\($path).table"; "must name the table of a column, constraint or index, else be null")
	end;

def check_statement($path):
	keys_are(["sql", "severity", "reason", "hazards", "object", "lock", "transactional"]; $path),
	want(.sql | is_string and length > 0; "\($path).sql"; "must be a non-empty string"),
	want(.severity | one_of(severities); "\($path).severity"; "must be critical, major or minor"),
	want(.reason | is_string and length > 0; "\($path).reason"; "must be a non-empty string"),
	want(.hazards | type == "array"; "\($path).hazards"; "must be an array"),
	(.hazards | to_entries[]? | .key as $i | .value |
		keys_are(["code", "reason"]; "\($path).hazards[\($i)]"),
		want(.code | one_of(hazard_codes); "\($path).hazards[\($i)].code"; "unknown hazard code"),
		want(.reason | is_string and length > 0 and (contains("\n") | not);
		     "\($path).hazards[\($i)].reason"; "must be one line")),
	want(.severity == severity_of([.hazards[]?.code]); "\($path).severity";
	     "must follow from the hazards"),
	(.object | check_object("\($path).object")),
	want(.lock | one_of(locks); "\($path).lock"; "must be a lock level"),
	want(.transactional | type == "boolean"; "\($path).transactional"; "must be a boolean");

def check_unhandled($path):
	want(type == "array"; $path; "must be an array"),
	(to_entries[]? | .key as $i | .value |
		keys_are(["kind", "count", "names"]; "\($path)[\($i)]"),
		want(.kind | is_string and length > 0; "\($path)[\($i)].kind"; "must be a non-empty string"),
		want(.count | is_count and . > 0; "\($path)[\($i)].count"; "must be a positive integer"),
		want(.names | type == "array" and all(.[]; is_string) and length > 0
		     and length <= 5; "\($path)[\($i)].names"; "must hold one to five strings"),
		want((.names | length) <= .count; "\($path)[\($i)].names"; "must not outnumber count"));

def check_renames($path):
	want(type == "array"; $path; "must be an array"),
	(to_entries[]? | .key as $i | .value |
		keys_are(["from", "to", "lookalike", "note"]; "\($path)[\($i)]"),
		(.from | check_object("\($path)[\($i)].from")),
		(.to | check_object("\($path)[\($i)].to")),
		want(.lookalike | type == "boolean"; "\($path)[\($i)].lookalike"; "must be a boolean"),
		want(.note | is_string and length > 0; "\($path)[\($i)].note"; "must be a non-empty string"));

def check_column_order($path):
	want(type == "array"; $path; "must be an array"),
	(to_entries[]? | .key as $i | .value |
		keys_are(["table", "columns", "target_columns", "note"]; "\($path)[\($i)]"),
		(.table | check_object("\($path)[\($i)].table")),
		want(.table.kind == "table"; "\($path)[\($i)].table.kind"; "must be \"table\""),
		want(.columns | type == "array" and all(.[]; is_string) and length > 0;
		     "\($path)[\($i)].columns"; "must hold column names"),
		want(.target_columns | type == "array" and all(.[]; is_string) and length > 0;
		     "\($path)[\($i)].target_columns"; "must hold column names"),
		want(.columns != .target_columns; "\($path)[\($i)].columns";
		     "must differ from target_columns"),
		want(.note | is_string and length > 0; "\($path)[\($i)].note"; "must be a non-empty string"));

keys_are(["format", "version", "pgdiff_version", "source", "target", "counts",
	"worst", "statements", "renames", "column_order", "unhandled", "filters"]; "report"),
want(.format == "pgdiff-report"; "format"; "must be \"pgdiff-report\""),
want(.version == 1; "version"; "must be 1"),
want(.pgdiff_version | is_string; "pgdiff_version"; "must be a string"),
(.source | check_side("source")),
(.target | check_side("target")),
(.counts | keys_are(["critical", "major", "minor"]; "counts")),
(.counts as $c | severities[] as $s |
	want($c[$s] | is_count; "counts.\($s)"; "must be a count")),
want(.worst | one_of(["critical", "major", "minor", "none"]); "worst"; "must be a severity or none"),
want(.statements | type == "array"; "statements"; "must be an array"),
(.statements | to_entries[]? | .key as $i | .value | check_statement("statements[\($i)]")),
(. as $r | severities[] as $s |
	want($r.counts[$s] == ([$r.statements[]? | select(.severity == $s)] | length);
	     "counts.\($s)"; "must count the \($s) statements")),
want(.worst == ([.statements[]?.severity] | max_by(rank) // "none"); "worst";
     "must be the worst severity of the statements"),
(.renames | check_renames("renames")),
(.column_order | check_column_order("column_order")),
(.unhandled | keys_are(["source", "target"]; "unhandled")),
(.unhandled.source | check_unhandled("unhandled.source")),
(.unhandled.target | check_unhandled("unhandled.target")),
want(.filters | string_or_null; "filters"; "must be a string or null")
