package io.codedrop.distribution.stocking;

import io.codedrop.common.event.CodeBatchEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Stocks the batches ingest publishes. A campaign not known yet is waited for, then the batch is
 * reported rejected; any other failure (database down) is retried until it works, holding the
 * partition, because an accepted upload must never be lost.
 */
@ApplicationScoped
public class CodeBatchConsumer {
    public static final String CHANNEL = "code-batches-in";
    private static final Logger LOG = Logger.getLogger(CodeBatchConsumer.class);

    private final StockingService stocking;
    private final StockingConfig config;

    public CodeBatchConsumer(StockingService stocking, StockingConfig config) {
        this.stocking = stocking;
        this.config = config;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(CodeBatchEvent batch) {
        return stocking.stock(batch)
                .onFailure(CampaignNotYetKnown.class).retry()
                .withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).expireIn(config.unknownCampaignWait().toMillis())
                .onFailure(CodeBatchConsumer::campaignNeverCame)
                .recoverWithUni(() -> stocking.reject(batch, StockingService.CAMPAIGN_UNKNOWN))
                .onFailure().invoke(failure -> LOG.warnf("stocking batch %d of upload %s failed, retrying: %s",
                        batch.batchSeq(), batch.uploadId(), failure.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30)).indefinitely();
    }

    /** Mutiny reports exhausted retries as their own failure, with the last one as its cause. */
    private static boolean campaignNeverCame(Throwable failure) {
        return failure instanceof CampaignNotYetKnown || failure.getCause() instanceof CampaignNotYetKnown;
    }
}
