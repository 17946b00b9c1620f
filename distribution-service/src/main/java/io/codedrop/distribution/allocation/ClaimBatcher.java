package io.codedrop.distribution.allocation;

import io.codedrop.distribution.claim.ClaimProblems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Group commit: claims for a campaign queue up while its previous batch is in its transaction and
 * all go into the next one. An idle campaign's first claim runs at once (no timer, no added
 * latency); under a crowd, batches grow by themselves and one commit serves many claims. Past
 * {@code max-waiting} claims in all queues a claim is refused at once (503, Retry-After) rather than
 * left to wait without bound.
 */
@ApplicationScoped
public class ClaimBatcher {
    private final Allocator allocator;
    private final AllocationConfig config;
    private final Map<UUID, CampaignQueue> queues = new ConcurrentHashMap<>();
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
        CampaignQueue queue = queues.computeIfAbsent(ticket.campaignId(), CampaignQueue::new);
        queue.pending.add(ticket);
        queue.pump();
        return Uni.createFrom().completionStage(ticket.outcome());
    }

    private final class CampaignQueue {
        private final UUID campaignId;
        private final Queue<ClaimTicket> pending = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean busy = new AtomicBoolean();

        private CampaignQueue(UUID campaignId) {
            this.campaignId = campaignId;
        }

        private void pump() {
            while (!pending.isEmpty() && busy.compareAndSet(false, true)) {
                List<ClaimTicket> batch = drain();
                if (batch.isEmpty()) {
                    busy.set(false);
                    continue;
                }
                batchSizes.record(batch.size());
                Timer.Sample started = Timer.start();
                allocator.allocate(campaignId, batch).invoke(() -> started.stop(batchDurations)).subscribe().with(
                        outcomes -> finish(() -> outcomes.forEach((ticket, outcome) -> ticket.outcome().complete(outcome))),
                        failure -> finish(() -> batch.forEach(ticket -> ticket.outcome().completeExceptionally(failure))));
                return;
            }
        }

        private List<ClaimTicket> drain() {
            List<ClaimTicket> batch = new ArrayList<>();
            ClaimTicket next;
            while (batch.size() < config.maxBatchSize() && (next = pending.poll()) != null) {
                batch.add(next);
            }
            return batch;
        }

        /** Frees the queue before answering, so claims that arrive meanwhile start the next batch. */
        private void finish(Runnable answer) {
            busy.set(false);
            pump();
            answer.run();
        }
    }
}
