package io.codedrop.distribution.redemption;

import io.codedrop.common.problem.ProblemDetail;
import io.codedrop.support.problem.ProblemException;

import java.util.Locale;

/**
 * Why a redemption was refused, as the checks run (seed 002): the code exists in one of the caller's
 * campaigns, the campaign is active, the code has not expired, was claimed, by this device if one is
 * named, and was not redeemed before. Unknown codes and other developers' codes are both
 * {@link #CODE_NOT_FOUND}, word for word.
 */
public enum RedemptionFailure {
    CODE_NOT_FOUND(404, "Not Found", "the code was not found"),
    /** Not one of the checks: the code text is in several of the caller's campaigns and none was named. */
    CODE_AMBIGUOUS(409, "Conflict", "the code is in several of your campaigns; send campaign_id"),
    CAMPAIGN_INACTIVE(409, "Conflict", "the code's campaign is not active"),
    CODE_EXPIRED(409, "Conflict", "the code has expired"),
    CODE_NOT_CLAIMED(409, "Conflict", "the code has not been handed out to anyone"),
    DEVICE_MISMATCH(409, "Conflict", "the code was handed out to another device"),
    ALREADY_REDEEMED(409, "Conflict", "the code has already been redeemed");

    private final int status;
    private final String title;
    private final String detail;

    RedemptionFailure(int status, String title, String detail) {
        this.status = status;
        this.title = title;
        this.detail = detail;
    }

    public String reason() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The answer: a problem document that also says {@code success:false} and the failed check. */
    public ProblemException problem() {
        return new ProblemException(ProblemDetail.of(reason().replace('_', '-'), title, status, detail)
                .with("success", false)
                .with("reason", reason()));
    }
}
