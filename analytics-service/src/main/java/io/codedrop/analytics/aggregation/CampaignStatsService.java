package io.codedrop.analytics.aggregation;

import io.codedrop.analytics.repository.StatsRepository;
import io.codedrop.analytics.repository.StatsRepository.PlatformTotals;
import io.codedrop.analytics.rest.CampaignStatsResponse;
import io.codedrop.analytics.rest.CampaignStatsResponse.PlatformBreakdown;
import io.codedrop.support.campaign.CampaignView;
import io.codedrop.support.campaign.CampaignViewRepository;
import io.codedrop.support.identity.Developer;
import io.codedrop.support.problem.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads a campaign's aggregates for the developers allowed to see them. */
@ApplicationScoped
public class CampaignStatsService {
    private final CampaignViewRepository campaigns;
    private final StatsRepository stats;

    public CampaignStatsService(CampaignViewRepository campaigns, StatsRepository stats) {
        this.campaigns = campaigns;
        this.stats = stats;
    }

    @WithSession
    public Uni<CampaignStatsResponse> campaignStats(Developer caller, UUID campaignId) {
        return campaigns.findReadable(campaignId, caller)
                .onItem().ifNull().failWith(() -> Problems.notFound("campaign " + campaignId))
                .chain(view -> stats.platforms(campaignId).map(platforms -> toResponse(view, platforms)));
    }

    static CampaignStatsResponse toResponse(CampaignView view, List<PlatformTotals> platforms) {
        long total = platforms.stream().mapToLong(PlatformTotals::total).sum();
        long used = platforms.stream().mapToLong(PlatformTotals::used).sum();
        long expired = platforms.stream().mapToLong(PlatformTotals::expired).sum();
        Map<io.codedrop.common.Platform, PlatformBreakdown> breakdown = new LinkedHashMap<>();
        platforms.forEach(p -> breakdown.put(p.platform(), new PlatformBreakdown(p.total(), p.used())));
        Instant lastUpdated = platforms.stream().map(PlatformTotals::updatedAt).max(Comparator.naturalOrder())
                .orElse(view.getSnapshot().updatedAt());
        BigDecimal usageRate = total == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(used * 100).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
        return new CampaignStatsResponse(view.getId(), view.getSnapshot().name(), total, used, expired, usageRate,
                total - used - expired, breakdown, lastUpdated);
    }
}
