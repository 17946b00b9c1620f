package io.codedrop.distribution.redemption;

import io.codedrop.common.Platform;
import io.codedrop.common.event.CampaignStatus;
import io.codedrop.distribution.codes.CodeStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The checks after the code was found, in seed 002's order: each case also fails every later check. */
class RedemptionRulesTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String HOLDER = "device:phone-a";

    @Test
    void aClaimedUnredeemedCodeOfAnActiveCampaignPasses() {
        assertEquals(Optional.empty(), RedemptionRules.check(code(CampaignStatus.ACTIVE, null, CodeStatus.USED, null),
                HOLDER, NOW));
        assertEquals(Optional.empty(), RedemptionRules.check(code(CampaignStatus.ACTIVE, null, CodeStatus.USED, null),
                null, NOW));
    }

    @Test
    void theCampaignIsCheckedFirst() {
        LockedCode everythingWrong = new LockedCode(UUID.randomUUID(), UUID.randomUUID(), "C", Platform.IOS,
                CodeStatus.EXPIRED, NOW.minusSeconds(1), null, NOW, null, null, CampaignStatus.PAUSED, null, null);

        assertEquals(Optional.of(RedemptionFailure.CAMPAIGN_INACTIVE),
                RedemptionRules.check(everythingWrong, "device:other", NOW));
    }

    @Test
    void aCampaignOutsideItsWindowIsInactive() {
        LockedCode ended = new LockedCode(UUID.randomUUID(), UUID.randomUUID(), "C", Platform.IOS, CodeStatus.USED,
                null, NOW, null, UUID.randomUUID(), HOLDER, CampaignStatus.ACTIVE, null, NOW);
        LockedCode notStarted = new LockedCode(UUID.randomUUID(), UUID.randomUUID(), "C", Platform.IOS,
                CodeStatus.USED, null, NOW, null, UUID.randomUUID(), HOLDER, CampaignStatus.ACTIVE,
                NOW.plusSeconds(1), null);

        assertEquals(Optional.of(RedemptionFailure.CAMPAIGN_INACTIVE), RedemptionRules.check(ended, HOLDER, NOW));
        assertEquals(Optional.of(RedemptionFailure.CAMPAIGN_INACTIVE), RedemptionRules.check(notStarted, HOLDER, NOW));
    }

    @Test
    void expiryComesBeforeWhetherTheCodeWasClaimed() {
        assertEquals(Optional.of(RedemptionFailure.CODE_EXPIRED),
                RedemptionRules.check(code(CampaignStatus.ACTIVE, NOW, CodeStatus.UNUSED, NOW), "device:other", NOW));
        assertEquals(Optional.of(RedemptionFailure.CODE_EXPIRED),
                RedemptionRules.check(code(CampaignStatus.ACTIVE, null, CodeStatus.EXPIRED, null), HOLDER, NOW));
    }

    @Test
    void anUnusedOrWithdrawnCodeWasNotClaimed() {
        assertEquals(Optional.of(RedemptionFailure.CODE_NOT_CLAIMED),
                RedemptionRules.check(code(CampaignStatus.ACTIVE, null, CodeStatus.UNUSED, null), HOLDER, NOW));
        assertEquals(Optional.of(RedemptionFailure.CODE_NOT_CLAIMED),
                RedemptionRules.check(code(CampaignStatus.ACTIVE, null, CodeStatus.WITHDRAWN, null), HOLDER, NOW));
    }

    @Test
    void theDeviceComesBeforeAnEarlierRedemption() {
        assertEquals(Optional.of(RedemptionFailure.DEVICE_MISMATCH),
                RedemptionRules.check(code(CampaignStatus.ACTIVE, null, CodeStatus.USED, NOW), "device:other", NOW));
        assertEquals(Optional.of(RedemptionFailure.ALREADY_REDEEMED),
                RedemptionRules.check(code(CampaignStatus.ACTIVE, null, CodeStatus.USED, NOW), HOLDER, NOW));
    }

    private static LockedCode code(CampaignStatus campaign, Instant expiresAt, CodeStatus status, Instant redeemedAt) {
        boolean held = status == CodeStatus.USED;
        return new LockedCode(UUID.randomUUID(), UUID.randomUUID(), "CODE", Platform.IOS, status, expiresAt,
                held ? NOW.minusSeconds(60) : null, redeemedAt, held ? UUID.randomUUID() : null, held ? HOLDER : null,
                campaign, null, null);
    }
}
