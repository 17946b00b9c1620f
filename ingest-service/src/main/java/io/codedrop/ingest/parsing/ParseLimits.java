package io.codedrop.ingest.parsing;

/**
 * Bounds of one upload: rows and bytes (over them the whole upload is refused), the longest line
 * (longer ones are bad rows), and how many codes and bytes go into one code batch.
 */
public record ParseLimits(int maxRows, long maxBytes, int maxLineLength, int batchSize, long maxBatchBytes) {
}
