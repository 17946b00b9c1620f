package io.codedrop.distribution.redemption;

import io.codedrop.common.Platform;
import io.codedrop.common.event.CampaignStatus;
import io.codedrop.distribution.codes.CodeStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * A code being redeemed, read with its row locked: its state, who holds it ({@code holderDeviceKey} is
 * null when nobody does or the holder was forgotten) and its campaign's state.
 */
public record LockedCode(UUID id, UUID campaignId, String code, Platform platform, CodeStatus status,
                         Instant expiresAt, Instant usedAt, Instant redeemedAt, UUID holderId, String holderDeviceKey,
                         CampaignStatus campaignStatus, Instant campaignStartsAt, Instant campaignExpiresAt) {
}
