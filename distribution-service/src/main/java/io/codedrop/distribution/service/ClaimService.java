package io.codedrop.distribution.service;

import io.codedrop.distribution.allocation.ClaimBatcher;
import io.codedrop.distribution.allocation.ClaimTicket;
import io.codedrop.distribution.campaign.CampaignCatalog;
import io.codedrop.distribution.claim.ClaimResult;
import io.codedrop.distribution.claim.Claimant;
import io.codedrop.support.problem.Problems;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** One end user asking for a code: known campaign first, then the group-committed allocation. */
@ApplicationScoped
public class ClaimService {
    private final CampaignCatalog catalog;
    private final ClaimBatcher batcher;

    public ClaimService(CampaignCatalog catalog, ClaimBatcher batcher) {
        this.catalog = catalog;
        this.batcher = batcher;
    }

    public Uni<ClaimResult> claim(UUID campaignId, Claimant claimant) {
        return catalog.find(campaignId)
                .onItem().ifNull().failWith(() -> Problems.notFound("campaign " + campaignId))
                .chain(campaign -> batcher.submit(ClaimTicket.of(campaignId, claimant))
                        .map(outcome -> new ClaimResult(campaign, outcome)));
    }
}
