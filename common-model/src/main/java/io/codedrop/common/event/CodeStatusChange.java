package io.codedrop.common.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What happened to stocked codes after they were stocked. */
public enum CodeStatusChange {
    EXPIRED, WITHDRAWN, REDEEMED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static CodeStatusChange fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
