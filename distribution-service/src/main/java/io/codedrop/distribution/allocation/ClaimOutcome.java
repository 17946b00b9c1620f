package io.codedrop.distribution.allocation;

import io.codedrop.common.Platform;
import io.codedrop.common.event.RequestStatus;

import java.time.Instant;
import java.util.UUID;

/** What one claim attempt got: a code (new or the one the user already holds), or why not. */
public sealed interface ClaimOutcome {
    RequestStatus status();

    /** The user holds this code; {@code newClaim} is false when it was theirs before this attempt. */
    record Fulfilled(UUID codeId, String code, Platform platform, Instant expiresAt, boolean newClaim)
            implements ClaimOutcome {
        @Override
        public RequestStatus status() {
            return RequestStatus.FULFILLED;
        }
    }

    record Rejected(RequestStatus status) implements ClaimOutcome {
    }

    Rejected NO_CODES = new Rejected(RequestStatus.NO_CODES_AVAILABLE);
    Rejected INACTIVE = new Rejected(RequestStatus.CAMPAIGN_INACTIVE);
}
