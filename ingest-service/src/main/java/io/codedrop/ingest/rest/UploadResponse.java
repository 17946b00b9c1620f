package io.codedrop.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.codedrop.ingest.domain.JobKind;
import io.codedrop.ingest.domain.UploadStatus;
import io.codedrop.ingest.parsing.FileFormat;
import io.codedrop.ingest.parsing.RowError;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An upload or generation job: status, counts ({@code accepted} and campaign duplicates grow as
 * distribution reports batches), and in the single-job view the first row errors.
 */
public record UploadResponse(UUID uploadId, UUID campaignId, JobKind kind, String fileName, FileFormat format,
                             UploadStatus status, long rows, long accepted, long duplicates, long invalid,
                             int batches, int batchesStocked, String failureReason, Instant createdAt,
                             Instant updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) List<RowError> errors) {
}
