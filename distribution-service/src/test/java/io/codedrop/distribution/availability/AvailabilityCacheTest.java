package io.codedrop.distribution.availability;

import io.codedrop.common.Platform;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Against the real Redis: writes sent after the answers may arrive in any order. */
@QuarkusTest
class AvailabilityCacheTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    AvailabilityCache cache;

    @Test
    void aLateWriteOfAnOlderVersionDoesNotOverwriteANewerCount() {
        UUID campaign = UUID.randomUUID();

        store(campaign, Platform.IOS, 7, 5);
        store(campaign, Platform.IOS, 9, 4);

        assertEquals(Map.of(Platform.IOS, 7L), available(campaign));
    }

    @Test
    void aNewerVersionReplacesTheCount() {
        UUID campaign = UUID.randomUUID();

        store(campaign, Platform.IOS, 7, 5);
        store(campaign, Platform.IOS, 6, 6);

        assertEquals(Map.of(Platform.IOS, 6L), available(campaign));
    }

    @Test
    void eachPlatformKeepsItsOwnVersion() {
        UUID campaign = UUID.randomUUID();
        store(campaign, Platform.IOS, 7, 5);
        store(campaign, Platform.ANDROID, 40, 1);

        cache.store(campaign, new PoolCounts(Map.of(Platform.IOS, 3L, Platform.ANDROID, 41L),
                Map.of(Platform.IOS, 6L, Platform.ANDROID, 0L))).await().atMost(WAIT);

        assertEquals(Map.of(Platform.IOS, 3L, Platform.ANDROID, 40L), available(campaign));
    }

    private void store(UUID campaign, Platform platform, long available, long version) {
        cache.store(campaign, new PoolCounts(Map.of(platform, available), Map.of(platform, version)))
                .await().atMost(WAIT);
    }

    private Map<Platform, Long> available(UUID campaign) {
        return cache.available(campaign).await().atMost(WAIT);
    }
}
