package io.codedrop.distribution.claim;

import io.codedrop.common.Platform;

import java.util.Locale;
import java.util.Optional;

/** The platform a client runs on, from its User-Agent, when the request does not name one. */
public final class PlatformDetector {
    private PlatformDetector() {
    }

    /** Mobile before desktop: iPad and Android user agents also mention Mac OS X or Linux. */
    public static Optional<Platform> fromUserAgent(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return Optional.empty();
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        if (ua.contains("iphone") || ua.contains("ipad") || ua.contains("ipod") || ua.contains("cfnetwork")) {
            return Optional.of(Platform.IOS);
        }
        if (ua.contains("android")) {
            return Optional.of(Platform.ANDROID);
        }
        if (ua.contains("windows")) {
            return Optional.of(Platform.WINDOWS);
        }
        if (ua.contains("macintosh") || ua.contains("mac os x")) {
            return Optional.of(Platform.MACOS);
        }
        if (ua.startsWith("mozilla/")) {
            return Optional.of(Platform.WEB);
        }
        return Optional.empty();
    }
}
