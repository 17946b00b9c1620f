package io.codedrop.analytics.rest;

import io.codedrop.analytics.aggregation.PlatformStatsService;
import io.codedrop.common.api.PageResponse;
import io.codedrop.support.identity.DeveloperContext;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

@Path("/api/v1/analytics/platforms")
@Authenticated
public class PlatformStatsResource {
    private final PlatformStatsService platforms;
    private final DeveloperContext caller;

    public PlatformStatsResource(PlatformStatsService platforms, DeveloperContext caller) {
        this.platforms = platforms;
        this.caller = caller;
    }

    /** Per platform and UTC day, ordered by day then platform; {@code from}/{@code to} are dates, both included. */
    @GET
    public Uni<PageResponse<PlatformStatsResponse>> platforms(@QueryParam("from") String from,
                                                              @QueryParam("to") String to,
                                                              @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                              @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return platforms.platforms(caller.current(), from, to, page, size);
    }
}
