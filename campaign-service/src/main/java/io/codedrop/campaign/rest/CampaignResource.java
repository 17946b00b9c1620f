package io.codedrop.campaign.rest;

import io.codedrop.campaign.mapping.CampaignMapper;
import io.codedrop.campaign.service.CampaignService;
import io.codedrop.support.identity.DeveloperContext;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/campaigns")
@Authenticated
public class CampaignResource {
    private final CampaignService campaigns;
    private final DeveloperContext caller;

    public CampaignResource(CampaignService campaigns, DeveloperContext caller) {
        this.campaigns = campaigns;
        this.caller = caller;
    }

    @POST
    public Uni<RestResponse<CampaignResponse>> create(@Valid @NotNull CampaignCreateRequest request, UriInfo uri) {
        return campaigns.create(caller.current(), request)
                .map(CampaignMapper::toResponse)
                .map(created -> RestResponse.ResponseBuilder
                        .<CampaignResponse>created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                        .entity(created)
                        .build());
    }

    @GET
    @Path("/{id}")
    public Uni<CampaignResponse> get(@PathParam("id") UUID id) {
        return campaigns.get(caller.current(), id)
                .map(CampaignMapper::toResponse);
    }
}
