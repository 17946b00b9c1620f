package io.codedrop.common;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersion7WithTheRfcVariant() {
        UUID id = TimeOrderedIds.next();

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
    }

    @Test
    void theFirst48BitsAreTheMilliseconds() {
        long millis = 1_796_000_000_123L;

        assertEquals(millis, TimeOrderedIds.at(millis).getMostSignificantBits() >>> 16);
    }

    @Test
    void aLaterMillisecondSortsAfterAnEarlierOne() {
        UUID earlier = TimeOrderedIds.at(1_796_000_000_123L);
        UUID later = TimeOrderedIds.at(1_796_000_000_124L);

        assertTrue(earlier.toString().compareTo(later.toString()) < 0, "ids compare as Postgres compares uuids");
    }

    @Test
    void idsOfOneMillisecondDiffer() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.at(1_796_000_000_123L));
        }

        assertEquals(100_000, ids.size());
    }
}
