package io.codedrop.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlatformTest {
    @ParameterizedTest
    @ValueSource(strings = {"iOS", "ios", "IOS", " iOs "})
    void parsesCaseInsensitively(String input) {
        assertEquals(Platform.IOS, Platform.parse(input));
    }

    @Test
    void labelsAreSpelledAsTheContractSays() {
        assertEquals("iOS, Android, Windows, MacOS, Steam, Epic, Web",
                String.join(", ", java.util.Arrays.stream(Platform.values()).map(Platform::label).toList()));
    }

    @Test
    void unknownPlatformNamesTheAcceptedOnes() {
        var error = assertThrows(Platform.UnknownPlatformException.class, () -> Platform.parse("Switch"));
        assertTrue(error.getMessage().contains("'Switch'"));
        assertTrue(error.getMessage().contains("iOS, Android, Windows, MacOS, Steam, Epic, Web"));
    }

    @Test
    void nullIsUnknown() {
        assertThrows(Platform.UnknownPlatformException.class, () -> Platform.parse(null));
    }
}
