package io.codedrop.common.event;

import io.codedrop.common.Platform;

import java.time.Instant;
import java.util.Map;

/** One validated code inside a {@link CodeBatchEvent}; {@code row} is its line in the upload. */
public record BatchCode(String code, Platform platform, Instant expiresAt, long row, Map<String, String> metadata) {
}
