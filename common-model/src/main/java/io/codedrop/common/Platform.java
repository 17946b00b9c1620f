package io.codedrop.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The stores and targets a code can be redeemed on, spelled exactly as the API shows them. */
public enum Platform {
    IOS("iOS"),
    ANDROID("Android"),
    WINDOWS("Windows"),
    MACOS("MacOS"),
    STEAM("Steam"),
    EPIC("Epic"),
    WEB("Web");

    private static final String ACCEPTED = Arrays.stream(values())
            .map(Platform::label)
            .collect(Collectors.joining(", "));

    private final String label;

    Platform(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /**
     * Parses user input case-insensitively.
     *
     * @throws UnknownPlatformException naming the accepted spellings when nothing matches
     */
    @JsonCreator
    public static Platform parse(String value) {
        if (value != null) {
            String trimmed = value.trim();
            for (Platform platform : values()) {
                if (platform.label.equalsIgnoreCase(trimmed)) {
                    return platform;
                }
            }
        }
        throw new UnknownPlatformException(value, ACCEPTED);
    }

    @Override
    public String toString() {
        return label;
    }

    /** Thrown for a platform name that is not one of {@link Platform}'s spellings. */
    public static final class UnknownPlatformException extends IllegalArgumentException {
        public UnknownPlatformException(String value, String accepted) {
            super("unknown platform '" + value + "', expected one of: " + accepted);
        }
    }
}
