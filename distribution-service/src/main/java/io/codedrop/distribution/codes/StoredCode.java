package io.codedrop.distribution.codes;

import io.codedrop.common.Platform;

import java.time.Instant;
import java.util.UUID;

/** A promo code row as the developer endpoints read it; {@code seq} is its place in upload order. */
public record StoredCode(UUID id, UUID campaignId, long seq, String code, Platform platform, CodeStatus status,
                         Instant expiresAt, Instant usedAt, Instant redeemedAt, Instant createdAt) {
}
