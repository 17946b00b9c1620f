package io.codedrop.ingest.service;

import io.codedrop.common.Topics;
import io.codedrop.common.event.BatchCode;
import io.codedrop.common.event.CodeBatchEvent;
import io.codedrop.ingest.domain.Upload;
import io.codedrop.ingest.domain.UploadBatch;
import io.codedrop.ingest.repository.UploadBatchRepository;
import io.codedrop.support.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Sends a job's codes to distribution: the code-batches event goes into the outbox and the batch is
 * recorded for distribution's report, both in the caller's transaction.
 */
@ApplicationScoped
public class BatchPublisher {
    private final Outbox outbox;
    private final UploadBatchRepository batches;

    public BatchPublisher(Outbox outbox, UploadBatchRepository batches) {
        this.outbox = outbox;
        this.batches = batches;
    }

    Uni<Void> publish(Upload job, int batchSeq, List<BatchCode> codes) {
        return outbox.publish(Topics.CODE_BATCHES, CodeBatchEvent.of(job.getCampaignId(), job.getId(), batchSeq, codes))
                .chain(() -> batches.persist(new UploadBatch(job.getId(), batchSeq, codes.size())))
                .replaceWithVoid();
    }
}
