package io.codedrop.analytics.mapping;

import io.codedrop.analytics.domain.CodeCounts;
import io.codedrop.analytics.repository.RebuildRepository.Rebuild;
import io.codedrop.analytics.repository.StatsRepository.CampaignAggregates;
import io.codedrop.analytics.repository.StatsRepository.PlatformDay;
import io.codedrop.analytics.rest.CampaignStatsResponse;
import io.codedrop.analytics.rest.CampaignStatsResponse.DailyUsage;
import io.codedrop.analytics.rest.CampaignStatsResponse.PlatformBreakdown;
import io.codedrop.analytics.rest.PlatformStatsResponse;
import io.codedrop.analytics.rest.RebuildResponse;
import io.codedrop.common.Platform;
import io.codedrop.common.event.RequestStatus;
import io.codedrop.support.campaign.CampaignView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

public final class StatsMapper {
    private StatsMapper() {
    }

    public static CampaignStatsResponse toResponse(CampaignView view, CampaignAggregates aggregates) {
        long total = 0;
        long used = 0;
        long expired = 0;
        Map<Platform, PlatformBreakdown> breakdown = new LinkedHashMap<>();
        for (Map.Entry<Platform, CodeCounts> entry : aggregates.codes().entrySet()) {
            CodeCounts counts = entry.getValue();
            total += counts.total();
            used += counts.used();
            expired += counts.expired();
            breakdown.put(entry.getKey(), new PlatformBreakdown(counts.total(), counts.used()));
        }
        Map<String, Long> requests = new LinkedHashMap<>();
        for (RequestStatus status : RequestStatus.values()) {
            requests.put(status.wireName(), aggregates.requests().getOrDefault(status, 0L));
        }
        return new CampaignStatsResponse(view.getId(), view.getSnapshot().name(), total, used, expired,
                percent(used, total), Math.max(total - used - expired, 0), breakdown,
                dailyUsage(aggregates.dailyUsed()),
                aggregates.lastUpdated() != null ? aggregates.lastUpdated() : view.getSnapshot().updatedAt(),
                requests);
    }

    public static PlatformStatsResponse toResponse(PlatformDay day) {
        return new PlatformStatsResponse(day.platform(), day.day(), day.totalRequests(), day.fulfilledRequests(),
                percent(day.fulfilledRequests(), day.totalRequests()));
    }

    public static RebuildResponse toResponse(Rebuild rebuild) {
        return new RebuildResponse(rebuild.id(), rebuild.status(), rebuild.requestedBy(), rebuild.startedAt(),
                rebuild.finishedAt(), rebuild.eventsRead(), rebuild.eventsApplied(), rebuild.error());
    }

    /** Every UTC day from the first to the last with claims, quiet days as 0. */
    static List<DailyUsage> dailyUsage(SortedMap<LocalDate, Long> used) {
        List<DailyUsage> days = new ArrayList<>();
        if (used.isEmpty()) {
            return days;
        }
        for (LocalDate day = used.firstKey(); !day.isAfter(used.lastKey()); day = day.plusDays(1)) {
            days.add(new DailyUsage(day, used.getOrDefault(day, 0L)));
        }
        return days;
    }

    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
