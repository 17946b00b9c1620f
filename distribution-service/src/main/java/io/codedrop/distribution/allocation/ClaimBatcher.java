package io.codedrop.distribution.allocation;

import io.codedrop.distribution.batching.Coalescer;
import io.codedrop.distribution.claim.ClaimProblems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Group commit: claims for a campaign queue up while its previous batch is in its transaction and
 * all go into the next one ({@link Coalescer}), so under a crowd one commit serves many claims. Past
 * {@code max-waiting} claims in all queues a claim is refused at once (503, Retry-After) rather than
 * left to wait without bound.
 */
@ApplicationScoped
public class ClaimBatcher {
    private final Allocator allocator;
    private final AllocationConfig config;
    private final Map<UUID, Coalescer<ClaimTicket>> queues = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Counter shed;
    private final DistributionSummary batchSizes;
    private final Timer batchDurations;

    public ClaimBatcher(Allocator allocator, AllocationConfig config, MeterRegistry registry) {
        this.allocator = allocator;
        this.config = config;
        this.shed = registry.counter("codedrop.claims.shed");
        registry.gauge("codedrop.claims.waiting", waiting);
        this.batchSizes = DistributionSummary.builder("codedrop.allocation.batch.size")
                .description("claims allocated in one transaction").publishPercentileHistogram().register(registry);
        this.batchDurations = Timer.builder("codedrop.allocation.batch.duration")
                .description("one allocation batch, from its start to its commit").publishPercentileHistogram()
                .register(registry);
    }

    /** Queues the claim for its campaign's next batch; fails with a 503 problem when too many already wait. */
    public Uni<ClaimOutcome> submit(ClaimTicket ticket) {
        if (waiting.incrementAndGet() > config.maxWaiting()) {
            waiting.decrementAndGet();
            shed.increment();
            return Uni.createFrom().failure(ClaimProblems.busy());
        }
        ticket.outcome().whenComplete((outcome, failure) -> waiting.decrementAndGet());
        queues.computeIfAbsent(ticket.campaignId(), this::queueOf).add(ticket);
        return Uni.createFrom().completionStage(ticket.outcome());
    }

    private Coalescer<ClaimTicket> queueOf(UUID campaignId) {
        return new Coalescer<>(config.maxBatchSize(), batch -> allocate(campaignId, batch),
                (batch, failure) -> batch.forEach(ticket -> ticket.outcome().completeExceptionally(failure)));
    }

    private Uni<Runnable> allocate(UUID campaignId, List<ClaimTicket> batch) {
        batchSizes.record(batch.size());
        Timer.Sample started = Timer.start();
        return allocator.allocate(campaignId, batch)
                .invoke(() -> started.stop(batchDurations))
                .map(outcomes -> () -> outcomes.forEach((ticket, outcome) -> ticket.outcome().complete(outcome)));
    }
}
