package io.codedrop.distribution.claim;

import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.distribution.allocation.ClaimOutcome;

/** A claim's outcome with the campaign it was made on, for the response. */
public record ClaimResult(CampaignSnapshot campaign, ClaimOutcome outcome) {
}
