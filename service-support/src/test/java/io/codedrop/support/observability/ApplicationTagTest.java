package io.codedrop.support.observability;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ApplicationTagTest {
    @Test
    void everyMeterCarriesTheServiceName() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(ApplicationTag.of("campaign-service", true));

        registry.counter("codedrop.campaigns.changes", "change", "created").increment();

        assertEquals("campaign-service", registry.get("codedrop.campaigns.changes").counter().getId().getTag("application"));
    }

    @Test
    void disabledTheMetersAreLeftAlone() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(ApplicationTag.of("campaign-service", false));

        registry.counter("codedrop.campaigns.changes", "change", "created").increment();

        assertNull(registry.get("codedrop.campaigns.changes").counter().getId().getTag("application"));
        assertEquals(1.0, registry.get("codedrop.campaigns.changes").counter().count());
    }
}
