package io.codedrop.analytics.messaging;

import io.codedrop.analytics.aggregation.StatsMetrics;
import io.codedrop.analytics.aggregation.StatsUpdater;
import io.codedrop.common.Topics;
import io.codedrop.common.event.CodeRequestEvent;
import io.codedrop.common.event.CodeStatusEvent;
import io.codedrop.common.event.DomainEvent;
import io.codedrop.common.event.StockEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * Consumes what distribution reports in batches (one transaction per poll, so a burst costs a few
 * upserts, not one transaction per event), then signals the campaigns that changed to every replica.
 */
@ApplicationScoped
public class StatsEventsConsumer {
    public static final String STOCK = "stock-in";
    public static final String CODE_REQUESTS = "code-requests-in";
    public static final String CODE_STATUS = "code-status-in";

    private final StatsUpdater updater;
    private final StatsMetrics metrics;
    private final ChangeSignals signals;

    public StatsEventsConsumer(StatsUpdater updater, StatsMetrics metrics, ChangeSignals signals) {
        this.updater = updater;
        this.metrics = metrics;
        this.signals = signals;
    }

    @Incoming(STOCK)
    public Uni<Void> stock(List<StockEvent> events) {
        return consume(Topics.STOCK, events);
    }

    @Incoming(CODE_REQUESTS)
    public Uni<Void> codeRequests(List<CodeRequestEvent> events) {
        return consume(Topics.CODE_REQUESTS, events);
    }

    @Incoming(CODE_STATUS)
    public Uni<Void> codeStatus(List<CodeStatusEvent> events) {
        return consume(Topics.CODE_STATUS, events);
    }

    private Uni<Void> consume(String topic, List<? extends DomainEvent> events) {
        return updater.apply(events)
                .invoke(applied -> metrics.applied(topic, applied))
                .call(applied -> signals.publish(applied.campaigns()))
                .replaceWithVoid();
    }
}
