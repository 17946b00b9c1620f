package io.codedrop.distribution.service;

import io.codedrop.common.Platform;
import io.codedrop.distribution.abuse.AbuseGuard;
import io.codedrop.distribution.claim.ClaimProblems;
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
    private final AbuseGuard guard;

    public DistributionService(CampaignCatalog catalog, AvailabilityCache availability, AbuseGuard guard) {
        this.catalog = catalog;
        this.availability = availability;
        this.guard = guard;
    }

    /** The campaign as the client at {@code ip} may see it, within its request limit. */
    public Uni<CampaignAvailabilityResponse> describe(UUID campaignId, String ip) {
        return guard.checkRequest(ip)
                .invoke(verdict -> {
                    if (verdict.refused()) {
                        throw ClaimProblems.rateLimited(verdict.retryAfterSeconds());
                    }
                })
                .chain(() -> campaign(campaignId))
                .chain(campaign -> availability.available(campaignId)
                        .map(counts -> toResponse(campaign, counts)));
    }

    /** The campaign, or 404 when it is unknown or deleted. */
    public Uni<CampaignSnapshot> campaign(UUID campaignId) {
        return catalog.find(campaignId)
                .onItem().ifNull().failWith(() -> Problems.notFound("campaign " + campaignId));
    }

    private static CampaignAvailabilityResponse toResponse(CampaignSnapshot snapshot, Map<Platform, Long> counts) {
        var platforms = counts.entrySet().stream()
                .map(count -> new PlatformAvailability(count.getKey(), count.getValue()))
                .toList();
        return new CampaignAvailabilityResponse(snapshot.id(), snapshot.name(), snapshot.appName(), snapshot.status(),
                platforms);
    }
}
