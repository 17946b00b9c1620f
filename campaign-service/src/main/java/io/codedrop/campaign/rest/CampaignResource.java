package io.codedrop.campaign.rest;

import io.codedrop.campaign.mapping.CampaignMapper;
import io.codedrop.campaign.service.CampaignService;
import io.codedrop.common.api.PageResponse;
import io.codedrop.support.identity.DeveloperContext;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
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
    public Uni<PageResponse<CampaignResponse>> list(
            @QueryParam("status") @Pattern(regexp = "(?i)\\s*(active|paused|completed|expired)\\s*",
                    message = "must be one of active, paused, completed, expired") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return campaigns.list(caller.current(), status, page, size)
                .map(CampaignMapper::toResponse);
    }

    @GET
    @Path("/{id}")
    public Uni<CampaignResponse> get(@PathParam("id") UUID id) {
        return campaigns.get(caller.current(), id)
                .map(CampaignMapper::toResponse);
    }

    @PATCH
    @Path("/{id}")
    public Uni<CampaignResponse> update(@PathParam("id") UUID id, @Valid @NotNull CampaignUpdateRequest request) {
        return campaigns.update(caller.current(), id, request)
                .map(CampaignMapper::toResponse);
    }

    @DELETE
    @Path("/{id}")
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return campaigns.delete(caller.current(), id);
    }
}
