package io.codedrop.common.event;

import java.time.Instant;
import java.util.UUID;

/** What every event on every topic carries; consumers deduplicate on {@link #eventId()}. */
public interface DomainEvent {
    UUID eventId();

    String type();

    int version();

    Instant occurredAt();

    /** The Kafka key: events of one campaign stay in order on one partition. */
    UUID campaignId();
}
