package io.codedrop.distribution.abuse;

import io.codedrop.common.event.RequestStatus;
import io.codedrop.distribution.abuse.Verdict.ClaimCounts;
import io.codedrop.distribution.abuse.Verdict.Decision;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerdictTest {
    private static final RateLimitConfig LIMITS = new RateLimitConfig() {
        public int claims() {
            return 5;
        }

        public Duration claimsWindow() {
            return Duration.ofHours(1);
        }

        public int requests() {
            return 100;
        }

        public Duration requestsWindow() {
            return Duration.ofMinutes(1);
        }
    };
    private static final FraudConfig FRAUD = new FraudConfig() {
        public int maxDevicesPerIp() {
            return 20;
        }

        public Duration devicesPerIpWindow() {
            return Duration.ofHours(1);
        }

        public int maxIpsPerDevice() {
            return 5;
        }

        public Duration ipsPerDeviceWindow() {
            return Duration.ofHours(1);
        }

        public int maxCampaigns() {
            return 5;
        }

        public Duration campaignsWindow() {
            return Duration.ofMinutes(10);
        }

        public int maxBurst() {
            return 10;
        }

        public Duration burstWindow() {
            return Duration.ofSeconds(10);
        }
    };

    @Test
    void countsAtTheirMaximumAreAllowed() {
        Verdict verdict = Verdict.ofClaim(new ClaimCounts(100, 1_000, 5, 1_000, 20, 5, 5, 5, 10), LIMITS, FRAUD);

        assertEquals(Decision.ALLOWED, verdict.decision());
        assertFalse(verdict.refused());
    }

    @Test
    void aClaimOverItsLimitWaitsForTheRestOfItsWindowRoundedUp() {
        Verdict verdict = Verdict.ofClaim(new ClaimCounts(7, 30_000, 6, 1_799_001, 1, 1, 1, 1, 1), LIMITS, FRAUD);

        assertEquals(Decision.RATE_LIMITED, verdict.decision());
        assertEquals(RequestStatus.RATE_LIMITED, verdict.status());
        assertEquals(1800, verdict.retryAfterSeconds());
        assertTrue(verdict.checks().isEmpty());
    }

    @Test
    void overBothLimitsTheLaterWindowDecidesRetryAfter() {
        Verdict verdict = Verdict.ofClaim(new ClaimCounts(101, 50_000, 6, 20_000, 1, 1, 1, 1, 1), LIMITS, FRAUD);

        assertEquals(50, verdict.retryAfterSeconds());
    }

    @Test
    void aTrippedCheckBlocksEvenOverARateLimitAndEveryCheckIsKept() {
        Verdict verdict = Verdict.ofClaim(new ClaimCounts(1, 1_000, 6, 1_000, 1, 1, 6, 1, 1), LIMITS, FRAUD);

        assertEquals(Decision.BLOCKED, verdict.decision());
        assertEquals(RequestStatus.BLOCKED, verdict.status());
        assertEquals(List.of(CheckType.IP_DUPLICATE, CheckType.DEVICE_DUPLICATE, CheckType.VELOCITY_LIMIT,
                CheckType.CROSS_CAMPAIGN), verdict.checks().stream().map(FraudCheck::type).toList());
        assertEquals(List.of(false, false, false, true), verdict.checks().stream().map(FraudCheck::flagged).toList());
        assertEquals(6L, verdict.checks().get(3).details().get("campaigns_of_ip"));
        assertEquals(600L, verdict.checks().get(3).details().get("window_seconds"));
    }

    @Test
    void crossCampaignTripsOnTheDeviceAsOnTheIp() {
        Verdict verdict = Verdict.ofClaim(new ClaimCounts(1, 1_000, 1, 1_000, 1, 1, 1, 6, 1), LIMITS, FRAUD);

        assertTrue(verdict.checks().get(3).flagged());
    }

    @Test
    void aReadOverTheRequestLimitIsRateLimited() {
        assertEquals(Decision.ALLOWED, Verdict.ofRequest(100, 10_000, LIMITS).decision());
        assertEquals(10, Verdict.ofRequest(101, 10_000, LIMITS).retryAfterSeconds());
    }
}
