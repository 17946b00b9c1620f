package io.codedrop.ingest.domain;

import io.codedrop.common.event.StockOutcome;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One code-batches event of a job and what distribution reported for it. The report is recorded once
 * ({@code outcome} goes from null to set), which is what makes a redelivered stock event harmless.
 */
@Entity
@Table(name = "upload_batches")
public class UploadBatch {
    @EmbeddedId
    private UploadBatchId id;
    @Column(nullable = false)
    private int codes;
    @Enumerated(EnumType.STRING)
    private StockOutcome outcome;
    private Integer accepted;
    private Integer duplicates;
    private String reason;
    @Column(name = "stocked_at")
    private Instant stockedAt;

    protected UploadBatch() {
    }

    public UploadBatch(UUID uploadId, int batchSeq, int codes) {
        this.id = new UploadBatchId(uploadId, batchSeq);
        this.codes = codes;
    }
}
