package io.codedrop.ingest.rest;

import io.codedrop.common.api.PageResponse;
import io.codedrop.ingest.mapping.ErrorsCsv;
import io.codedrop.ingest.mapping.UploadMapper;
import io.codedrop.ingest.service.UploadRequest;
import io.codedrop.ingest.service.UploadService;
import io.codedrop.support.identity.DeveloperContext;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.UUID;

@Path("/api/v1/uploads")
@Authenticated
public class UploadResource {
    static final String TEXT_CSV = "text/csv";
    static final String TEXT_TSV = "text/tab-separated-values";

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

    /** A form upload; the multipart decoder writes the file to disk as it arrives, the parser streams it from there. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    public Uni<RestResponse<UploadAccepted>> uploadForm(@QueryParam("campaign_id") @NotNull UUID campaignId,
                                                        @RestForm("file") @NotNull FileUpload file,
                                                        @RestForm("platform") String platform,
                                                        @RestForm("expires_at") String expiresAt) {
        UploadRequest request = new UploadRequest(() -> Files.newInputStream(file.uploadedFile()), file.fileName(),
                platform, expiresAt);
        return uploads.upload(caller.current(), campaignId, request)
                .map(upload -> accepted(UploadMapper.toAccepted(upload)));
    }

    /**
     * A raw body, parsed as it arrives: blocking, so that the body is a stream rather than a buffer. A
     * declared charset is not trusted either way; the bytes themselves must be UTF-8.
     */
    @POST
    @Consumes({TEXT_CSV, MediaType.TEXT_PLAIN, TEXT_TSV})
    @Blocking
    public Uni<RestResponse<UploadAccepted>> uploadText(@QueryParam("campaign_id") @NotNull UUID campaignId,
                                                        @QueryParam("platform") String platform,
                                                        @QueryParam("expires_at") String expiresAt,
                                                        @QueryParam("file_name") String fileName,
                                                        InputStream body) {
        UploadRequest request = new UploadRequest(() -> body, fileName, platform, expiresAt);
        return uploads.upload(caller.current(), campaignId, request)
                .map(upload -> accepted(UploadMapper.toAccepted(upload)));
    }

    @GET
    @Path("/{id}")
    public Uni<UploadResponse> get(@PathParam("id") UUID id) {
        return uploads.get(caller.current(), id);
    }

    /** Every row error of the upload, streamed page by page. */
    @GET
    @Path("/{id}/errors.csv")
    @Produces(UploadResource.TEXT_CSV)
    @ReadableUpload
    public Multi<String> errors(@PathParam("id") UUID id) {
        Multi<String> csv = Multi.createBy().concatenating().streams(
                Multi.createFrom().item(ErrorsCsv.HEADER),
                uploads.allErrors(id).map(ErrorsCsv::lines));
        return RestMulti.fromMultiData(csv)
                .header("Content-Disposition", "attachment; filename=\"upload-" + id + "-errors.csv\"")
                .build();
    }

    /** Server-sent events: the job's document whenever it changes, until it is completed or failed. */
    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @ReadableUpload
    public Multi<UploadResponse> events(@PathParam("id") UUID id) {
        return uploads.progress(id);
    }

    static RestResponse<UploadAccepted> accepted(UploadAccepted accepted) {
        return RestResponse.ResponseBuilder.<UploadAccepted>create(RestResponse.Status.ACCEPTED)
                .location(URI.create("/api/v1/uploads/" + accepted.uploadId()))
                .entity(accepted)
                .build();
    }
}
