package io.codedrop.ingest.repository;

import io.codedrop.common.event.StockEvent;
import io.codedrop.ingest.domain.UploadBatch;
import io.codedrop.ingest.domain.UploadBatchId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

@ApplicationScoped
public class UploadBatchRepository implements PanacheRepositoryBase<UploadBatch, UploadBatchId> {
    /** Records distribution's report on a batch; false when it was recorded before or the batch is not ours. */
    public Uni<Boolean> recordReport(StockEvent event) {
        return update("""
                        outcome = ?1, accepted = ?2, duplicates = ?3, reason = ?4, stockedAt = ?5
                        where id.uploadId = ?6 and id.batchSeq = ?7 and outcome is null""",
                event.outcome(), event.accepted(), event.duplicates(), event.reason(), Instant.now(),
                event.uploadId(), event.batchSeq())
                .map(updated -> updated == 1);
    }
}
