package io.codedrop.ingest.parsing;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Why a row was not taken, in the order rows are checked; a row reports the first that applies. */
public enum RowErrorReason {
    /** The line is longer than the configured limit; it is skipped unread. */
    LINE_TOO_LONG,
    /** A cell starts with {@code = + - @}, which spreadsheets would run as a formula. */
    FORMULA_INJECTION,
    /** The code cell is empty. */
    CODE_MISSING,
    /** The code is longer than 50 characters. */
    CODE_TOO_LONG,
    /** The code has characters outside {@code A-Z a-z 0-9 - _}. */
    CODE_INVALID_CHARACTERS,
    /** The platform cell names no known platform. */
    PLATFORM_UNKNOWN,
    /** Neither the row, the upload nor the file format says which platform the code is for. */
    PLATFORM_MISSING,
    /** The expiry is not an ISO-8601 date or date-time. */
    EXPIRES_AT_INVALID,
    /** The expiry is already in the past. */
    EXPIRES_AT_PAST;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
