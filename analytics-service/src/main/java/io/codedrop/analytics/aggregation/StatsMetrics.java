package io.codedrop.analytics.aggregation;

import io.codedrop.analytics.aggregation.StatsUpdater.Applied;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * What live consumption did, per topic: events applied and duplicates skipped, events per poll, and
 * the delay from an event's occurrence to its being applied — the server-side half of the freshness
 * target. Kafka's own consumer lag ({@code kafka_consumer_fetch_manager_records_lag*}) is exported
 * by the Kafka binder.
 */
@ApplicationScoped
public class StatsMetrics {
    private static final String EVENTS = "codedrop.analytics.events";
    private static final String DELAY = "codedrop.analytics.event.delay";
    private static final String BATCH = "codedrop.analytics.batch.events";

    private final MeterRegistry registry;

    public StatsMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void applied(String topic, Applied applied) {
        DistributionSummary.builder(BATCH)
                .description("events received per poll: how well consumption batches (the cost is mostly per poll)")
                .tag("topic", topic)
                .register(registry)
                .record(applied.events().size() + applied.duplicates());
        counter(topic, "applied").increment(applied.events().size());
        counter(topic, "duplicate").increment(applied.duplicates());
        Timer delay = Timer.builder(DELAY)
                .description("time from an event's occurrence to its effect on the statistics")
                .tag("topic", topic)
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .register(registry);
        Instant now = Instant.now();
        applied.events().forEach(event -> delay.record(Duration.between(event.occurredAt(), now)));
    }

    private Counter counter(String topic, String outcome) {
        return Counter.builder(EVENTS)
                .description("events consumed into the statistics")
                .tag("topic", topic)
                .tag("outcome", outcome)
                .register(registry);
    }
}
