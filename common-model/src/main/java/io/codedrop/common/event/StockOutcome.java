package io.codedrop.common.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Whether distribution stocked a batch or refused it (for example: the campaign is unknown or deleted). */
public enum StockOutcome {
    STOCKED, REJECTED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static StockOutcome fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
