package io.codedrop.common.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The outcome of one claim attempt, as recorded in a code request. */
public enum RequestStatus {
    FULFILLED, NO_CODES_AVAILABLE, CAMPAIGN_INACTIVE, RATE_LIMITED, BLOCKED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RequestStatus fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
