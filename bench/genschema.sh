#!/usr/bin/env bash
# Generates a synthetic schema for the benchmark, or a drifted copy of it, as SQL.
#
#   bench/genschema.sh N SEED DRIFT > schema.sql
#
# N      number of tables of the base schema (>= 1)
# SEED   a non-negative integer; the same N and SEED give byte-identical output
# DRIFT  0: the base schema; 1: the drifted copy made from the same seed, in which about
#        5 per cent of the tables differ: added, dropped and retyped columns, changed
#        defaults and NOT NULL, dropped and added indexes, new CHECK, UNIQUE and FOREIGN
#        KEY constraints; about 0.5 per cent of the tables are dropped, N/200 (at least
#        one) tables are added, an enum gains a value and a new enum type appears
#
# Tables spread over four schemas, each with an identity or serial primary key, 3 to 12
# columns of varied types (integer, bigint, smallint, text, varchar(n), numeric(p,s),
# timestamptz, date, boolean, jsonb, uuid, two enum types) with defaults and NOT NULL,
# UNIQUE and CHECK constraints, foreign keys to earlier tables (and some to themselves),
# and plain, composite, partial, expression, unique and GIN indexes.
#
# Every table draws from its own random stream, seeded from SEED and its number, so a
# base table is the same whatever N is, and the drifted copy changes only what it drifts. The
# generator brings its own Park-Miller PRNG instead of awk's rand(), so mawk and gawk
# (also with --posix) give the same output.
#
# The SQL is schema-qualified throughout and loads into an empty database in one
# transaction:
#   psql -X -q -v ON_ERROR_STOP=1 -1 -f schema.sql
# (from a few thousand tables on, with max_locks_per_transaction raised; see run.sh).
set -eu
export LC_ALL=C

usage() {
	echo "usage: bench/genschema.sh N SEED DRIFT(0|1)" >&2
	exit 64
}

