package io.codedrop.distribution.rest;

import io.codedrop.distribution.service.DistributionService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.UUID;

/** The public claim API used by mobile and web clients. */
@Path("/api/v1/distribute")
public class DistributionResource {
    private final DistributionService distribution;

    public DistributionResource(DistributionService distribution) {
        this.distribution = distribution;
    }

    @GET
    @Path("/{campaignId}")
    public Uni<CampaignAvailabilityResponse> describe(@PathParam("campaignId") UUID campaignId) {
        return distribution.describe(campaignId);
    }
}
