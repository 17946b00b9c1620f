package io.codedrop.ingest.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** received → parsing → stocking → completed, or failed with a reason. */
public enum UploadStatus {
    RECEIVED, PARSING, STOCKING, COMPLETED, FAILED;

    /** Completed and failed jobs change no more. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
