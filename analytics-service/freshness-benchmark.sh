#!/usr/bin/env bash
# Freshness of the statistics against a running platform (./codedrop up): claim attempts fired at a
# steady rate until each is counted by the analytics API. Arguments go to FreshnessBenchmark, e.g.
#   analytics-service/freshness-benchmark.sh --analytics http://localhost:8083 --token "$(./codedrop token)" \
#     --claims http://localhost:8080 --campaigns http://localhost:8081 --ingest http://localhost:8082
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
./mvnw -B -ntp -o -q -pl analytics-service test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/benchmark.classpath
cd analytics-service
exec java -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
  io.codedrop.analytics.bench.FreshnessBenchmark "$@"
