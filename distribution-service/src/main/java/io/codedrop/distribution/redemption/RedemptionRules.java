package io.codedrop.distribution.redemption;

import io.codedrop.common.event.CampaignStatus;
import io.codedrop.distribution.codes.CodeStatus;

import java.time.Instant;
import java.util.Optional;

/** The redemption checks after the code was found, in their order; the first that fails is the answer. */
public final class RedemptionRules {
    private RedemptionRules() {
    }

    /**
     * @param deviceKey the end user the caller says redeems it, or null when the caller named no device
     */
    public static Optional<RedemptionFailure> check(LockedCode code, String deviceKey, Instant now) {
        if (!campaignActive(code, now)) {
            return Optional.of(RedemptionFailure.CAMPAIGN_INACTIVE);
        }
        if (code.status() == CodeStatus.EXPIRED || code.expiresAt() != null && !code.expiresAt().isAfter(now)) {
            return Optional.of(RedemptionFailure.CODE_EXPIRED);
        }
        if (code.status() != CodeStatus.USED) {
            return Optional.of(RedemptionFailure.CODE_NOT_CLAIMED);
        }
        if (deviceKey != null && !deviceKey.equals(code.holderDeviceKey())) {
            return Optional.of(RedemptionFailure.DEVICE_MISMATCH);
        }
        if (code.redeemedAt() != null) {
            return Optional.of(RedemptionFailure.ALREADY_REDEEMED);
        }
        return Optional.empty();
    }

    /** Active as claims see it: status active and inside starts_at…expires_at. */
    private static boolean campaignActive(LockedCode code, Instant now) {
        return code.campaignStatus() == CampaignStatus.ACTIVE
                && (code.campaignStartsAt() == null || !code.campaignStartsAt().isAfter(now))
                && (code.campaignExpiresAt() == null || code.campaignExpiresAt().isAfter(now));
    }
}
