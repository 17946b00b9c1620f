package io.codedrop.analytics.messaging;

import io.codedrop.analytics.repository.StatsRepository;
import io.codedrop.common.event.StockEvent;
import io.codedrop.common.event.StockOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Adds what distribution stocked to the campaign's per-platform totals, once per event. */
@ApplicationScoped
public class StockConsumer {
    public static final String CHANNEL = "stock-in";

    private final StatsRepository stats;

    public StockConsumer(StatsRepository stats) {
        this.stats = stats;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(StockEvent event) {
        if (event.outcome() != StockOutcome.STOCKED) {
            return Uni.createFrom().voidItem();
        }
        return stats.applyOnce(event.eventId(), connection -> Uni.join().all(event.platforms().entrySet().stream()
                                .map(count -> stats.addStock(connection, event.campaignId(), count.getKey(),
                                        count.getValue().accepted(), event.occurredAt()))
                                .toList())
                        .andFailFast())
                .replaceWithVoid();
    }
}
