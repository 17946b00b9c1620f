package io.codedrop.support.observability;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeterConventionsTest {
    private final MeterConventions conventions = new MeterConventions();

    @Test
    void everyMeterCarriesTheServiceName() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(MeterConventions.commonApplicationTag("campaign-service", true));

        registry.counter("codedrop.campaigns.changes", "change", "created").increment();

        assertEquals("campaign-service", registry.get("codedrop.campaigns.changes").counter().getId().getTag("application"));
    }

    @Test
    void disabledTheMetersAreLeftAlone() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(MeterConventions.commonApplicationTag("campaign-service", false));

        registry.counter("codedrop.campaigns.changes", "change", "created").increment();

        assertNull(registry.get("codedrop.campaigns.changes").counter().getId().getTag("application"));
        assertEquals(1.0, registry.get("codedrop.campaigns.changes").counter().count());
    }

    @Test
    void httpServerTimingsHaveHistogramBucketsAndOtherTimersNone() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(conventions.httpServerHistogram());

        registry.timer(MeterConventions.HTTP_SERVER_REQUESTS, "uri", "/api/v1").record(Duration.ofMillis(12));
        registry.timer("codedrop.outbox.send").record(Duration.ofMillis(12));

        String scrape = registry.scrape();
        // buckets from 1 ms to 30 s; the 12 ms request lands in the one above 12 ms
        assertTrue(scrape.contains("http_server_requests_seconds_bucket{uri=\"/api/v1\",le=\"0.001\",} 0.0"), scrape);
        assertTrue(scrape.contains("http_server_requests_seconds_bucket{uri=\"/api/v1\",le=\"0.01258291\",} 1.0"), scrape);
        assertTrue(scrape.contains("http_server_requests_seconds_bucket{uri=\"/api/v1\",le=\"30.0\",} 1.0"), scrape);
        assertTrue(scrape.contains("codedrop_outbox_send_seconds_count"), scrape);
        assertFalse(scrape.contains("codedrop_outbox_send_seconds_bucket"), scrape);
    }
}
