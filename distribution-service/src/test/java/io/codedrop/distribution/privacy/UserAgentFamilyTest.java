package io.codedrop.distribution.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserAgentFamilyTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1 | Safari on iOS",
            "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1 | Chrome on iOS",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 | WebView on iOS",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 | Chrome on Android",
            "Mozilla/5.0 (Linux; Android 13; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36 | Samsung Internet on Android",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91 | Edge on Windows",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 OPR/106.0.0.0 | Opera on Windows",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0 | Firefox on Windows",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15 | Safari on macOS",
            "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0 | Firefox on Linux",
            "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 | Chrome on ChromeOS",
            "SpaceGame/2.1 CFNetwork/1410.0.3 Darwin/22.6.0 | SpaceGame on iOS",
            "Dalvik/2.1.0 (Linux; U; Android 14; Pixel 8 Build/UQ1A.240105.004) | Dalvik on Android",
            "okhttp/4.12.0 | okhttp",
            "curl/8.5.0 | curl",
            "python-requests/2.31.0 | python-requests"})
    void keepsOnlyTheBrowserAndOsFamily(String userAgent, String family) {
        assertEquals(family, UserAgentFamily.of(userAgent));
    }

    @Test
    void versionsAndDeviceModelsAreDropped() {
        String family = UserAgentFamily.of(
                "Mozilla/5.0 (Linux; Android 13; SM-S918B) AppleWebKit/537.36 Chrome/115.0.0.0 Mobile Safari/537.36");

        assertTrue(!family.contains("SM-S918B") && !family.contains("115") && !family.contains("13"), family);
    }

    @Test
    void anUnreadableClientIsOther() {
        assertEquals("Other", UserAgentFamily.of("(compatible)"));
        assertEquals("Other on Windows", UserAgentFamily.of("Mozilla/4.0 (Windows NT 6.1)"));
    }

    @Test
    void aLongProductNameIsCut() {
        assertEquals("A".repeat(32), UserAgentFamily.of("A".repeat(300) + "/1.0"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noUserAgentHasNoFamily(String userAgent) {
        assertNull(UserAgentFamily.of(userAgent));
    }
}
