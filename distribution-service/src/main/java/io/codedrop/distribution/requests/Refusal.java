package io.codedrop.distribution.requests;

import io.codedrop.common.TimeOrderedIds;
import io.codedrop.common.event.RequestStatus;
import io.codedrop.distribution.abuse.FraudCheck;
import io.codedrop.distribution.claim.Claimant;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A claim refused before allocation (rate limited or blocked), with the fraud checks that judged it. */
public record Refusal(UUID requestId, UUID campaignId, Claimant claimant, RequestStatus status,
                      List<FraudCheck> checks, Instant at) {
    public static Refusal of(UUID campaignId, Claimant claimant, RequestStatus status, List<FraudCheck> checks) {
        return new Refusal(TimeOrderedIds.next(), campaignId, claimant, status, checks, Instant.now());
    }
}
