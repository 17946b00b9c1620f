package io.codedrop.analytics.rest;

import io.codedrop.analytics.aggregation.RebuildService;
import io.codedrop.support.identity.Developer;
import io.codedrop.support.identity.DeveloperContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import java.util.UUID;

/** Operators rebuild the aggregates from the topics; see {@link RebuildService} for why that is safe while running. */
@Path("/api/v1/analytics/rebuilds")
@RolesAllowed(Developer.ADMIN_ROLE)
public class RebuildResource {
    private final RebuildService rebuilds;
    private final DeveloperContext caller;

    public RebuildResource(RebuildService rebuilds, DeveloperContext caller) {
        this.rebuilds = rebuilds;
        this.caller = caller;
    }

    /** 202 with the running rebuild and its Location; 409 while another one runs. */
    @POST
    public Uni<Response> start(@Context UriInfo uri) {
        return rebuilds.start(caller.current())
                .map(rebuild -> Response.accepted(rebuild)
                        .location(uri.getAbsolutePathBuilder().path(rebuild.id().toString()).build())
                        .build());
    }

    @GET
    @Path("/{rebuildId}")
    public Uni<RebuildResponse> status(@PathParam("rebuildId") UUID rebuildId) {
        return rebuilds.status(rebuildId);
    }
}
