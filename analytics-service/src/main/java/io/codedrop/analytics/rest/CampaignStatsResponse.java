package io.codedrop.analytics.rest;

import io.codedrop.common.Platform;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The seed contract of a campaign's statistics. */
public record CampaignStatsResponse(UUID id, String name, long totalCodes, long usedCodes, long expiredCodes,
                                    BigDecimal usageRate, long remainingCodes,
                                    Map<Platform, PlatformBreakdown> platformBreakdown, Instant lastUpdated) {
    public record PlatformBreakdown(long total, long used) {
    }
}
