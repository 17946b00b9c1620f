package io.codedrop.ingest.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.UUID;

@Embeddable
public record UploadErrorId(@Column(name = "upload_id") UUID uploadId,
                            @Column(name = "row_number") long row) implements Serializable {
}
