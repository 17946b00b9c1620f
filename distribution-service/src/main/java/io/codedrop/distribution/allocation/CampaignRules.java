package io.codedrop.distribution.allocation;

import java.time.Instant;

/** The campaign's rules as read under the allocation lock, with how many codes it has handed out. */
public record CampaignRules(boolean exists, boolean deleted, String status, Instant startsAt, Instant expiresAt,
                            int maxClaimsPerUser, Integer maxTotalClaims, long claimedTotal) {

    public boolean known() {
        return exists && !deleted;
    }

    boolean handsOutCodesAt(Instant now) {
        return known()
                && "active".equals(status)
                && (startsAt == null || !now.isBefore(startsAt))
                && (expiresAt == null || now.isBefore(expiresAt));
    }

    long newClaimsAllowed() {
        return maxTotalClaims == null ? Long.MAX_VALUE : Math.max(0, maxTotalClaims - claimedTotal);
    }
}
