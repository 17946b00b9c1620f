package io.codedrop.distribution.service;

import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.distribution.abuse.AbuseGuard;
import io.codedrop.distribution.abuse.Verdict;
import io.codedrop.distribution.allocation.ClaimBatcher;
import io.codedrop.distribution.allocation.ClaimTicket;
import io.codedrop.distribution.campaign.CampaignCatalog;
import io.codedrop.distribution.claim.ClaimProblems;
import io.codedrop.distribution.claim.ClaimResult;
import io.codedrop.distribution.claim.Claimant;
import io.codedrop.distribution.requests.Refusal;
import io.codedrop.distribution.requests.RefusalRecorder;
import io.codedrop.support.problem.ProblemException;
import io.codedrop.support.problem.Problems;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * One end user asking for a code: known campaign, rate limits and fraud checks (one Redis round trip,
 * alongside the campaign lookup), then the group-committed allocation. A refused claim is recorded
 * and answered with its problem.
 */
@ApplicationScoped
public class ClaimService {
    private final CampaignCatalog catalog;
    private final AbuseGuard guard;
    private final ClaimBatcher batcher;
    private final RefusalRecorder refusals;
    private final ClaimMetrics metrics;

    public ClaimService(CampaignCatalog catalog, AbuseGuard guard, ClaimBatcher batcher, RefusalRecorder refusals,
                        ClaimMetrics metrics) {
        this.catalog = catalog;
        this.guard = guard;
        this.batcher = batcher;
        this.refusals = refusals;
        this.metrics = metrics;
    }

    public Uni<ClaimResult> claim(UUID campaignId, Claimant claimant) {
        return Uni.combine().all().unis(catalog.find(campaignId), guard.checkClaim(campaignId, claimant))
                .withUni((campaign, verdict) -> decide(campaignId, campaign, claimant, verdict))
                .invoke(result -> metrics.answered(claimant.platform(), result.outcome().status().wireName()))
                .onFailure(ProblemException.class)
                .invoke(problem -> metrics.answered(claimant.platform(), outcome(problem)));
    }

    /** Refusals carry their reason; a problem without one is the unknown campaign. */
    private static String outcome(Throwable problem) {
        Object reason = ((ProblemException) problem).problem().extensions().get("reason");
        return reason == null ? "unknown_campaign" : reason.toString();
    }

    private Uni<ClaimResult> decide(UUID campaignId, CampaignSnapshot campaign, Claimant claimant, Verdict verdict) {
        if (campaign == null) {
            return Uni.createFrom().failure(Problems.notFound("campaign " + campaignId));
        }
        if (verdict.refused()) {
            ProblemException refused = verdict.decision() == Verdict.Decision.BLOCKED
                    ? ClaimProblems.blocked()
                    : ClaimProblems.rateLimited(verdict.retryAfterSeconds());
            return refusals.record(Refusal.of(campaignId, claimant, verdict.status(), verdict.checks()))
                    .chain(() -> Uni.createFrom().failure(refused));
        }
        return batcher.submit(ClaimTicket.of(campaignId, claimant))
                .map(outcome -> new ClaimResult(campaign, outcome));
    }
}
