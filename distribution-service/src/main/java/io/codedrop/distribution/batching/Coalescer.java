package io.codedrop.distribution.batching;

import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Group commit for any round trip: items that arrive while a batch is out go together into the next
 * one. One batch in flight at a time; the first item of an idle queue goes at once (no timer, no added
 * latency), and under a crowd batches grow by themselves, so one round trip serves many items.
 *
 * @param <T> an item, which carries what answers it
 */
public final class Coalescer<T> {
    private final Queue<T> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean busy = new AtomicBoolean();
    private final int maxBatchSize;
    private final Function<List<T>, Uni<Runnable>> send;
    private final BiConsumer<List<T>, Throwable> fail;

    /**
     * @param send  sends a batch; its item is what answers the batch's items
     * @param fail  answers a batch whose send failed
     */
    public Coalescer(int maxBatchSize, Function<List<T>, Uni<Runnable>> send, BiConsumer<List<T>, Throwable> fail) {
        this.maxBatchSize = maxBatchSize;
        this.send = send;
        this.fail = fail;
    }

    public void add(T item) {
        pending.add(item);
        pump();
    }

    private void pump() {
        while (!pending.isEmpty() && busy.compareAndSet(false, true)) {
            List<T> batch = drain();
            if (batch.isEmpty()) {
                busy.set(false);
                continue;
            }
            Uni.createFrom().deferred(() -> send.apply(batch))
                    .subscribe().with(this::finish, failure -> finish(() -> fail.accept(batch, failure)));
            return;
        }
    }

    private List<T> drain() {
        List<T> batch = new ArrayList<>();
        T next;
        while (batch.size() < maxBatchSize && (next = pending.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    /** Frees the queue before answering, so items that arrive meanwhile start the next batch. */
    private void finish(Runnable answer) {
        busy.set(false);
        pump();
        answer.run();
    }
}
