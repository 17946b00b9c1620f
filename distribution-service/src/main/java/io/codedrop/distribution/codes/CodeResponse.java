package io.codedrop.distribution.codes;

import io.codedrop.common.Platform;

import java.time.Instant;
import java.util.UUID;

/** A code as a developer lists it; {@code code} is masked unless the listing revealed it. */
public record CodeResponse(UUID id, UUID campaignId, String code, Platform platform, CodeStatus status,
                           Instant expiresAt, Instant usedAt, Instant redeemedAt, Instant createdAt) {
}
