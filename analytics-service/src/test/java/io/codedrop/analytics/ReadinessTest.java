package io.codedrop.analytics;

import io.codedrop.analytics.messaging.StatsEventsConsumer;
import io.codedrop.common.Platform;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.common.event.DomainEvent;
import io.codedrop.testing.CampaignFixtures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ReadinessTest {
    private static final int BACKLOG = 800;

    @Inject
    MeterRegistry registry;
    @Inject
    KafkaClientService kafka;

    @Test
    void readinessChecksPostgresKafkaAndRedis() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                        "Kafka connection health check", "Redis connection health check"));
    }

    @Test
    void metricsAndOpenApiAreServed() {
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void consumptionExportsEventDelayAndCounts() {
        String owner = "owner-" + UUID.randomUUID();
        CampaignSnapshot campaign = CampaignFixtures.active(owner);
        CampaignFixtures.publish(campaign);
        StatsEvents.publish(StatsEvents.claim(campaign.id(), Platform.IOS, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> CampaignStatsTest.stats(owner, campaign.id())
                .body("used_codes", equalTo(1)));

        Timer delay = registry.find("codedrop.analytics.event.delay").tag("topic", "code-requests").timer();
        assertThat(delay, notNullValue());
        assertThat(delay.count(), greaterThanOrEqualTo(1L));
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("codedrop_analytics_events_total{outcome=\"applied\",topic=\"code-requests\"}"));
    }

    @Test
    void consumerLagShowsABacklog() {
        UUID campaign = UUID.randomUUID();
        List<DomainEvent> backlog = new ArrayList<>();
        for (int i = 0; i < BACKLOG; i++) {
            backlog.add(StatsEvents.claim(campaign, Platform.IOS, Instant.now()));
        }
        double applied = applied();
        KafkaConsumer<String, Object> consumer = kafka.getConsumer(StatsEventsConsumer.CODE_REQUESTS);
        consumer.pause().await().atMost(Duration.ofSeconds(10));
        try {
            StatsEvents.publish(backlog);
        } finally {
            consumer.resume().await().atMost(Duration.ofSeconds(10));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> applied() >= applied + BACKLOG);

        // a poll takes at most 500 of the 800: some of the backlog was still behind when a fetch was measured
        // (how much depends on how the fetches after the pause fell, so only its presence is asserted)
        assertThat(lagMax(), greaterThan(0.0));
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max{client_id=\"kafka-consumer-code-requests-in\""));
    }

    private double applied() {
        Counter counter = registry.find("codedrop.analytics.events").tag("topic", "code-requests")
                .tag("outcome", "applied").counter();
        return counter == null ? 0 : counter.count();
    }

    /** The code-requests consumer's largest lag over its metric window (about a minute), all partitions together. */
    private double lagMax() {
        return registry.find("kafka.consumer.fetch.manager.records.lag.max")
                .tag("client.id", "kafka-consumer-" + StatsEventsConsumer.CODE_REQUESTS)
                .gauges().stream()
                .mapToDouble(Gauge::value)
                .filter(value -> !Double.isNaN(value))
                .max().orElse(0);
    }
}
