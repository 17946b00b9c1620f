package io.codedrop.ingest.parsing;

/** What one parse found: data rows, codes to stock, duplicates within the file, bad rows, and batches. */
public record ParseSummary(FileFormat format, long rows, long valid, long duplicates, long invalid, int batches) {
}
