package io.codedrop.campaign.service;

import io.codedrop.campaign.domain.CountsDelta;
import io.codedrop.campaign.repository.CampaignCountsRepository;
import io.codedrop.campaign.repository.ProcessedEventRepository;
import io.codedrop.common.event.CodeRequestEvent;
import io.codedrop.common.event.CodeStatusEvent;
import io.codedrop.common.event.DomainEvent;
import io.codedrop.common.event.StockEvent;
import io.codedrop.common.event.StockOutcome;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps a campaign's code counts current from distribution's events, each event at most once. A
 * batch of events is one transaction: the ids of the events that change counts are recorded, only
 * those recorded for the first time are summed per campaign, and each campaign gets one increment.
 * A redelivered event, alone, repeated in a batch or in a later batch, finds its id and changes
 * nothing.
 * <ul>
 * <li>stock, outcome stocked: the accepted codes join total_codes;</li>
 * <li>code-requests with new_claim: one more used code (retries that return a user's code again and
 * refused attempts change nothing and are not recorded);</li>
 * <li>code-status withdrawn: the codes left the campaign, total_codes shrinks; expired: the codes stay
 * in total_codes (they were stocked) but count as expired and leave remaining_codes; redeemed: no
 * change, a redeemed code was already counted as used.</li>
 * </ul>
 * Events for an unknown or deleted campaign are recorded and otherwise ignored.
 */
@ApplicationScoped
public class CodeCountsService {
    /** PostgreSQL's uuid order (unsigned), the order every multi-campaign writer locks rows in. */
    private static final Comparator<UUID> DATABASE_ORDER = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    private final Pool pool;
    private final ProcessedEventRepository processed;
    private final CampaignCountsRepository counts;

    public CodeCountsService(Pool pool, ProcessedEventRepository processed, CampaignCountsRepository counts) {
        this.pool = pool;
        this.processed = processed;
        this.counts = counts;
    }

    public Uni<Void> stocked(List<StockEvent> events) {
        return apply(events, event -> event.outcome() == StockOutcome.STOCKED
                ? new CountsDelta(event.accepted(), 0, 0)
                : CountsDelta.NONE);
    }

    public Uni<Void> requested(List<CodeRequestEvent> events) {
        return apply(events, event -> event.newClaim() ? CountsDelta.ONE_USED : CountsDelta.NONE);
    }

    public Uni<Void> statusChanged(List<CodeStatusEvent> events) {
        return apply(events, event -> switch (event.change()) {
            case WITHDRAWN -> new CountsDelta(-event.total(), 0, 0);
            case EXPIRED -> new CountsDelta(0, 0, event.total());
            case REDEEMED -> CountsDelta.NONE;
        });
    }

    /**
     * Forgets ids applied before {@code cutoff}, {@code chunk} rows per statement until none are left;
     * returns how many.
     */
    public Uni<Integer> forgetProcessedBefore(Instant cutoff, int chunk) {
        return Multi.createBy().repeating()
                .uni(() -> processed.forgetBefore(cutoff, chunk))
                .whilst(forgotten -> forgotten == chunk)
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

    /** Lazy: nothing happens before subscription, and each subscription (a retry) runs the transaction anew. */
    private <E extends DomainEvent> Uni<Void> apply(List<E> events, Function<E, CountsDelta> effect) {
        Map<UUID, Change> changes = new LinkedHashMap<>();
        // a tombstone (null) carries no event
        events.stream()
                .filter(Objects::nonNull)
                .forEach(event -> {
                    CountsDelta delta = effect.apply(event);
                    if (!delta.isNone()) {
                        changes.putIfAbsent(event.eventId(), new Change(event.campaignId(), delta));
                    }
                });
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(connection -> processed.recordNew(connection, changes.keySet())
                .chain(fresh -> counts.add(connection, perCampaign(changes, fresh))));
    }

    private static SortedMap<UUID, CountsDelta> perCampaign(Map<UUID, Change> changes, Set<UUID> fresh) {
        SortedMap<UUID, CountsDelta> deltas = new TreeMap<>(DATABASE_ORDER);
        changes.forEach((eventId, change) -> {
            if (fresh.contains(eventId)) {
                deltas.merge(change.campaignId(), change.delta(), CountsDelta::plus);
            }
        });
        return deltas;
    }

    private record Change(UUID campaignId, CountsDelta delta) {
    }
}
