package io.codedrop.distribution.allocation;

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

/**
 * Group commit: claims for a campaign queue up while its previous batch is in its transaction and
 * all go into the next one. An idle campaign's first claim runs at once (no timer, no added
 * latency); under a crowd, batches grow by themselves and one commit serves many claims.
 */
@ApplicationScoped
public class ClaimBatcher {
    private final Allocator allocator;
    private final AllocationConfig config;
    private final Map<UUID, CampaignQueue> queues = new ConcurrentHashMap<>();

    public ClaimBatcher(Allocator allocator, AllocationConfig config) {
        this.allocator = allocator;
        this.config = config;
    }

    public Uni<ClaimOutcome> submit(ClaimTicket ticket) {
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
                allocator.allocate(campaignId, batch).subscribe().with(
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
