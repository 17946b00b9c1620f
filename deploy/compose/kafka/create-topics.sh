#!/usr/bin/env bash
# Creates the CodeDrop topics once the broker is up (docker compose's kafka-topics job). Idempotent.
# The same topics, for Kubernetes, are the Strimzi KafkaTopic resources in deploy/base/kafka-topics.yaml.
set -euo pipefail

bootstrap=${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}
partitions=${CODEDROP_TOPIC_PARTITIONS:-4}

create() {
  local topic=$1
  shift
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" --replication-factor 1 "$@"
}

# the latest snapshot of every campaign; deletions are tombstones, kept a day for slow read models
create campaigns --config cleanup.policy=compact --config delete.retention.ms=86400000
# codes in transit from ingest to distribution: a week is enough to recover from an outage
create code-batches --config retention.ms=604800000
# what analytics rebuilds its aggregates from: kept forever
create stock --config retention.ms=-1
create code-requests --config retention.ms=-1
create code-status --config retention.ms=-1

/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --list
