package io.codedrop.analytics.aggregation;

import io.codedrop.analytics.config.AnalyticsConfig;
import io.codedrop.analytics.repository.StatsRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.stream.Collectors;

/** Keeps the record of applied event ids bounded. Replicas may run it at the same time safely. */
@ApplicationScoped
public class ProcessedEventsCleanup {
    private final StatsRepository stats;
    private final AnalyticsConfig config;

    public ProcessedEventsCleanup(StatsRepository stats, AnalyticsConfig config) {
        this.stats = stats;
        this.config = config;
    }

    @Scheduled(identity = "processed-events-cleanup",
            every = "${codedrop.analytics.processed-events.cleanup-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetExpired() {
        return forgetBefore(Instant.now().minus(config.processedEvents().retention())).replaceWithVoid();
    }

    /** Forgets the ids applied before {@code cutoff}, a chunk per statement until none is left; answers how many. */
    public Uni<Integer> forgetBefore(Instant cutoff) {
        int chunk = config.processedEvents().cleanupChunk();
        return Multi.createBy().repeating()
                .uni(() -> stats.forgetProcessedBefore(cutoff, chunk))
                .whilst(forgotten -> forgotten == chunk)
                .collect().with(Collectors.summingInt(Integer::intValue));
    }
}
