package io.codedrop.ingest.parsing;

/** A row that was not taken: its line in the file, its code masked, and why. */
public record RowError(long row, String codeMasked, RowErrorReason reason) {
}
