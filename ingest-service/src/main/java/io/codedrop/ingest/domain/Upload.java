package io.codedrop.ingest.domain;

import io.codedrop.common.event.StockOutcome;
import io.codedrop.ingest.parsing.FileFormat;
import io.codedrop.ingest.parsing.ParseSummary;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One upload or generation job and its counts: {@code rows} read or generated, {@code accepted} and
 * {@code duplicates} as distribution reports them per batch (plus duplicates within the file),
 * {@code invalid} rows refused. Every change happens under the row's lock, so the stock consumer and
 * the generator never lose each other's updates.
 */
@Entity
@Table(name = "uploads")
public class Upload {
    @Id
    private UUID id;
    @Column(name = "campaign_id", nullable = false)
    private UUID campaignId;
    @Column(name = "developer_subject", nullable = false)
    private String developerSubject;
    @Convert(converter = Columns.Kind.class)
    @Column(nullable = false)
    private JobKind kind;
    @Column(name = "file_name")
    private String fileName;
    @Convert(converter = Columns.Format.class)
    private FileFormat format;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UploadStatus status;
    @Column(name = "rows_total", nullable = false)
    private long rows;
    @Column(nullable = false)
    private long accepted;
    @Column(nullable = false)
    private long duplicates;
    @Column(nullable = false)
    private long invalid;
    @Column(name = "batches_total", nullable = false)
    private int batchesTotal;
    @Column(name = "batches_stocked", nullable = false)
    private int batchesStocked;
    @Column(name = "failure_reason")
    private String failureReason;
    @Embedded
    private GenerationSpec generation;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Upload() {
    }

    private Upload(UUID campaignId, String developerSubject, JobKind kind, UploadStatus status) {
        this.id = UUID.randomUUID();
        this.campaignId = campaignId;
        this.developerSubject = developerSubject;
        this.kind = kind;
        this.status = status;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    /** A parsed file: its counts are final, only distribution's reports are still to come. */
    public static Upload ofFile(UUID campaignId, String developerSubject, String fileName, ParseSummary summary) {
        Upload upload = new Upload(campaignId, developerSubject, JobKind.UPLOAD,
                summary.batches() == 0 ? UploadStatus.COMPLETED : UploadStatus.STOCKING);
        upload.fileName = fileName;
        upload.format = summary.format();
        upload.rows = summary.rows();
        upload.duplicates = summary.duplicates();
        upload.invalid = summary.invalid();
        upload.batchesTotal = summary.batches();
        return upload;
    }

    /** A generation waiting for the generator to pick it up. */
    public static Upload ofGeneration(UUID campaignId, String developerSubject, GenerationSpec spec) {
        Upload upload = new Upload(campaignId, developerSubject, JobKind.GENERATION, UploadStatus.RECEIVED);
        upload.generation = spec;
        return upload;
    }

    /** Adds distribution's report on one batch; a rejected batch fails the job, the other reports still count. */
    public void recordStock(int batchSeq, StockOutcome outcome, long stocked, long alreadyThere, String reason) {
        accepted += stocked;
        duplicates += alreadyThere;
        batchesStocked++;
        if (outcome == StockOutcome.REJECTED) {
            fail("distribution rejected batch " + batchSeq + ": " + reason);
        }
        touch();
    }

    /** True when every batch published so far has been reported and no more are coming. */
    public boolean isFullyReported() {
        return status == UploadStatus.STOCKING && batchesStocked == batchesTotal;
    }

    public void complete() {
        status = UploadStatus.COMPLETED;
        touch();
    }

    public void fail(String reason) {
        if (status != UploadStatus.FAILED) {
            status = UploadStatus.FAILED;
            failureReason = reason;
        }
        touch();
    }

    /** Codes the generator still has to make. */
    public long codesToGenerate() {
        return generation.getTarget() - rows;
    }

    /** The next index of the job's permutation, which is the number of codes made so far. */
    public long nextIndex() {
        return rows;
    }

    /** The batch sequence number the next published batch gets. */
    public int nextBatchSeq() {
        return batchesTotal;
    }

    /** Records generated codes sent as batches; once the target is reached only distribution's reports are left. */
    public void recordGenerated(long codes, int batches) {
        rows += codes;
        batchesTotal += batches;
        status = codesToGenerate() > 0 ? UploadStatus.PARSING : UploadStatus.STOCKING;
        touch();
    }

    /** Codes a generation still owes: requested minus stocked (the rest collided with codes the campaign had). */
    public long missingCodes() {
        return generation.getRequested() - accepted;
    }

    /** Asks the generator for replacements of codes the campaign already had. */
    public void topUp(long codes) {
        generation.addToTarget(codes);
        status = UploadStatus.PARSING;
        touch();
    }

    private void touch() {
        updatedAt = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public UUID getCampaignId() {
        return campaignId;
    }

    public JobKind getKind() {
        return kind;
    }

    public String getFileName() {
        return fileName;
    }

    public FileFormat getFormat() {
        return format;
    }

    public UploadStatus getStatus() {
        return status;
    }

    public long getRows() {
        return rows;
    }

    public long getAccepted() {
        return accepted;
    }

    public long getDuplicates() {
        return duplicates;
    }

    public long getInvalid() {
        return invalid;
    }

    public int getBatchesTotal() {
        return batchesTotal;
    }

    public int getBatchesStocked() {
        return batchesStocked;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public GenerationSpec getGeneration() {
        return generation;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
