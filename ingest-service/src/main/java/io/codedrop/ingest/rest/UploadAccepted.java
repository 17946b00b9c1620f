package io.codedrop.ingest.rest;

import io.codedrop.ingest.domain.UploadStatus;

import java.util.UUID;

/** The answer to a new upload or generation: the job to follow. */
public record UploadAccepted(UUID uploadId, UploadStatus status) {
}
