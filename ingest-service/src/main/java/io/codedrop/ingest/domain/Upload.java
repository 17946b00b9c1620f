package io.codedrop.ingest.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One upload or generation job and its counts. */
@Entity
@Table(name = "uploads")
public class Upload {
    @Id
    private UUID id;
    @Column(name = "campaign_id", nullable = false)
    private UUID campaignId;
    @Column(name = "developer_subject", nullable = false)
    private String developerSubject;
    @Column(nullable = false)
    private String kind;
    @Column(name = "file_name")
    private String fileName;
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
    @Column(name = "failure_reason")
    private String failureReason;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Upload() {
    }

    public UUID getId() {
        return id;
    }

    public UUID getCampaignId() {
        return campaignId;
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

    public String getKind() {
        return kind;
    }

    public String getFileName() {
        return fileName;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
