package io.codedrop.analytics.bench;

import io.codedrop.analytics.bench.FreshnessBenchmark.Result;
import io.codedrop.analytics.bench.FreshnessBenchmark.Stimulus;
import io.codedrop.common.Platform;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.testing.KafkaResource;
import io.codedrop.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The freshness benchmark against this module's own infrastructure (real Kafka, Postgres, Redis in
 * the test JVM): event published → visible in the API. A measurement, not a timed test: it prints
 * the numbers and only checks that every event became visible. Not part of {@code verify}; run it
 * with {@code ./mvnw -B -ntp -pl analytics-service verify -Pfreshness}.
 */
@QuarkusTest
@Tag("benchmark")
class FreshnessBenchmarkTest {
    private static final int EVENTS = Integer.getInteger("freshness.events", 300);
    private static final int RATE = Integer.getInteger("freshness.rate", 50);

    @TestHTTPResource("/")
    URI analytics;
    @Inject
    MeterRegistry registry;

    @Test
    void publishedClaimEventsBecomeVisibleInTheApi() {
        String subject = "bench-" + UUID.randomUUID();
        CampaignSnapshot campaign = FreshnessBenchmark.publishCampaign(KafkaResource.bootstrapServers(), subject);
        FreshnessBenchmark benchmark = new FreshnessBenchmark(analytics,
                Tokens.forDeveloper(subject, subject + "@example.com"), campaign.id());
        benchmark.awaitReadable();

        Result result;
        try (Stimulus events = FreshnessBenchmark.kafkaEvents(KafkaResource.bootstrapServers(), campaign.id(),
                Platform.IOS)) {
            benchmark.run(events, FreshnessBenchmark.WARM_UP, RATE);
            result = benchmark.run(events, EVENTS, RATE);
        }

        System.out.println(result);
        System.out.println("event → applied, server side, warm-up included: " + serverSide());
        assertThat(result.millis().length, equalTo(EVENTS));
    }

    private String serverSide() {
        HistogramSnapshot delay = registry.get("codedrop.analytics.event.delay").tag("topic", "code-requests").timer()
                .takeSnapshot();
        return Arrays.stream(delay.percentileValues())
                .map(p -> String.format("p%.0f %.1f ms", p.percentile() * 100, p.value(TimeUnit.MILLISECONDS)))
                .collect(Collectors.joining(", "));
    }
}
