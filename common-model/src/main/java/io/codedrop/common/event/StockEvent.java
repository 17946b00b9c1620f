package io.codedrop.common.event;

import io.codedrop.common.Platform;
import io.codedrop.common.TimeOrderedIds;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Distribution's report on one batch: per platform what was stocked and what the campaign already had. */
public record StockEvent(UUID eventId, String type, int version, Instant occurredAt, UUID campaignId,
                         UUID uploadId, int batchSeq, StockOutcome outcome, String reason,
                         Map<Platform, StockCount> platforms) implements DomainEvent {
    public static final String TYPE = "stock";

    public static StockEvent stocked(UUID campaignId, UUID uploadId, int batchSeq, Map<Platform, StockCount> platforms) {
        return new StockEvent(TimeOrderedIds.next(), TYPE, 1, Instant.now(), campaignId, uploadId, batchSeq,
                StockOutcome.STOCKED, null, Map.copyOf(platforms));
    }

    public static StockEvent rejected(UUID campaignId, UUID uploadId, int batchSeq, String reason) {
        return new StockEvent(TimeOrderedIds.next(), TYPE, 1, Instant.now(), campaignId, uploadId, batchSeq,
                StockOutcome.REJECTED, reason, Map.of());
    }

    public int accepted() {
        return platforms.values().stream().mapToInt(StockCount::accepted).sum();
    }

    public int duplicates() {
        return platforms.values().stream().mapToInt(StockCount::duplicates).sum();
    }
}
