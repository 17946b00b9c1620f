package io.codedrop.ingest.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.UUID;

@Embeddable
public record UploadBatchId(@Column(name = "upload_id") UUID uploadId,
                            @Column(name = "batch_seq") int batchSeq) implements Serializable {
}
