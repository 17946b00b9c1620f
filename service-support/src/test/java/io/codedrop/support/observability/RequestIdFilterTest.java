package io.codedrop.support.observability;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestIdFilterTest {
    @Test
    void aPlainIdFromTheCallerIsKept() {
        assertEquals("gw-1f3a.77:b_c", RequestIdFilter.sanitise("gw-1f3a.77:b_c"));
    }

    @Test
    void anIdThatCouldForgeALogLineIsReplaced() {
        String forged = "abc\n{\"level\":\"ERROR\"}";
        String id = RequestIdFilter.sanitise(forged);
        assertNotEquals(forged, id);
        assertEquals(36, id.length());
    }

    @Test
    void aTooLongIdIsReplacedAndAMissingOneGenerated() {
        String longest = "a".repeat(RequestIdFilter.MAX_LENGTH);
        assertEquals(longest, RequestIdFilter.sanitise(longest));
        assertNotEquals(longest + "a", RequestIdFilter.sanitise(longest + "a"));
        assertTrue(RequestIdFilter.sanitise(null).matches("[0-9a-f-]{36}"));
        assertTrue(RequestIdFilter.sanitise("").matches("[0-9a-f-]{36}"));
    }
}
