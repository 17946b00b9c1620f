package io.codedrop.ingest.rest;

import io.codedrop.common.api.PageResponse;
import io.codedrop.ingest.service.UploadService;
import io.codedrop.support.identity.DeveloperContext;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.util.UUID;

@Path("/api/v1/uploads")
@Authenticated
public class UploadResource {
    private final UploadService uploads;
    private final DeveloperContext caller;

    public UploadResource(UploadService uploads, DeveloperContext caller) {
        this.uploads = uploads;
        this.caller = caller;
    }

    @GET
    public Uni<PageResponse<UploadResponse>> history(@QueryParam("campaign_id") @NotNull UUID campaignId,
                                                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return uploads.history(caller.current(), campaignId, page, size);
    }
}
