package io.codedrop.common.event;

import io.codedrop.common.Platform;

import java.time.Instant;
import java.util.UUID;

/** One claim attempt; {@code codeId} is set only when a code was handed out. */
public record CodeRequestEvent(UUID eventId, String type, int version, Instant occurredAt, UUID campaignId,
                               UUID requestId, Platform platform, RequestStatus status, UUID codeId,
                               String countryCode, Instant requestedAt) implements DomainEvent {
    public static final String TYPE = "code-request";

    public static CodeRequestEvent of(UUID campaignId, UUID requestId, Platform platform, RequestStatus status,
                                      UUID codeId, String countryCode, Instant requestedAt) {
        return new CodeRequestEvent(UUID.randomUUID(), TYPE, 1, Instant.now(), campaignId, requestId, platform,
                status, codeId, countryCode, requestedAt);
    }
}
