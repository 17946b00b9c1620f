package io.codedrop.distribution.allocation;

import io.codedrop.common.TimeOrderedIds;
import io.codedrop.distribution.claim.Claimant;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** One claim waiting for the next allocation batch of its campaign. */
public record ClaimTicket(UUID requestId, UUID campaignId, Claimant claimant, Instant requestedAt,
                          CompletableFuture<ClaimOutcome> outcome) {
    public static ClaimTicket of(UUID campaignId, Claimant claimant) {
        return new ClaimTicket(TimeOrderedIds.next(), campaignId, claimant, Instant.now(), new CompletableFuture<>());
    }
}
