package io.codedrop.ingest.parsing;

import io.codedrop.common.Platform;

import java.time.Instant;

/** What the uploader said for rows that do not say it themselves; either may be null. */
public record UploadDefaults(Platform platform, Instant expiresAt) {
}
