package io.codedrop.analytics;

import io.codedrop.common.Platform;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.testing.CampaignFixtures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ReadinessTest {
    @Inject
    MeterRegistry registry;

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
    void consumptionExportsEventDelayAndConsumerLag() {
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
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max"))
                .body(containsString("codedrop_analytics_events_total{outcome=\"applied\",topic=\"code-requests\"}"));
    }
}
