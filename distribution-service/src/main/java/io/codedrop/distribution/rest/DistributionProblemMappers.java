package io.codedrop.distribution.rest;

import io.codedrop.common.problem.ProblemDetail;
import io.codedrop.distribution.claim.ClaimProblems;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refusals for now (rate limited, busy) are the problems that need a header: Retry-After. */
public class DistributionProblemMappers {
    @ServerExceptionMapper
    public Response retryLater(ClaimProblems.RetryLater e) {
        return Response.status(e.problem().status())
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .type(ProblemDetail.MEDIA_TYPE)
                .entity(e.problem())
                .build();
    }
}
