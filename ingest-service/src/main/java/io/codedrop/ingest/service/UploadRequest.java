package io.codedrop.ingest.service;

/**
 * A file to ingest and what the uploader said about it, as sent: {@code platform} and {@code expiresAt}
 * are the defaults for rows that do not name their own (either may be null).
 */
public record UploadRequest(UploadContent content, String fileName, String platform, String expiresAt) {
}
