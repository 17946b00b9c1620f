package io.codedrop.distribution.service;

import io.codedrop.common.Platform;
import io.codedrop.distribution.availability.AvailabilityCache;
import io.codedrop.distribution.rest.CampaignAvailabilityResponse;
import io.codedrop.distribution.rest.CampaignAvailabilityResponse.PlatformAvailability;
import io.codedrop.support.campaign.CampaignView;
import io.codedrop.support.campaign.CampaignViewRepository;
import io.codedrop.support.problem.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;

/** The public side of a campaign: what clients see before they claim. */
@ApplicationScoped
public class DistributionService {
    private final CampaignViewRepository campaigns;
    private final AvailabilityCache availability;

    public DistributionService(CampaignViewRepository campaigns, AvailabilityCache availability) {
        this.campaigns = campaigns;
        this.availability = availability;
    }

    @WithSession
    public Uni<CampaignAvailabilityResponse> describe(UUID campaignId) {
        return campaigns.findById(campaignId)
                .map(view -> view == null || view.isDeleted() ? null : view)
                .onItem().ifNull().failWith(() -> Problems.notFound("campaign " + campaignId))
                .chain(view -> availability.available(campaignId)
                        .map(counts -> toResponse(view, counts)));
    }

    private static CampaignAvailabilityResponse toResponse(CampaignView view, Map<Platform, Long> counts) {
        var snapshot = view.getSnapshot();
        var platforms = counts.entrySet().stream()
                .map(count -> new PlatformAvailability(count.getKey(), count.getValue()))
                .toList();
        return new CampaignAvailabilityResponse(snapshot.id(), snapshot.name(), snapshot.appName(), snapshot.status(),
                platforms);
    }
}
