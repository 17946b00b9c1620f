package io.codedrop.campaign;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CampaignMetricsTest {
    @Inject
    MeterRegistry registry;

    @Test
    void everyCampaignChangeIsCountedByKindAndResultingStatus() {
        TestDeveloper owner = TestDeveloper.signIn();
        double created = changes("created", "active");
        double paused = changes("status_changed", "paused");
        double updated = changes("updated", "paused");
        double deleted = changes("deleted", "paused");

        String id = Campaigns.create(owner);
        Campaigns.changeStatus(owner, id, "paused");
        owner.api().body(Map.of("name", "Renamed")).when().patch("/api/v1/campaigns/" + id).then().statusCode(200);
        owner.api().when().delete("/api/v1/campaigns/" + id).then().statusCode(204);

        assertEquals(created + 1, changes("created", "active"));
        assertEquals(paused + 1, changes("status_changed", "paused"));
        assertEquals(updated + 1, changes("updated", "paused"));
        assertEquals(deleted + 1, changes("deleted", "paused"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("codedrop_campaigns_changes_total{change=\"created\",status=\"active\"}"));
    }

    @Test
    void refusedChangesAreNotCounted() {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = Campaigns.create(owner);
        Campaigns.changeStatus(owner, id, "completed");
        double total = allChanges();

        owner.api().body(Map.of("status", "active")).when().patch("/api/v1/campaigns/" + id).then().statusCode(409);
        TestDeveloper.signIn().api().when().delete("/api/v1/campaigns/" + id).then().statusCode(404);

        assertEquals(total, allChanges());
    }

    @Test
    void consumerLagIsExportedForTheTopicsThisServiceConsumes() {
        // the Kafka binder registers a consumer's fetch metrics once it has joined and fetched
        await().atMost(Duration.ofSeconds(30)).until(() -> lagGauges("kafka-consumer-stock-in") > 0
                && lagGauges("kafka-consumer-code-requests-in") > 0
                && lagGauges("kafka-consumer-code-status-in") > 0);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max{client_id=\"kafka-consumer-stock-in\""));
    }

    private double changes(String change, String status) {
        Counter counter = registry.find("codedrop.campaigns.changes").tags("change", change, "status", status).counter();
        return counter == null ? 0 : counter.count();
    }

    private double allChanges() {
        // the expiry job runs every second in tests and may expire other tests' campaigns meanwhile
        return registry.find("codedrop.campaigns.changes").counters().stream()
                .filter(counter -> !"expired".equals(counter.getId().getTag("change")))
                .mapToDouble(Counter::count).sum();
    }

    private int lagGauges(String clientId) {
        return registry.find("kafka.consumer.fetch.manager.records.lag.max").tag("client.id", clientId)
                .gauges().size();
    }
}
