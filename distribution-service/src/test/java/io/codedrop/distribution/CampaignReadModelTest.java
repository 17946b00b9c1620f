package io.codedrop.distribution;

import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.common.event.CampaignStatus;
import io.codedrop.testing.CampaignFixtures;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class CampaignReadModelTest {
    @Inject
    RedisDataSource redis;

    @Test
    void publishedCampaignIsServedFromTheReadModel() {
        CampaignSnapshot campaign = CampaignFixtures.active("owner-" + UUID.randomUUID());

        CampaignFixtures.publish(campaign);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .when().get("/api/v1/distribute/" + campaign.id())
                .then().statusCode(200)
                .body("name", equalTo(campaign.name()))
                .body("app_name", equalTo("Space Game"))
                .body("status", equalTo("active"))
                .body("platforms", hasSize(0)));
    }

    @Test
    void laterSnapshotWinsAndRedeliveredOlderOneChangesNothing() {
        CampaignSnapshot campaign = CampaignFixtures.active("owner-" + UUID.randomUUID());
        CampaignSnapshot paused = CampaignFixtures.withStatus(campaign, CampaignStatus.PAUSED);

        CampaignFixtures.publish(campaign);
        CampaignFixtures.publish(paused);
        CampaignFixtures.publish(campaign);
        CampaignSnapshot marker = CampaignFixtures.active("marker");
        CampaignFixtures.publish(marker);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .get("/api/v1/distribute/" + marker.id()).then().statusCode(200));
        given().when().get("/api/v1/distribute/" + campaign.id())
                .then().statusCode(200)
                .body("status", equalTo("paused"));
    }

    @Test
    void tombstoneMakesTheCampaignUnknown() {
        CampaignSnapshot campaign = CampaignFixtures.active("owner-" + UUID.randomUUID());
        CampaignFixtures.publish(campaign);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .get("/api/v1/distribute/" + campaign.id()).then().statusCode(200));

        CampaignFixtures.publishTombstone(campaign.id());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .get("/api/v1/distribute/" + campaign.id())
                .then().statusCode(404)
                .contentType("application/problem+json"));
    }

    @Test
    void availableCountsComeFromRedis() {
        CampaignSnapshot campaign = CampaignFixtures.active("owner-" + UUID.randomUUID());
        CampaignFixtures.publish(campaign);
        redis.hash(Long.class).hset("availability:" + campaign.id(), Map.of("iOS", 12L, "Android", 3L));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .get("/api/v1/distribute/" + campaign.id())
                .then().statusCode(200)
                .body("platforms.find { it.platform == 'iOS' }.available", equalTo(12))
                .body("platforms.find { it.platform == 'Android' }.available", equalTo(3)));
    }

    @Test
    void unknownCampaignIsNotFoundProblem() {
        given().when().get("/api/v1/distribute/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
