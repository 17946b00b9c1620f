package io.codedrop.distribution.codes;

import com.fasterxml.jackson.annotation.JsonValue;
import io.codedrop.support.problem.Problems;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A promo code's status as stored and shown; {@code used}, {@code expired} and {@code withdrawn} are final. */
public enum CodeStatus {
    UNUSED, USED, EXPIRED, WITHDRAWN;

    private static final String ACCEPTED = Arrays.stream(values()).map(CodeStatus::wireName)
            .collect(Collectors.joining(", "));

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CodeStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** A filter from the query string; anything else is a validation problem on {@code field}. */
    public static CodeStatus parse(String value, String field) {
        return Arrays.stream(values())
                .filter(status -> status.wireName().equalsIgnoreCase(value.trim()))
                .findFirst()
                .orElseThrow(() -> Problems.invalid(field,
                        "unknown status '" + value + "', expected one of: " + ACCEPTED));
    }
}
