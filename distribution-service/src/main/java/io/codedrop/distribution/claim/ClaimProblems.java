package io.codedrop.distribution.claim;

import io.codedrop.common.problem.ProblemDetail;
import io.codedrop.support.problem.ProblemException;

/** The claim API's failures: problem documents that also carry {@code success:false} and a {@code reason}. */
public final class ClaimProblems {
    private ClaimProblems() {
    }

    public static ProblemException noCodesAvailable() {
        return failure("no-codes-available", "Conflict", 409, "no_codes_available",
                "there is no code left for your platform in this campaign");
    }

    public static ProblemException campaignInactive() {
        return failure("campaign-inactive", "Conflict", 409, "campaign_inactive",
                "this campaign is not handing out codes right now");
    }

    /** Too many requests or claims from the client's IP; answered with Retry-After. */
    public static RetryLater rateLimited(long retryAfterSeconds) {
        return new RetryLater(problem("rate-limited", "Too Many Requests", 429, "rate_limited",
                "too many requests from your network; try again in " + retryAfterSeconds + " s"), retryAfterSeconds);
    }

    /**
     * More claims are waiting for allocation than the service lets wait: answering at once lets the client
     * come back, where queueing without bound would slow every claim and finally exhaust the heap.
     */
    public static RetryLater busy() {
        return new RetryLater(problem("busy", "Service Unavailable", 503, "busy",
                "too many claims are waiting right now; try again in a second"), 1);
    }

    /** A claim that matched a suspicious pattern; what tripped is recorded, not told. */
    public static ProblemException blocked() {
        return failure("blocked", "Forbidden", 403, "blocked",
                "this request was refused because it matches a pattern of abuse");
    }

    public static ProblemException platformUnknown(String detail) {
        return failure("platform-unknown", "Unprocessable Content", 422, "platform_unknown", detail);
    }

    private static ProblemException failure(String slug, String title, int status, String reason, String detail) {
        return new ProblemException(problem(slug, title, status, reason, detail));
    }

    private static ProblemDetail problem(String slug, String title, int status, String reason, String detail) {
        return ProblemDetail.of(slug, title, status, detail)
                .with("success", false)
                .with("reason", reason);
    }

    /** A request refused for now (rate limited, busy): the problem, and when the client may come back. */
    public static final class RetryLater extends ProblemException {
        private final long retryAfterSeconds;

        private RetryLater(ProblemDetail problem, long retryAfterSeconds) {
            super(problem);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
