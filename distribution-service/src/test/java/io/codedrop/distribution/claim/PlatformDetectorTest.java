package io.codedrop.distribution.claim;

import io.codedrop.common.Platform;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlatformDetectorTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 | iOS",
            "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 | iOS",
            "SpaceGame/2.1 CFNetwork/1410.0.3 Darwin/22.6.0 | iOS",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120.0 Mobile | Android",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 | Windows",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 Safari/605.1.15 | MacOS",
            "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0 | Web",
            "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 Chrome/120.0 | Web"})
    void detectsThePlatformOfCommonUserAgents(String userAgent, String platform) {
        assertEquals(Optional.of(Platform.parse(platform)), PlatformDetector.fromUserAgent(userAgent));
    }

    @ParameterizedTest
    @ValueSource(strings = {"curl/8.5.0", "python-requests/2.31", "Go-http-client/1.1"})
    void toolsAreNotAPlatform(String userAgent) {
        assertEquals(Optional.empty(), PlatformDetector.fromUserAgent(userAgent));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noUserAgentIsNotAPlatform(String userAgent) {
        assertEquals(Optional.empty(), PlatformDetector.fromUserAgent(userAgent));
    }
}
