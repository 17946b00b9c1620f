package io.codedrop.campaign;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class CampaignStatusTest {
    @ParameterizedTest(name = "{0} → {1} is allowed")
    @CsvSource({"active, paused", "paused, active", "active, completed", "paused, completed", "active, active"})
    void allowedTransitionChangesTheStatus(String from, String to) {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = campaignIn(owner, from);

        owner.api().body(Map.of("status", to))
                .when().patch("/api/v1/campaigns/" + id)
                .then().statusCode(200)
                .body("status", equalTo(to));
    }

    @ParameterizedTest(name = "{0} → {1} is refused")
    @CsvSource({"completed, active", "completed, paused", "active, expired", "paused, expired",
            "completed, expired"})
    void illegalTransitionIsAConflictAndChangesNothing(String from, String to) {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = campaignIn(owner, from);

        owner.api().body(Map.of("status", to, "name", "Should not stick"))
                .when().patch("/api/v1/campaigns/" + id)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("type", equalTo("https://codedrop.io/problems/illegal-status-transition"));

        owner.api().when().get("/api/v1/campaigns/" + id)
                .then().statusCode(200)
                .body("status", equalTo(from))
                .body("name", not(equalTo("Should not stick")));
    }

    @Test
    void expiredCampaignAcceptsNoStatusChange() {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = Campaigns.create(owner, Campaigns.body("expires_at", Instant.now().plusSeconds(2).toString()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> owner.api().get("/api/v1/campaigns/" + id)
                .then().body("status", equalTo("expired")));

        for (String target : List.of("active", "paused", "completed")) {
            owner.api().body(Map.of("status", target))
                    .when().patch("/api/v1/campaigns/" + id)
                    .then().statusCode(409)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void statusIsCaseInsensitive() {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = Campaigns.create(owner);

        owner.api().body(Map.of("status", "Paused"))
                .when().patch("/api/v1/campaigns/" + id)
                .then().statusCode(200)
                .body("status", equalTo("paused"));
    }

    private static String campaignIn(TestDeveloper owner, String status) {
        String id = Campaigns.create(owner);
        switch (status) {
            case "paused" -> Campaigns.changeStatus(owner, id, "paused");
            case "completed" -> Campaigns.changeStatus(owner, id, "completed");
            default -> {
            }
        }
        return id;
    }
}
