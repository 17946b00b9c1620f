package io.codedrop.distribution.mapping;

import io.codedrop.common.event.RequestStatus;
import io.codedrop.distribution.allocation.ClaimOutcome;
import io.codedrop.distribution.claim.ClaimProblems;
import io.codedrop.distribution.claim.ClaimResult;
import io.codedrop.distribution.claim.RedeemLinks;
import io.codedrop.distribution.rest.ClaimResponse;

/** A claim outcome as the client sees it: the code and its redeem link, or the problem. */
public final class ClaimMapper {
    private ClaimMapper() {
    }

    public static ClaimResponse toResponse(ClaimResult result) {
        if (result.outcome() instanceof ClaimOutcome.Fulfilled code) {
            return new ClaimResponse(true, code.code(), code.platform(), code.expiresAt(),
                    RedeemLinks.of(code.platform(), code.code(), result.campaign().metadata()),
                    new ClaimResponse.CampaignInfo(result.campaign().name(), result.campaign().appName()));
        }
        throw result.outcome().status() == RequestStatus.CAMPAIGN_INACTIVE
                ? ClaimProblems.campaignInactive()
                : ClaimProblems.noCodesAvailable();
    }
}
