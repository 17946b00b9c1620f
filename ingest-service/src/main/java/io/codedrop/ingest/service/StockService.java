package io.codedrop.ingest.service;

import io.codedrop.common.event.StockEvent;
import io.codedrop.ingest.config.IngestConfig;
import io.codedrop.ingest.domain.JobKind;
import io.codedrop.ingest.domain.Upload;
import io.codedrop.ingest.repository.UploadBatchRepository;
import io.codedrop.ingest.repository.UploadRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies distribution's stock reports to jobs. A report counts once: the batch's row records it, and
 * a redelivered report finds it recorded. When a job's last batch is reported, an upload completes;
 * a generation completes too unless codes collided with the campaign's, which it then replaces.
 */
@ApplicationScoped
public class StockService {
    private final UploadBatchRepository batches;
    private final UploadRepository uploads;
    private final IngestMetrics metrics;
    private final IngestConfig config;

    public StockService(UploadBatchRepository batches, UploadRepository uploads, IngestMetrics metrics,
                        IngestConfig config) {
        this.batches = batches;
        this.uploads = uploads;
        this.metrics = metrics;
        this.config = config;
    }

    @WithTransaction
    public Uni<Void> apply(StockEvent event) {
        if (event.uploadId() == null || event.outcome() == null) {
            // not a report on one of our batches: nothing to record, and nothing to retry
            return Uni.createFrom().voidItem();
        }
        return batches.recordReport(event)
                .chain(recorded -> recorded ? uploads.findForUpdate(event.uploadId()) : Uni.createFrom().nullItem())
                .onItem().ifNotNull().invoke(job -> record(job, event))
                .replaceWithVoid();
    }

    private void record(Upload job, StockEvent event) {
        boolean wasFinal = job.getStatus().isFinal();
        job.recordStock(event.batchSeq(), event.outcome(), event.accepted(), event.duplicates(), event.reason());
        if (job.isFullyReported()) {
            settle(job);
        }
        if (!wasFinal && job.getStatus().isFinal()) {
            metrics.finished(job);
        }
    }

    private void settle(Upload job) {
        long missing = job.getKind() == JobKind.GENERATION ? job.missingCodes() : 0;
        if (missing <= 0) {
            job.complete();
        } else if (job.getGeneration().getTopUpRounds() < config.generation().maxTopUpRounds()
                && job.nextIndex() + missing <= job.getGeneration().space().capacity()) {
            job.topUp(missing);
        } else {
            job.fail("only " + job.getAccepted() + " of " + job.getGeneration().getRequested()
                    + " codes could be stocked: the others collided with codes the campaign already has");
        }
    }
}
