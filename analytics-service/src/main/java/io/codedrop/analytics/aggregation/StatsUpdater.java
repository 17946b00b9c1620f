package io.codedrop.analytics.aggregation;

import io.codedrop.analytics.domain.StatsDelta;
import io.codedrop.analytics.repository.StatsRepository;
import io.codedrop.common.event.DomainEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Applies batches of events to the aggregates exactly once in effect: the batch's event ids are
 * recorded in the transaction that adds its counts, and events whose ids were already recorded
 * (redelivery, replay, a producer's duplicate) add nothing.
 */
@ApplicationScoped
public class StatsUpdater {
    private final StatsRepository stats;

    public StatsUpdater(StatsRepository stats) {
        this.stats = stats;
    }

    public Uni<Applied> apply(Collection<? extends DomainEvent> events) {
        Map<UUID, DomainEvent> byId = new LinkedHashMap<>();
        events.stream()
                .filter(Objects::nonNull)
                .forEach(event -> byId.putIfAbsent(event.eventId(), event));
        if (byId.isEmpty()) {
            return Uni.createFrom().item(new Applied(List.of(), 0, Set.of()));
        }
        int received = (int) events.stream().filter(Objects::nonNull).count();
        return stats.inTransaction(connection -> stats.recordNew(connection, byId.keySet())
                .chain(fresh -> applyFresh(connection, byId, fresh, received)));
    }

    private Uni<Applied> applyFresh(SqlConnection connection, Map<UUID, DomainEvent> byId, Set<UUID> fresh,
                                    int received) {
        List<DomainEvent> applied = byId.values().stream()
                .filter(event -> fresh.contains(event.eventId()))
                .toList();
        StatsDelta delta = StatsDelta.of(applied);
        return stats.apply(connection, delta)
                .replaceWith(new Applied(applied, received - applied.size(), Set.copyOf(delta.lastUpdated().keySet())));
    }

    /** The events of a batch that changed the aggregates, how many were skipped as seen, and the campaigns touched. */
    public record Applied(List<DomainEvent> events, int duplicates, Set<UUID> campaigns) {
    }
}
