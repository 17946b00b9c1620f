package io.codedrop.campaign.service;

import io.codedrop.campaign.repository.CampaignRepository;
import io.codedrop.campaign.repository.ProcessedEventRepository;
import io.codedrop.common.event.CodeRequestEvent;
import io.codedrop.common.event.CodeStatusEvent;
import io.codedrop.common.event.StockEvent;
import io.codedrop.common.event.StockOutcome;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Keeps a campaign's code counts current from distribution's events, each event at most once: its id
 * is recorded in the transaction that changes the counts, so a redelivered event finds it and changes
 * nothing.
 * <ul>
 * <li>stock, outcome stocked: the accepted codes join total_codes;</li>
 * <li>code-requests with new_claim: one more used code (retries that return a user's code again and
 * refused attempts change nothing);</li>
 * <li>code-status withdrawn: the codes left the campaign, total_codes shrinks; expired: the codes stay
 * in total_codes (they were stocked) but count as expired and leave remaining_codes; redeemed: no
 * change, a redeemed code was already counted as used.</li>
 * </ul>
 * Events for an unknown or deleted campaign are recorded and otherwise ignored.
 */
@ApplicationScoped
public class CodeCountsService {
    private final CampaignRepository campaigns;
    private final ProcessedEventRepository processed;

    public CodeCountsService(CampaignRepository campaigns, ProcessedEventRepository processed) {
        this.campaigns = campaigns;
        this.processed = processed;
    }

    @WithTransaction
    public Uni<Void> stocked(StockEvent event) {
        if (event.outcome() != StockOutcome.STOCKED) {
            return Uni.createFrom().voidItem();
        }
        return applyOnce(event.eventId(), event.campaignId(), event.accepted(), 0, 0);
    }

    @WithTransaction
    public Uni<Void> requested(CodeRequestEvent event) {
        if (!event.newClaim()) {
            return Uni.createFrom().voidItem();
        }
        return applyOnce(event.eventId(), event.campaignId(), 0, 1, 0);
    }

    @WithTransaction
    public Uni<Void> statusChanged(CodeStatusEvent event) {
        return switch (event.change()) {
            case WITHDRAWN -> applyOnce(event.eventId(), event.campaignId(), -event.total(), 0, 0);
            case EXPIRED -> applyOnce(event.eventId(), event.campaignId(), 0, 0, event.total());
            case REDEEMED -> Uni.createFrom().voidItem();
        };
    }

    /** Forgets ids applied before {@code cutoff}; returns how many. */
    @WithTransaction
    public Uni<Integer> forgetProcessedBefore(Instant cutoff) {
        return processed.forgetBefore(cutoff);
    }

    private Uni<Void> applyOnce(UUID eventId, UUID campaignId, long total, long used, long expired) {
        return processed.markProcessed(eventId)
                .chain(first -> first
                        ? campaigns.addToCounts(campaignId, total, used, expired).replaceWithVoid()
                        : Uni.createFrom().voidItem());
    }
}
