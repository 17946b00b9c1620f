package io.codedrop.analytics.rest;

import io.codedrop.analytics.aggregation.CampaignStatsService;
import io.codedrop.support.identity.DeveloperContext;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.UUID;

@Path("/api/v1/analytics/campaigns")
@Authenticated
public class CampaignStatsResource {
    private final CampaignStatsService stats;
    private final DeveloperContext caller;

    public CampaignStatsResource(CampaignStatsService stats, DeveloperContext caller) {
        this.stats = stats;
        this.caller = caller;
    }

    @GET
    @Path("/{campaignId}")
    public Uni<CampaignStatsResponse> campaign(@PathParam("campaignId") UUID campaignId) {
        return stats.campaignStats(caller.current(), campaignId);
    }
}
