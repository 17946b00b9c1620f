package io.codedrop.ingest.rest;

import io.codedrop.ingest.service.UploadService;
import io.codedrop.support.identity.DeveloperContext;
import io.codedrop.support.problem.Problems;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.UUID;

/**
 * Answers 404 for an upload the caller may not read before a streaming endpoint starts: once a stream's
 * headers are out, a failure can no longer become a problem document.
 */
public class ReadableUploadFilter {
    private final UploadService uploads;
    private final DeveloperContext caller;

    public ReadableUploadFilter(UploadService uploads, DeveloperContext caller) {
        this.uploads = uploads;
        this.caller = caller;
    }

    @ServerRequestFilter
    @ReadableUpload
    public Uni<Void> requireReadable(UriInfo uri) {
        String id = uri.getPathParameters().getFirst("id");
        UUID uploadId;
        try {
            uploadId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(Problems.notFound("upload " + id));
        }
        return uploads.readable(caller.current(), uploadId).replaceWithVoid();
    }
}
