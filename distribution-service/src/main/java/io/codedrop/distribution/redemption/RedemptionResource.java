package io.codedrop.distribution.redemption;

import io.codedrop.distribution.codes.Actor;
import io.codedrop.support.identity.DeveloperContext;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

/** Redemption for the campaign's developer, server to server (SPEC §5). */
@Path("/api/v1/codes/redeem")
@Authenticated
public class RedemptionResource {
    private final RedemptionService redemptions;
    private final DeveloperContext caller;

    public RedemptionResource(RedemptionService redemptions, DeveloperContext caller) {
        this.redemptions = redemptions;
        this.caller = caller;
    }

    @POST
    public Uni<RedeemResponse> redeem(@Valid @NotNull RedeemRequest body,
                                      @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
                                      @Context HttpServerRequest request) {
        Actor actor = Actor.of(caller.current(), request.remoteAddress().hostAddress(), userAgent);
        RedeemRequest trimmed = new RedeemRequest(body.code().trim(), body.deviceId(), body.campaignId());
        return redemptions.redeem(caller.current(), actor, trimmed);
    }
}
