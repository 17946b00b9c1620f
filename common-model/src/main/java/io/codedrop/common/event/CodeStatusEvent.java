package io.codedrop.common.event;

import io.codedrop.common.Platform;
import io.codedrop.common.TimeOrderedIds;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Codes of a campaign that expired, were withdrawn or were redeemed, counted per platform. */
public record CodeStatusEvent(UUID eventId, String type, int version, Instant occurredAt, UUID campaignId,
                              CodeStatusChange change, Map<Platform, Integer> counts) implements DomainEvent {
    public static final String TYPE = "code-status";

    public static CodeStatusEvent of(UUID campaignId, CodeStatusChange change, Map<Platform, Integer> counts) {
        return new CodeStatusEvent(TimeOrderedIds.next(), TYPE, 1, Instant.now(), campaignId, change, Map.copyOf(counts));
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
