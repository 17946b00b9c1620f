package io.codedrop.ingest.parsing;

import com.fasterxml.jackson.annotation.JsonValue;
import io.codedrop.common.Platform;

import java.util.Locale;

/**
 * The layouts an upload is recognised as, from its content. A store's export names the platform its
 * codes redeem on; the uploader's {@code platform} (or a platform column) still wins over it.
 */
public enum FileFormat {
    /** A header naming a {@code code} column, maybe {@code platform} and {@code expires_at}; others are metadata. */
    CSV(null),
    /** One code per line, no header. */
    LINES(null),
    /** One Steam key per line ({@code XXXXX-XXXXX-XXXXX}), as Steamworks exports them. */
    STEAM_KEYS(Platform.STEAM),
    /** Google Play Console promo codes: a {@code Promotion code} column. */
    GOOGLE_PLAY(Platform.ANDROID),
    /** App Store Connect offer codes: an {@code Offer Code} column, optionally expiration date and redemption URL. */
    APP_STORE(Platform.IOS),
    /** Microsoft Partner Center promo codes: tab-separated code, expiry and redemption URL. */
    MICROSOFT_STORE(Platform.WINDOWS);

    private final Platform platform;

    FileFormat(Platform platform) {
        this.platform = platform;
    }

    /** The platform the store's codes redeem on, or null for formats that do not imply one. */
    public Platform impliedPlatform() {
        return platform;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FileFormat fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
