package io.codedrop.distribution.allocation;

import io.codedrop.common.Platform;
import io.codedrop.distribution.claim.ClaimProblems;
import io.codedrop.distribution.claim.Claimant;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Group commit and its bound, with an allocator whose batches finish when the test says. */
class ClaimBatcherTest {
    private static final UUID CAMPAIGN = UUID.randomUUID();

    private final HeldAllocator allocator = new HeldAllocator();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ClaimBatcher batcher = new ClaimBatcher(allocator, config(256, 2), registry);

    @Test
    void claimsArrivingDuringABatchGoTogetherIntoTheNext() {
        CompletableFuture<ClaimOutcome> first = submit("a");
        CompletableFuture<ClaimOutcome> second = submit("b");

        assertEquals(List.of(1), allocator.batchSizes());
        allocator.finishBatch(0);
        assertTrue(first.isDone());
        assertEquals(List.of(1, 1), allocator.batchSizes());
        assertFalse(second.isDone());
    }

    @Test
    void claimsBeyondTheWaitingBoundAreRefusedAtOnceAsBusy() {
        submit("a");
        submit("b");

        ExecutionException refused = assertThrows(ExecutionException.class, () -> submit("c").get());
        ClaimProblems.RetryLater busy = assertInstanceOf(ClaimProblems.RetryLater.class, refused.getCause());
        assertEquals(503, busy.problem().status());
        assertEquals("busy", busy.problem().extensions().get("reason"));
        assertEquals(1, busy.retryAfterSeconds());
        assertEquals(1.0, registry.counter("codedrop.claims.shed").count());
        assertEquals(List.of(1), allocator.batchSizes(), "a refused claim never reaches the allocator");
    }

    @Test
    void answeredClaimsMakeRoomForNewOnes() {
        submit("a");
        submit("b");
        allocator.finishBatch(0);

        CompletableFuture<ClaimOutcome> later = submit("c");

        assertFalse(later.isCompletedExceptionally());
        assertEquals(2.0, registry.get("codedrop.claims.waiting").gauge().value(), "the claim in the next batch and the new one");
    }

    private CompletableFuture<ClaimOutcome> submit(String device) {
        Claimant claimant = new Claimant("device:" + device, Platform.ANDROID, "test", "10.0.0.1");
        return batcher.submit(ClaimTicket.of(CAMPAIGN, claimant)).subscribeAsCompletionStage();
    }

    private static AllocationConfig config(int maxBatchSize, int maxWaiting) {
        return new AllocationConfig() {
            @Override
            public int maxBatchSize() {
                return maxBatchSize;
            }

            @Override
            public int maxWaiting() {
                return maxWaiting;
            }
        };
    }

    /** Keeps every batch open until {@link #finishBatch} answers its claims with no_codes_available. */
    private static final class HeldAllocator extends Allocator {
        private final List<List<ClaimTicket>> batches = new ArrayList<>();
        private final List<CompletableFuture<Map<ClaimTicket, ClaimOutcome>>> results = new ArrayList<>();

        private HeldAllocator() {
            super(null, null, null, null);
        }

        @Override
        public Uni<Map<ClaimTicket, ClaimOutcome>> allocate(UUID campaignId, List<ClaimTicket> tickets) {
            CompletableFuture<Map<ClaimTicket, ClaimOutcome>> result = new CompletableFuture<>();
            batches.add(tickets);
            results.add(result);
            return Uni.createFrom().completionStage(result);
        }

        List<Integer> batchSizes() {
            return batches.stream().map(List::size).toList();
        }

        void finishBatch(int index) {
            Map<ClaimTicket, ClaimOutcome> outcomes = new HashMap<>();
            batches.get(index).forEach(ticket -> outcomes.put(ticket, ClaimOutcome.NO_CODES));
            results.get(index).complete(outcomes);
        }
    }
}
