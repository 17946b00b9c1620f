package io.codedrop.ingest.rest;

import io.codedrop.ingest.mapping.UploadMapper;
import io.codedrop.ingest.service.GenerationService;
import io.codedrop.support.identity.DeveloperContext;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/generations")
@Authenticated
public class GenerationResource {
    private final GenerationService generations;
    private final DeveloperContext caller;

    public GenerationResource(GenerationService generations, DeveloperContext caller) {
        this.generations = generations;
        this.caller = caller;
    }

    /** 202 with the job to follow at {@code /api/v1/uploads/{upload_id}}; the codes are made in the background. */
    @POST
    public Uni<RestResponse<UploadAccepted>> generate(@Valid @NotNull GenerationRequest request) {
        return generations.create(caller.current(), request)
                .map(job -> UploadResource.accepted(UploadMapper.toAccepted(job)));
    }
}
