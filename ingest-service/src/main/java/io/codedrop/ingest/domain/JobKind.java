package io.codedrop.ingest.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a job's codes come from: a file someone uploaded, or a generation request. */
public enum JobKind {
    UPLOAD, GENERATION;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
