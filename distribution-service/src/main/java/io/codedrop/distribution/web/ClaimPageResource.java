package io.codedrop.distribution.web;

import io.codedrop.distribution.service.DistributionService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The claim page for browsers: one static document whose script (under /claim-page/) reads the
 * campaign and claims through the public API. No inline script or style, so a strict content
 * security policy keeps anything injected from running next to a code.
 */
@Path("/c")
public class ClaimPageResource {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final String PAGE = read("web/claim-page.html");

    private final DistributionService distribution;

    public ClaimPageResource(DistributionService distribution) {
        this.distribution = distribution;
    }

    @GET
    @Path("/{campaignId}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<RestResponse<String>> page(@PathParam("campaignId") UUID campaignId) {
        return distribution.campaign(campaignId)
                .map(campaign -> RestResponse.ResponseBuilder.ok(PAGE, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Referrer-Policy", "no-referrer")
                        .build());
    }

    private static String read(String resource) {
        try (InputStream page = ClaimPageResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (page == null) {
                throw new IllegalStateException(resource + " is missing from the service");
            }
            return new String(page.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
