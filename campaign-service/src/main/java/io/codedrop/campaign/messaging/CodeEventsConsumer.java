package io.codedrop.campaign.messaging;

import io.codedrop.campaign.service.CodeCountsService;
import io.codedrop.common.Topics;
import io.codedrop.common.event.CodeRequestEvent;
import io.codedrop.common.event.CodeStatusEvent;
import io.codedrop.common.event.StockEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * Distribution's reports on codes, feeding each campaign's counts, consumed in batches (all records
 * of one poll, one transaction): a launch-day stream of claims costs one transaction per poll, not
 * one per claim. A batch is acknowledged, and its offsets committed, once its transaction committed.
 * A failed batch is tried again, whole, a few times with growing pauses (a lost connection, a
 * deadlock victim); if it still fails it is nacked and the channel's failure strategy ({@code fail})
 * stops the channel and marks the service unhealthy, so it is consumed again after a restart,
 * never skipped.
 */
@ApplicationScoped
public class CodeEventsConsumer {
    public static final String STOCK = "stock-in";
    public static final String CODE_REQUESTS = "code-requests-in";
    public static final String CODE_STATUS = "code-status-in";

    /**
     * About half a minute of attempts in all: well within the minute after which the connector reports a
     * record left unacknowledged as a failure of its own.
     */
    private static final int RETRIES = 10;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(CodeEventsConsumer.class);

    private final CodeCountsService counts;

    public CodeEventsConsumer(CodeCountsService counts) {
        this.counts = counts;
    }

    @Incoming(STOCK)
    public Uni<Void> stock(List<StockEvent> events) {
        return retried(Topics.STOCK, counts.stocked(events));
    }

    @Incoming(CODE_REQUESTS)
    public Uni<Void> codeRequests(List<CodeRequestEvent> events) {
        return retried(Topics.CODE_REQUESTS, counts.requested(events));
    }

    @Incoming(CODE_STATUS)
    public Uni<Void> codeStatus(List<CodeStatusEvent> events) {
        return retried(Topics.CODE_STATUS, counts.statusChanged(events));
    }

    private static Uni<Void> retried(String topic, Uni<Void> batch) {
        return batch.onFailure()
                .invoke(failure -> LOG.warnf("A batch of %s events was not applied: %s", topic, failure.getMessage()))
                .onFailure()
                .retry().withBackOff(FIRST_PAUSE, LONGEST_PAUSE).atMost(RETRIES);
    }
}
