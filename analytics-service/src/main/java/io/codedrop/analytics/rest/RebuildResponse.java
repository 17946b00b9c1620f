package io.codedrop.analytics.rest;

import java.time.Instant;
import java.util.UUID;

/** An operator's rebuild of the aggregates: {@code status} is running, completed, failed or abandoned. */
public record RebuildResponse(UUID id, String status, String requestedBy, Instant startedAt, Instant finishedAt,
                              long eventsRead, long eventsApplied, String error) {
}
