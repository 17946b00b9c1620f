package io.codedrop.distribution.redemption;

import io.codedrop.common.Platform;

import java.time.Instant;
import java.util.UUID;

/** A successful redemption. */
public record RedeemResponse(boolean success, String code, UUID campaignId, Platform platform, Instant claimedAt,
                             Instant redeemedAt) {
}
