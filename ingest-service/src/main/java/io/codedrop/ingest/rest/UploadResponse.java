package io.codedrop.ingest.rest;

import io.codedrop.ingest.domain.UploadStatus;

import java.time.Instant;
import java.util.UUID;

public record UploadResponse(UUID uploadId, UUID campaignId, String kind, String fileName, UploadStatus status,
                             long rows, long accepted, long duplicates, long invalid, String failureReason,
                             Instant createdAt, Instant updatedAt) {
}
