#!/usr/bin/env bash
# SPEC §7 claim benchmarks, side by side in one run on one Postgres:
#   1. the textbook one-claim-per-transaction SQL, raw, by pgbench at 200 clients;
#   2. CodeDrop's claim API over HTTP, 200 clients in a closed loop, distinct users, one campaign;
#   3. CodeDrop's claim API at a steady offered load of 1 000 claims/s (latency).
# Needs pgbench (Debian: postgresql-client). Starts the platform with ./codedrop up if needed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLIENTS=${CLIENTS:-200}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-20}
RATE=${RATE:-1000}

command -v pgbench > /dev/null || { echo "pgbench is missing: apt-get install postgresql-client"; exit 1; }
"$ROOT/codedrop" up > /dev/null
[[ -f "$ROOT/benchmarks/target/benchmarks-1.0.0-SNAPSHOT.jar" ]] \
  || (cd "$ROOT" && ./mvnw -B -ntp -q -pl benchmarks -am -DskipTests package)

PGURL="postgresql://postgres@localhost:15432"
psql -q "$PGURL/postgres" -c "DROP DATABASE IF EXISTS textbook" -c "CREATE DATABASE textbook"
psql -q "$PGURL/textbook" -f "$ROOT/benchmarks/sql/textbook-setup.sql"
echo "== textbook SQL, pgbench, $CLIENTS clients, ${SECONDS_PER_RUN}s"
pgbench -n -c "$CLIENTS" -j 2 -T "$SECONDS_PER_RUN" -f "$ROOT/benchmarks/sql/textbook-claim.sql" "$PGURL/textbook" \
  | grep -E "number of transactions actually processed|number of failed|latency average|tps ="
psql -q "$PGURL/postgres" -c "DROP DATABASE textbook"

echo "== CodeDrop claim API"
java -cp "$ROOT/benchmarks/target/benchmarks-1.0.0-SNAPSHOT.jar:$ROOT/benchmarks/target/lib/*" \
  io.codedrop.bench.ClaimBenchmark "$ROOT/.codedrop" localhost:19092 "$CLIENTS" "$SECONDS_PER_RUN" "$RATE" "$SECONDS_PER_RUN"
