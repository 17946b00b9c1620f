package io.codedrop.campaign;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** The outbox's lag as service-support's relay exports it, seen through a broker outage. */
@QuarkusTest
@TestProfile(BrokerOutageProfile.class)
class OutboxMetricsTest {
    @Inject
    MeterRegistry registry;

    @Test
    void backlogGrowsAndAgesWhileKafkaIsDownAndIsRelayedOnceItIsBack() {
        TestDeveloper owner = TestDeveloper.signIn();
        await().atMost(Duration.ofSeconds(20)).until(() -> pending() == 0);
        double relayed = relayed("campaigns");
        RestartableKafkaResource.stopBroker();
        try {
            Campaigns.create(owner);
            // sampled every second in tests: the row shows up, then grows older than the sampling interval
            await().atMost(Duration.ofSeconds(15)).until(() -> pending() >= 1 && oldestAge() >= 2);
            given().when().get("/q/metrics").then().statusCode(200)
                    .body(containsString("codedrop_outbox_pending "))
                    .body(containsString("codedrop_outbox_oldest_age_seconds "));
        } finally {
            RestartableKafkaResource.startBroker();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0 && oldestAge() == 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> relayed("campaigns") >= relayed + 1);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("codedrop_outbox_relayed_total{topic=\"campaigns\"}"));
    }

    private double pending() {
        return registry.get("codedrop.outbox.pending").gauge().value();
    }

    private double oldestAge() {
        return registry.get("codedrop.outbox.oldest.age").gauge().value();
    }

    private double relayed(String topic) {
        Counter counter = registry.find("codedrop.outbox.relayed").tag("topic", topic).counter();
        return counter == null ? 0 : counter.count();
    }
}