[ $# -eq 3 ] || usage
case $1 in '' | *[!0-9]*) usage ;; esac
case $2 in '' | *[!0-9]*) usage ;; esac
case $3 in 0 | 1) ;; *) usage ;; esac
[ "$1" -ge 1 ] || usage
# The PRNG works in doubles: keep every product below 2^53.
[ ${#2} -le 15 ] || { echo "genschema: SEED must have at most 15 digits" >&2; exit 64; }

# The program is a quoted here-document, so SQL quotes appear as they are.
program=$(cat <<'AWK'
# ---- random numbers -------------------------------------------------------------
# Park-Miller minimal standard generator: S in [1, 2^31 - 2], products below 2^46.
function rnd() {
	S = (S * 16807) % 2147483647
	return S / 2147483647
}
# An integer in [0, n).
function ri(n) {
	return int(rnd() * n)
}
function chance(p) {
	return rnd() < p
}
# (a * b) mod P for a, b < P, in exact double arithmetic.
function mulmod(a, b,    bh) {
	bh = int(b / 65536)
	return ((a * bh) % 2147483647 * 65536 + a * (b % 65536)) % 2147483647
}
# Seeds S for stream `salt` of table i. Squaring mixes the inputs non-linearly, so that
# neighbouring tables do not draw alike.
function seed_stream(i, salt,    x) {
	x = (SEEDM * 7919 + 12345) % 2147483647
	x = (mulmod(x + i, x + i + 1299709) + salt * 2654435) % 2147483647
	S = mulmod(x + 1, x + 7)
	if (S == 0)
		S = 1
	rnd(); rnd(); rnd()
}

# ---- facts about any table, computed without generating it ----------------------
function schema_of(i) {
	return SCHEMAS[i % 4]
}
function table_of(i) {
	return sprintf("%s_%05d", NOUNS[i % NNOUNS], i)
}
function qual_of(i) {
	return schema_of(i) "." table_of(i)
}
# How table i fares in the drifted copy: "keep", "mod" or "drop". The last table is
# always dropped and the first always modified, so every size has both. A dropped
# table is never the target of a foreign key (see pick_target).
function role_of(i,    saved, u) {
	if (i == N)
		return "drop"
	if (i == 1)
		return "mod"
	saved = S
	seed_stream(i, 2)
	u = rnd()
	S = saved
	if (u < 0.005)
		return "drop"
	if (u < 0.05)
		return "mod"
	return "keep"
}
# The primary key flavour of table i: 0 bigint identity always, 1 bigserial,
# 2 integer identity by default, 3 serial.
function idkind_of(i,    saved, k) {
	saved = S
	seed_stream(i, 3)
	k = ri(4)
	S = saved
	return k
}
function idtype_of(i) {
	return idkind_of(i) < 2 ? "bigint" : "integer"
}
# A recent table for a foreign key from table i, or 0 when the draw lands on one the
# drifted copy drops (so that both copies keep the same foreign keys).
function pick_target(i,    span, j) {
	span = i - 1 < 50 ? i - 1 : 50
	if (span < 1)
		return 0
	j = i - 1 - ri(span)
	return role_of(j) == "drop" ? 0 : j
}

# ---- the table being built --------------------------------------------------------
# Columns 1..NC: CN name, CK kind, CT type, CNN "NOT NULL" or "", CD default or "",
# CU 1 when an index or constraint uses it, CX 1 when dropped.
# Constraints 1..NK: KD definition. Indexes 1..NI: IX definition, IXD 1 when dropped.
function reset_table() {
	NC = 0; NK = 0; NI = 0
	split("", CN); split("", CK); split("", CT); split("", CNN); split("", CD)
	split("", CU); split("", CX); split("", KD); split("", IX); split("", IXD)
	split("", SEEN)
}
function name_for(kind, k,    pool, n, base) {
	n = split(POOL[kind], pool, " ")
	base = pool[1 + ri(n)]
	if (base in SEEN)
		base = base "_" k
	SEEN[base] = 1
	return base
}
function add_column(name, kind, type, notnull, def) {
	NC++
	CN[NC] = name; CK[NC] = kind; CT[NC] = type
	CNN[NC] = notnull ? "NOT NULL" : ""
	CD[NC] = def; CU[NC] = 0; CX[NC] = 0
	SEEN[name] = 1
	return NC
}
function type_for(kind) {
	if (kind == "varchar")
		return "varchar(" VLEN[1 + ri(4)] ")"
	if (kind == "numeric")
		return "numeric(" (10 + 2 * ri(5)) "," (2 + 2 * ri(2)) ")"
	return TYPE[kind]
}
# A random ordinary column of table t, numbered k among its columns.
function random_column(t, k,    kind, def) {
	kind = KINDS[1 + ri(NKINDS)]
	def = ""
	if (chance(kind == "boolean" ? 0.7 : 0.3))
		def = DEFV[kind]
	return add_column(name_for(kind, k), kind, type_for(kind), chance(0.35), def)
}
# The first live column of one of the kinds listed (space separated), starting the
# search at a random column; 0 when there is none.
function find_column(kinds,    start, n, c, want, i, ks) {
	split("", want)
	n = split(kinds, ks, " ")
	for (i = 1; i <= n; i++)
		want[ks[i]] = 1
	start = ri(NC)
	for (i = 0; i < NC; i++) {
		c = 1 + (start + i) % NC
		if (!CX[c] && (CK[c] in want))
			return c
	}
	return 0
}
function add_constraint(def) {
	KD[++NK] = def
}
function add_index(def) {
	IX[++NI] = def
	IXD[NI] = 0
}
function cname(t, c, suffix) {
	return t "_" CN[c] "_" suffix
}

# A foreign key column of table t to table j, with its constraint and usually an index.
function add_foreign_key(t, q, j, col, self,    c, act) {
	c = add_column(col, "fk", idtype_of(j), !self && chance(0.5), "")
	CU[c] = 1
	act = ACTIONS[1 + ri(4)]
	if (self || CNN[c] != "")
		act = act == "SET NULL" ? "CASCADE" : act
	add_constraint("CONSTRAINT " cname(t, c, "fkey") " FOREIGN KEY (" col ") REFERENCES " \
		qual_of(j) " (id)" (act == "" ? "" : " ON DELETE " act))
	if (chance(0.7))
		add_index("CREATE INDEX " t "_" col "_idx ON " q " (" col ")")
}

# One more secondary index of a random shape, numbered k; nothing when the table has
# no column to fit the shape drawn.
function random_index(t, q, k,    shape, c, d, name, b) {
	shape = ri(6)
	name = t "_ix" k
	if (shape == 0) {
		c = find_column("int bigint smallint text varchar numeric timestamptz date uuid status currency")
		if (!c) return
		add_index("CREATE INDEX " name " ON " q " (" CN[c] ")")
	} else if (shape == 1) {
		c = find_column("int bigint text varchar timestamptz date status currency")
		d = find_column("int bigint numeric timestamptz date boolean")
		if (!c || !d || c == d) return
		CU[d] = 1
		add_index("CREATE INDEX " name " ON " q " (" CN[c] ", " CN[d] " DESC)")
	} else if (shape == 2) {
		c = find_column("int bigint text varchar numeric timestamptz date uuid")
		if (!c) return
		b = find_column("boolean")
		if (b) {
			CU[b] = 1
			add_index("CREATE INDEX " name " ON " q " (" CN[c] ") WHERE " CN[b])
		} else
			add_index("CREATE INDEX " name " ON " q " (" CN[c] ") WHERE " CN[c] " IS NOT NULL")
	} else if (shape == 3) {
		c = find_column("text varchar")
		if (!c) return
		add_index("CREATE INDEX " name " ON " q " (lower(" CN[c] "))")
	} else if (shape == 4) {
		c = find_column("jsonb")
		if (!c) return
		add_index("CREATE INDEX " name " ON " q " USING gin (" CN[c] \
			(chance(0.5) ? " jsonb_path_ops" : "") ")")
	} else {
		c = find_column("uuid varchar")
		if (!c) return
		add_index("CREATE UNIQUE INDEX " name " ON " q " (" CN[c] ")")
	}
	CU[c] = 1
}

# Builds table i from its own stream: columns, constraints and indexes.
function build_table(i, t, q,    k, ncols, c, d, j, idk) {
	seed_stream(i, 1)
	idk = idkind_of(i)
	add_column("id", "id", IDDEF[idk], 0, "")
	CU[1] = 1
	ncols = 3 + ri(10)
	for (k = 2; k <= ncols + 1; k++)
		random_column(t, k)
	add_column("created_at", "timestamptz", "timestamptz", 1, "now()")

	# Foreign keys to recent tables, now and then a second one or one to itself.
	if (chance(0.5) && (j = pick_target(i)))
		add_foreign_key(t, q, j, "ref_" j "_id", 0)
	if (chance(0.15) && (j = pick_target(i)) && !(("ref_" j "_id") in SEEN))
		add_foreign_key(t, q, j, "ref_" j "_id", 0)
	if (chance(0.05))
		add_foreign_key(t, q, i, "parent_id", 1)

	if (chance(0.3) && (c = find_column("text varchar uuid"))) {
		CU[c] = 1
		add_constraint("CONSTRAINT " cname(t, c, "key") " UNIQUE (" CN[c] ")")
	}
	if (chance(0.1) && (c = find_column("varchar int date")) && \
	    (d = find_column("bigint status currency")) && c != d) {
		CU[c] = 1; CU[d] = 1
		add_constraint("CONSTRAINT " t "_" CN[c] "_" CN[d] "_key UNIQUE (" CN[c] ", " CN[d] ")")
	}
	for (c = 2; c <= NC; c++) {
		if (CK[c] ~ /^(int|bigint|smallint|numeric)$/ && chance(0.3)) {
			CU[c] = 1
			add_constraint("CONSTRAINT " cname(t, c, "check") " CHECK (" CN[c] " >= 0)")
		} else if (CK[c] == "varchar" && chance(0.1)) {
			CU[c] = 1
			add_constraint("CONSTRAINT " cname(t, c, "check") " CHECK (char_length(" CN[c] ") > 0)")
		}
	}

	if (chance(0.3))
		add_index("CREATE INDEX " t "_created_at_idx ON " q " (created_at DESC)")
	k = 1 + ri(3)
	for (j = 1; j <= k; j++)
		random_index(t, q, j)
}

# ---- drift --------------------------------------------------------------------------
function retype(c,    n, p) {
	if (CK[c] == "int") {
		CK[c] = "bigint"; CT[c] = "bigint"
	} else if (CK[c] == "smallint") {
		CK[c] = "int"; CT[c] = "integer"
	} else if (CK[c] == "varchar") {
		n = CT[c]; gsub(/[^0-9]/, "", n)
		CT[c] = "varchar(" (2 * n) ")"
	} else if (CK[c] == "numeric") {
		p = CT[c]; sub(/^numeric\(/, "", p); sub(/,.*/, "", p)
		sub(/\([0-9]+,/, "(" (p + 4) ",", CT[c])
	} else if (CK[c] == "text") {
		CK[c] = "varchar"; CT[c] = "varchar(500)"
	} else if (CK[c] == "timestamptz") {
		CT[c] = "timestamp"
	}
}
# Applies one to three changes to the table just built, from its drift stream.
function drift_table(i, t, q,    n, m, what, c, j, tries) {
	seed_stream(i, 4)
	n = 1 + ri(3)
	for (m = 1; m <= n; m++) {
		what = ri(10)
		if (what == 1) {
			# Drop a column nothing else uses.
			for (tries = 0; tries < 4; tries++) {
				c = 2 + ri(NC - 1)
				if (!CU[c] && !CX[c] && CN[c] != "created_at")
					break
				c = 0
			}
			if (c) { CX[c] = 1; continue }
			what = 0
		}
		if (what == 2) {
			if ((c = find_column("int smallint varchar numeric text timestamptz"))) {
				retype(c); continue
			}
			what = 3
		}
		if (what == 0) {
			if (chance(0.5))
				add_column("added_" m, "text", "text", 0, "")
			else
				add_column("added_flag_" m, "int", "integer", 1, "1")
		} else if (what == 3) {
			# Change, add or drop a default.
			c = 2 + ri(NC - 1)
			if (CX[c]) continue
			if (CD[c] == "")
				CD[c] = DEFV[CK[c]]
			else if (CK[c] ~ /^(int|bigint|smallint|numeric)$/)
				CD[c] = "1"
			else if (CK[c] == "boolean")
				CD[c] = CD[c] == "false" ? "true" : "false"
			else if (CK[c] == "varchar" || CK[c] == "text")
				CD[c] = "'unknown'"
			else
				CD[c] = ""
		} else if (what == 4) {
			# Toggle NOT NULL.
			c = 2 + ri(NC - 1)
			if (CX[c] || CK[c] == "fk") continue
			CNN[c] = CNN[c] == "" ? "NOT NULL" : ""
		} else if (what == 5) {
			# Drop a secondary index.
			if (NI == 0) { what = 6 } else { IXD[1 + ri(NI)] = 1; continue }
		}
		if (what == 6) {
			if ((c = find_column("int bigint text varchar numeric timestamptz date uuid"))) {
				CU[c] = 1
				add_index("CREATE INDEX " t "_drift" m "_idx ON " q " (" CN[c] ", created_at)")
			}
		} else if (what == 7) {
			if ((c = find_column("int bigint smallint numeric"))) {
				CU[c] = 1
				add_constraint("CONSTRAINT " t "_drift" m "_check CHECK (" CN[c] " < 1000000000)")
			} else
				add_constraint("CONSTRAINT " t "_drift" m "_check CHECK (created_at > '2000-01-01')")
		} else if (what == 8) {
			if ((c = find_column("text varchar uuid date"))) {
				CU[c] = 1
				add_constraint("CONSTRAINT " t "_drift" m "_key UNIQUE (" CN[c] ", created_at)")
			}
		} else if (what == 9) {
			if ((j = pick_target(i)) && !(("drift_ref_" j "_id") in SEEN))
				add_foreign_key(t, q, j, "drift_ref_" j "_id", 0)
		}
	}
}

# ---- output -------------------------------------------------------------------------
function emit_table(q,    c, sep, k) {
	printf "CREATE TABLE %s (\n", q
	sep = ""
	for (c = 1; c <= NC; c++) {
		if (CX[c]) continue
		printf "%s\t%s %s", sep, CN[c], CT[c]
		if (CD[c] != "") printf " DEFAULT %s", CD[c]
		if (CNN[c] != "") printf " NOT NULL"
		if (c == 1) printf " PRIMARY KEY"
		sep = ",\n"
	}
	for (k = 1; k <= NK; k++)
		printf ",\n\t%s", KD[k]
	printf "\n);\n"
	for (k = 1; k <= NI; k++)
		if (!IXD[k]) print IX[k] ";"
	print ""
}

# A table only the drifted copy has; uses the enum type only it has.
function emit_added(k,    s, t) {
	s = SCHEMAS[k % 4]
	t = sprintf("added_%05d", k)
	printf "CREATE TABLE %s.%s (\n", s, t
	printf "\tid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
	printf "\towner_id bigint NOT NULL,\n"
	printf "\tpriority app.priority DEFAULT 'normal' NOT NULL,\n"
	printf "\tlabel varchar(80),\n"
	printf "\tpayload jsonb DEFAULT '{}'::jsonb NOT NULL,\n"
	printf "\tcreated_at timestamptz DEFAULT now() NOT NULL,\n"
	printf "\tCONSTRAINT %s_label_key UNIQUE (label)\n", t
	printf ");\n"
	printf "CREATE INDEX %s_owner_id_idx ON %s.%s (owner_id, created_at DESC);\n\n", t, s, t
}

BEGIN {
	SEEDM = SEED % 2147483647
	split("app billing inventory audit", sch, " ")
	SCHEMAS[1] = sch[1]; SCHEMAS[2] = sch[2]; SCHEMAS[3] = sch[3]; SCHEMAS[0] = sch[4]
	NNOUNS = split("accounts orders invoices products customers shipments payments " \
		"events sessions devices tickets reviews coupons warehouses suppliers " \
		"contracts projects tasks documents messages subscriptions refunds audits", NOUNS, " ")
	for (k = 1; k <= NNOUNS; k++) NOUNS[k % NNOUNS] = NOUNS[k]

	NKINDS = split("int int bigint smallint text text varchar varchar numeric numeric " \
		"timestamptz date boolean boolean jsonb uuid status currency", KINDS, " ")
	TYPE["int"] = "integer"; TYPE["bigint"] = "bigint"; TYPE["smallint"] = "smallint"
	TYPE["text"] = "text"; TYPE["timestamptz"] = "timestamptz"; TYPE["date"] = "date"
	TYPE["boolean"] = "boolean"; TYPE["jsonb"] = "jsonb"; TYPE["uuid"] = "uuid"
	TYPE["status"] = "app.status"; TYPE["currency"] = "billing.currency"
	split("20 50 100 255", VLEN, " ")
	DEFV["int"] = "0"; DEFV["bigint"] = "0"; DEFV["smallint"] = "0"; DEFV["numeric"] = "0"
	DEFV["text"] = "''"; DEFV["varchar"] = "'n/a'"
	DEFV["timestamptz"] = "now()"; DEFV["date"] = "CURRENT_DATE"
	DEFV["boolean"] = "false"; DEFV["jsonb"] = "'{}'::jsonb"
	DEFV["uuid"] = "gen_random_uuid()"
	DEFV["status"] = "'active'"; DEFV["currency"] = "'usd'"
	DEFV["fk"] = ""
	POOL["int"] = "qty quantity score level priority attempts"
	POOL["bigint"] = "total views external_ref bytes"
	POOL["smallint"] = "kind flags tier"
	POOL["text"] = "name title description note label body"
	POOL["varchar"] = "code email slug sku phone city"
	POOL["numeric"] = "amount price balance rate weight tax"
	POOL["timestamptz"] = "updated_at starts_at ends_at seen_at paid_at deleted_at"
	POOL["date"] = "due_on valid_from valid_until"
	POOL["boolean"] = "is_active archived verified enabled flagged"
	POOL["jsonb"] = "attrs meta settings payload"
	POOL["uuid"] = "uid token external_id"
	POOL["status"] = "status state"
	POOL["currency"] = "currency"
	IDDEF[0] = "bigint GENERATED ALWAYS AS IDENTITY"
	IDDEF[1] = "bigserial"
	IDDEF[2] = "integer GENERATED BY DEFAULT AS IDENTITY"
	IDDEF[3] = "serial"
	ACTIONS[1] = ""; ACTIONS[2] = "CASCADE"; ACTIONS[3] = "SET NULL"; ACTIONS[4] = "RESTRICT"

	printf "-- pgdiff benchmark schema: %d tables, seed %s, %s\n", N, SEED, \
		DRIFT ? "drifted copy" : "base"
	print "SET client_min_messages = warning;"
	print ""
	for (k = 1; k <= 4; k++)
		print "CREATE SCHEMA " sch[k] ";"
	print ""
	print "CREATE TYPE app.status AS ENUM ('active', 'inactive', 'pending', " \
		"'archived'" (DRIFT ? ", 'suspended'" : "") ");"
	print "CREATE TYPE billing.currency AS ENUM ('usd', 'eur', 'gbp', 'jpy');"
	if (DRIFT)
		print "CREATE TYPE app.priority AS ENUM ('low', 'normal', 'high');"
	print ""

	for (i = 1; i <= N; i++) {
		role = DRIFT ? role_of(i) : "keep"
		if (role == "drop")
			continue
		t = table_of(i)
		q = schema_of(i) "." t
		reset_table()
		build_table(i, t, q)
		if (role == "mod")
			drift_table(i, t, q)
		emit_table(q)
	}
	if (DRIFT) {
		n = int(N / 200)
		if (n < 1) n = 1
		for (k = 1; k <= n; k++)
			emit_added(k)
	}
}
AWK
)
exec awk -v N="$1" -v SEED="$2" -v DRIFT="$3" "$program"
