package io.codedrop.analytics.aggregation;

import io.codedrop.analytics.domain.StatsBatch;
import io.codedrop.analytics.repository.StatsRepository;
import io.codedrop.common.event.DomainEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Applies batches of events to the aggregates exactly once in effect: the statement that adds a
 * batch's counts records its event ids and its consumer positions, and adds only the events neither
 * recorded before (redelivery, replay, a producer's duplicate) nor read from behind a position.
 */
@ApplicationScoped
public class StatsUpdater {
    private final StatsRepository stats;

    public StatsUpdater(StatsRepository stats) {
        this.stats = stats;
    }

    public Uni<Applied> apply(StatsBatch batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(new Applied(List.of(), 0, Set.of()));
        }
        return stats.apply(batch)
                .map(fresh -> applied(batch, fresh));
    }

    private static Applied applied(StatsBatch batch, Set<UUID> fresh) {
        List<DomainEvent> applied = batch.events().stream()
                .filter(event -> fresh.contains(event.eventId()))
                .toList();
        return new Applied(applied, batch.received() - applied.size(),
                applied.stream().map(DomainEvent::campaignId).collect(Collectors.toSet()));
    }

    /** The events of a batch that changed the aggregates, how many were skipped as seen, and their campaigns. */
    public record Applied(List<DomainEvent> events, int duplicates, Set<UUID> campaigns) {
    }
}
