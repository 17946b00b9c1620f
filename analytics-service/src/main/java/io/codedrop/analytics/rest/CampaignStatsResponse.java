package io.codedrop.analytics.rest;

import io.codedrop.common.Platform;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The seed contract of a campaign's statistics: {@code usage_rate} is used / total × 100 with two
 * decimals, {@code remaining_codes} what can still be handed out (neither used nor expired),
 * {@code daily_usage} new claims per UTC day from the first to the last day with claims (quiet days
 * as 0), and {@code requests} every claim attempt by outcome.
 */
public record CampaignStatsResponse(UUID id, String name, long totalCodes, long usedCodes, long expiredCodes,
                                    BigDecimal usageRate, long remainingCodes,
                                    Map<Platform, PlatformBreakdown> platformBreakdown, List<DailyUsage> dailyUsage,
                                    Instant lastUpdated, Map<String, Long> requests) {
    public record PlatformBreakdown(long total, long used) {
    }

    public record DailyUsage(LocalDate date, long used) {
    }
}
