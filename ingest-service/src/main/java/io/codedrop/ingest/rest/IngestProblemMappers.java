package io.codedrop.ingest.rest;

import io.codedrop.common.problem.ProblemDetail;
import io.codedrop.ingest.parsing.FileRejectedException;
import io.codedrop.ingest.ratelimit.RateLimitedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Problem documents for a refused file (400/413/415/422) and for too many new jobs (429 with Retry-After). */
public class IngestProblemMappers {
    @ServerExceptionMapper
    public Response fileRejected(FileRejectedException e) {
        ProblemDetail problem = switch (e.problem()) {
            case EMPTY -> ProblemDetail.of("empty-file", "Bad Request", 400, e.getMessage());
            case NOT_UTF8 -> ProblemDetail.of("not-utf8", "Unsupported Media Type", 415, e.getMessage());
            case NO_CODE_COLUMN -> ProblemDetail.of("no-code-column", "Unprocessable Content", 422, e.getMessage());
            case PLATFORM_REQUIRED -> ProblemDetail.of("platform-required", "Unprocessable Content", 422,
                    e.getMessage());
            case TOO_MANY_BYTES, TOO_MANY_ROWS -> ProblemDetail.of("upload-too-large", "Content Too Large", 413,
                    e.getMessage() + "; nothing of it was stocked");
        };
        return Response.status(problem.status()).type(ProblemDetail.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e) {
        ProblemDetail problem = ProblemDetail.of("rate-limited", "Too Many Requests", 429, e.getMessage())
                .with("reason", "rate_limited");
        return Response.status(429)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .type(ProblemDetail.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
