package io.codedrop.common.event;

import io.codedrop.common.Platform;
import io.codedrop.common.TimeOrderedIds;

import java.time.Instant;
import java.util.UUID;

/**
 * One claim attempt. {@code codeId} is set when the user holds a code after it; {@code newClaim} is
 * true only when this attempt took a new code (a retry that returns the user's code again is false),
 * so consumers count used codes from new claims and requests from every event.
 */
public record CodeRequestEvent(UUID eventId, String type, int version, Instant occurredAt, UUID campaignId,
                               UUID requestId, Platform platform, RequestStatus status, UUID codeId,
                               boolean newClaim, String countryCode, Instant requestedAt) implements DomainEvent {
    public static final String TYPE = "code-request";

    public static CodeRequestEvent of(UUID campaignId, UUID requestId, Platform platform, RequestStatus status,
                                      UUID codeId, boolean newClaim, String countryCode, Instant requestedAt) {
        return new CodeRequestEvent(TimeOrderedIds.next(), TYPE, 1, Instant.now(), campaignId, requestId, platform,
                status, codeId, newClaim, countryCode, requestedAt);
    }
}
