package io.codedrop.distribution.codes;

import io.codedrop.common.Platform;
import io.codedrop.common.api.PageResponse;
import io.codedrop.support.identity.DeveloperContext;
import io.codedrop.support.problem.Problems;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

/** A campaign's codes for its developers (SPEC §5): list, CSV export, withdrawal. */
@Path("/api/v1/codes")
@Authenticated
public class CodeResource {
    static final String TEXT_CSV = "text/csv";

    private final CodeService codes;
    private final DeveloperContext caller;

    public CodeResource(CodeService codes, DeveloperContext caller) {
        this.codes = codes;
        this.caller = caller;
    }

    @GET
    public Uni<PageResponse<CodeResponse>> list(@QueryParam("campaign_id") @NotNull UUID campaignId,
                                                @QueryParam("status") String status,
                                                @QueryParam("platform") String platform,
                                                @QueryParam("reveal") @DefaultValue("false") boolean reveal,
                                                @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size,
                                                @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
                                                @Context HttpServerRequest request) {
        return codes.list(caller.current(), actor(request, userAgent), filter(campaignId, status, platform), reveal,
                page, size);
    }

    /** The same codes as CSV, all of them, streamed in upload order. */
    @GET
    @Path("/export")
    @Produces(TEXT_CSV)
    public Multi<String> export(@QueryParam("campaign_id") @NotNull UUID campaignId,
                                @QueryParam("status") String status,
                                @QueryParam("platform") String platform,
                                @QueryParam("reveal") @DefaultValue("false") boolean reveal,
                                @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
                                @Context HttpServerRequest request) {
        Multi<String> csv = codes.export(caller.current(), actor(request, userAgent),
                filter(campaignId, status, platform), reveal);
        return RestMulti.fromMultiData(csv)
                .header("Content-Disposition", "attachment; filename=\"codes-" + campaignId + ".csv\"")
                .build();
    }

    @DELETE
    @Path("/{id}")
    public Uni<RestResponse<Void>> withdraw(@PathParam("id") UUID id,
                                            @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
                                            @Context HttpServerRequest request) {
        return codes.withdraw(caller.current(), actor(request, userAgent), id)
                .map(ignored -> RestResponse.noContent());
    }

    private Actor actor(HttpServerRequest request, String userAgent) {
        return Actor.of(caller.current(), request.remoteAddress().hostAddress(), userAgent);
    }

    private static CodeFilter filter(UUID campaignId, String status, String platform) {
        return new CodeFilter(campaignId,
                status == null || status.isBlank() ? null : CodeStatus.parse(status, "status"),
                platform == null || platform.isBlank() ? null : platform(platform));
    }

    private static Platform platform(String value) {
        try {
            return Platform.parse(value);
        } catch (Platform.UnknownPlatformException e) {
            throw Problems.invalid("platform", e.getMessage());
        }
    }
}
