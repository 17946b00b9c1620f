package io.codedrop.analytics.aggregation;

import io.codedrop.analytics.mapping.StatsMapper;
import io.codedrop.analytics.repository.StatsRepository;
import io.codedrop.analytics.repository.StatsRepository.CampaignAggregates;
import io.codedrop.analytics.repository.StatsRepository.StreamVersion;
import io.codedrop.analytics.rest.CampaignStatsResponse;
import io.codedrop.support.campaign.CampaignView;
import io.codedrop.support.campaign.CampaignViewRepository;
import io.codedrop.support.identity.Developer;
import io.codedrop.support.problem.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Reads a campaign's statistics document for the developers allowed to see it. */
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
        return readable(caller, campaignId)
                .map(StatsDocument::stats);
    }

    /** The document and what it was read from; 404 when the caller is no reader (owner, team) or admin. */
    @WithSession
    public Uni<StatsDocument> readable(Developer caller, UUID campaignId) {
        return current(campaignId)
                .map(document -> document != null && document.view().readableBy(caller) ? document : null)
                .onItem().ifNull().failWith(() -> Problems.notFound("campaign " + campaignId));
    }

    /** The document as it is now, whoever asks; null for a campaign this service never heard of. */
    @WithSession
    public Uni<StatsDocument> current(UUID campaignId) {
        // both reads at once: the freshness of the API is mostly round trips
        return Uni.combine().all()
                .unis(campaigns.findById(campaignId), stats.campaign(campaignId))
                .with((view, aggregates) -> view == null ? null : document(view, aggregates));
    }

    private static StatsDocument document(CampaignView view, CampaignAggregates aggregates) {
        return new StatsDocument(view, StatsMapper.toResponse(view, aggregates), new StreamVersion(aggregates.version(),
                // as precise as the updated_at column the streams' version query reads
                view.getSnapshot().updatedAt().truncatedTo(ChronoUnit.MICROS), view.isDeleted()));
    }

    /** A campaign's statistics with the campaign they belong to and the version they were read at. */
    public record StatsDocument(CampaignView view, CampaignStatsResponse stats, StreamVersion version) {
    }
}
