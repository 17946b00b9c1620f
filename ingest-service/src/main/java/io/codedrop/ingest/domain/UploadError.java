package io.codedrop.ingest.domain;

import io.codedrop.ingest.parsing.RowError;
import io.codedrop.ingest.parsing.RowErrorReason;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.util.UUID;

/** A row of an upload that was not taken. */
@Entity
@Table(name = "upload_errors")
public class UploadError {
    @EmbeddedId
    private UploadErrorId id;
    @Column(name = "code_masked", nullable = false)
    private String codeMasked;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RowErrorReason reason;

    protected UploadError() {
    }

    public UploadError(UUID uploadId, RowError error) {
        this.id = new UploadErrorId(uploadId, error.row());
        this.codeMasked = error.codeMasked();
        this.reason = error.reason();
    }

    public RowError toRowError() {
        return new RowError(id.row(), codeMasked, reason);
    }
}
