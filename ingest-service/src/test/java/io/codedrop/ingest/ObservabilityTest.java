package io.codedrop.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** This service's share of the shared observability: outbox lag, consumer lag, rows by outcome, request ids. */
@QuarkusTest
class ObservabilityTest {
    @Inject
    MeterRegistry registry;

    @Test
    void codeBatchesRelayedFromTheOutboxAreCountedAndItsBacklogExported() {
        Jobs jobs = Jobs.ofNewCampaign();
        double relayed = relayed();
        double valid = rows("valid");

        UUID upload = jobs.upload("code\nOBS-1\nOBS-2\nOBS-3\n", "Web");
        FakeDistribution.batches(upload, 1);

        await().atMost(Duration.ofSeconds(5)).until(() -> relayed() >= relayed + 1);
        assertEquals(valid + 3, rows("valid"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("codedrop_outbox_relayed_total{topic=\"code-batches\"}"))
                .body(containsString("codedrop_outbox_pending "))
                .body(containsString("codedrop_outbox_oldest_age_seconds "))
                .body(containsString("codedrop_ingest_rows_total{kind=\"upload\",outcome=\"valid\"}"));
    }

    @Test
    void consumerLagIsExportedForTheStockConsumer() {
        // the consumer-wide maximum is there from the start; per-partition lag once the binder refreshes (a minute)
        await().atMost(Duration.ofSeconds(30)).until(() -> !registry.find("kafka.consumer.fetch.manager.records.lag.max")
                .tag("client.id", "kafka-consumer-stock-in").gauges().isEmpty());
    }

    @Test
    void everyAnswerCarriesARequestId() {
        given().header("X-Request-Id", "upload-client-42")
                .when().get("/api/v1/uploads/" + UUID.randomUUID())
                .then().statusCode(401)
                .header("X-Request-Id", "upload-client-42");
        given().when().get("/q/health/live")
                .then().statusCode(200);
        given().when().get("/api/v1/uploads/" + UUID.randomUUID())
                .then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    private double relayed() {
        Counter counter = registry.find("codedrop.outbox.relayed").tag("topic", "code-batches").counter();
        return counter == null ? 0 : counter.count();
    }

    private double rows(String outcome) {
        Counter counter = registry.find("codedrop.ingest.rows").tags("kind", "upload", "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
