package io.codedrop.distribution.redemption;

import io.codedrop.distribution.codes.Actor;

import java.time.Instant;
import java.util.UUID;

/**
 * One redemption attempt as the audit keeps it. {@code campaignId}, {@code codeId} and {@code userId}
 * (the code's holder) are null unless the code was found among the caller's campaigns; {@code failure}
 * is null on success.
 */
public record RedemptionAttempt(String code, UUID campaignId, UUID codeId, Actor actor, String deviceId, UUID userId,
                                Instant attemptedAt, RedemptionFailure failure) {
    static RedemptionAttempt withoutCode(RedeemRequest request, Actor actor, Instant at, RedemptionFailure failure) {
        return new RedemptionAttempt(request.code(), null, null, actor, request.deviceId(), null, at, failure);
    }

    static RedemptionAttempt of(LockedCode code, RedeemRequest request, Actor actor, Instant at,
                                RedemptionFailure failure) {
        return new RedemptionAttempt(request.code(), code.campaignId(), code.id(), actor, request.deviceId(),
                code.holderId(), at, failure);
    }
}
