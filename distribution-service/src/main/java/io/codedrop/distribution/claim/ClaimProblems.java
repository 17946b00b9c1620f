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

    public static ProblemException platformUnknown(String detail) {
        return failure("platform-unknown", "Unprocessable Content", 422, "platform_unknown", detail);
    }

    private static ProblemException failure(String slug, String title, int status, String reason, String detail) {
        return new ProblemException(ProblemDetail.of(slug, title, status, detail)
                .with("success", false)
                .with("reason", reason));
    }
}
