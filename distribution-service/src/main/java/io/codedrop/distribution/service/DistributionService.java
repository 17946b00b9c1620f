package io.codedrop.distribution.service;

import io.codedrop.common.Platform;
import io.codedrop.distribution.availability.AvailabilityCache;
import io.codedrop.distribution.rest.CampaignAvailabilityResponse;
import io.codedrop.distribution.rest.CampaignAvailabilityResponse.PlatformAvailability;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.distribution.campaign.CampaignCatalog;
import io.codedrop.support.problem.Problems;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;

/** The public side of a campaign: what clients see before they claim. */
@ApplicationScoped
public class DistributionService {
    private final CampaignCatalog catalog;
    private final AvailabilityCache availability;

    public DistributionService(CampaignCatalog catalog, AvailabilityCache availability) {
        this.catalog = catalog;
        this.availability = availability;
    }

    public Uni<CampaignAvailabilityResponse> describe(UUID campaignId) {
        return catalog.find(campaignId)
                .onItem().ifNull().failWith(() -> Problems.notFound("campaign " + campaignId))
                .chain(campaign -> availability.available(campaignId)
                        .map(counts -> toResponse(campaign, counts)));
    }

    private static CampaignAvailabilityResponse toResponse(CampaignSnapshot snapshot, Map<Platform, Long> counts) {
        var platforms = counts.entrySet().stream()
                .map(count -> new PlatformAvailability(count.getKey(), count.getValue()))
                .toList();
        return new CampaignAvailabilityResponse(snapshot.id(), snapshot.name(), snapshot.appName(), snapshot.status(),
                platforms);
    }
}
