package io.codedrop.distribution.rest;

import io.codedrop.common.Platform;
import io.codedrop.distribution.claim.ClaimProblems;
import io.codedrop.distribution.claim.Claimant;
import io.codedrop.distribution.claim.PlatformDetector;
import io.codedrop.distribution.mapping.ClaimMapper;
import io.codedrop.distribution.service.ClaimService;
import io.codedrop.distribution.service.DistributionService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

/** The public claim API used by mobile and web clients. */
@Path("/api/v1/distribute")
public class DistributionResource {
    /** Identifies a browser across visits when it sends no device id. */
    static final String DEVICE_COOKIE = "codedrop_device";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    private final DistributionService distribution;
    private final ClaimService claims;

    public DistributionResource(DistributionService distribution, ClaimService claims) {
        this.distribution = distribution;
        this.claims = claims;
    }

    @GET
    @Path("/{campaignId}")
    public Uni<CampaignAvailabilityResponse> describe(@PathParam("campaignId") UUID campaignId,
                                                      @Context HttpServerRequest request) {
        return distribution.describe(campaignId, request.remoteAddress().hostAddress());
    }

    @POST
    @Path("/{campaignId}")
    public Uni<RestResponse<ClaimResponse>> claim(@PathParam("campaignId") UUID campaignId, @Valid ClaimRequest body,
                                                  @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
                                                  @CookieParam(DEVICE_COOKIE) String deviceCookie,
                                                  @Context HttpServerRequest request) {
        ClaimRequest claim = body == null ? ClaimRequest.EMPTY : body;
        Platform platform = platformOf(claim, userAgent);
        String newCookie = claim.deviceId() == null && deviceCookie == null && isBrowser(userAgent)
                ? UUID.randomUUID().toString() : null;
        String deviceId = claim.deviceId() != null ? claim.deviceId() : deviceCookie != null ? deviceCookie : newCookie;
        Claimant claimant = Claimant.of(deviceId, platform, userAgent, request.remoteAddress().hostAddress());
        return claims.claim(campaignId, claimant)
                .map(ClaimMapper::toResponse)
                .map(response -> withDeviceCookie(RestResponse.ResponseBuilder.ok(response), newCookie).build());
    }

    private static Platform platformOf(ClaimRequest claim, String userAgent) {
        if (claim.platform() != null) {
            try {
                return Platform.parse(claim.platform());
            } catch (Platform.UnknownPlatformException e) {
                throw ClaimProblems.platformUnknown(e.getMessage());
            }
        }
        return PlatformDetector.fromUserAgent(userAgent).orElseThrow(() -> ClaimProblems.platformUnknown(
                "the platform could not be detected from the User-Agent; send \"platform\" in the body"));
    }

    private static boolean isBrowser(String userAgent) {
        return userAgent != null && userAgent.startsWith("Mozilla/");
    }

    private static RestResponse.ResponseBuilder<ClaimResponse> withDeviceCookie(
            RestResponse.ResponseBuilder<ClaimResponse> response, String deviceId) {
        if (deviceId == null) {
            return response;
        }
        return response.cookie(new NewCookie.Builder(DEVICE_COOKIE).value(deviceId).path("/").maxAge(ONE_YEAR)
                .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build());
    }
}
