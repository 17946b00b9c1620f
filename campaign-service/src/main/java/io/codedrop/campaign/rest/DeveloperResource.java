package io.codedrop.campaign.rest;

import io.codedrop.campaign.mapping.DeveloperMapper;
import io.codedrop.campaign.service.DeveloperService;
import io.codedrop.support.identity.DeveloperContext;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;

@Path("/api/v1/developers")
@Authenticated
public class DeveloperResource {
    private final DeveloperService developers;
    private final DeveloperContext caller;

    public DeveloperResource(DeveloperService developers, DeveloperContext caller) {
        this.developers = developers;
        this.caller = caller;
    }

    @GET
    @Path("/me")
    public Uni<DeveloperResponse> me() {
        return developers.provision(caller.current())
                .map(DeveloperMapper::toResponse);
    }

    @PATCH
    @Path("/me")
    public Uni<DeveloperResponse> updateMe(@Valid @NotNull DeveloperUpdateRequest request) {
        return developers.update(caller.current(), request)
                .map(DeveloperMapper::toResponse);
    }
}
