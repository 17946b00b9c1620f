package io.codedrop.analytics;

import io.codedrop.common.Platform;
import io.codedrop.common.Topics;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.common.event.StockCount;
import io.codedrop.common.event.StockEvent;
import io.codedrop.testing.CampaignFixtures;
import io.codedrop.testing.EventSerdes;
import io.codedrop.testing.KafkaResource;
import io.codedrop.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CampaignStatsTest {
    @Test
    void stockEventsAddUpPerPlatformAndRedeliveryChangesNothing() {
        String owner = "owner-" + UUID.randomUUID();
        CampaignSnapshot campaign = CampaignFixtures.active(owner);
        CampaignFixtures.publish(campaign);
        UUID upload = UUID.randomUUID();
        StockEvent first = StockEvent.stocked(campaign.id(), upload, 0,
                Map.of(Platform.IOS, new StockCount(600, 10), Platform.ANDROID, new StockCount(400, 0)));
        StockEvent second = StockEvent.stocked(campaign.id(), upload, 1, Map.of(Platform.IOS, new StockCount(50, 0)));

        publish(first);
        publish(second);
        publish(first);

        String token = Tokens.forDeveloper(owner, owner + "@example.com");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(token)
                .when().get("/api/v1/analytics/campaigns/" + campaign.id())
                .then().statusCode(200)
                .body("id", equalTo(campaign.id().toString()))
                .body("name", equalTo(campaign.name()))
                .body("total_codes", equalTo(1050))
                .body("used_codes", equalTo(0))
                .body("remaining_codes", equalTo(1050))
                .body("usage_rate", equalTo(0.0f))
                .body("platform_breakdown.iOS.total", equalTo(650))
                .body("platform_breakdown.Android.total", equalTo(400)));
    }

    @Test
    void anotherDevelopersCampaignAnswersNotFoundButAnAdminSeesIt() {
        CampaignSnapshot campaign = CampaignFixtures.active("owner-" + UUID.randomUUID());
        CampaignFixtures.publish(campaign);
        String admin = Tokens.forDeveloper("ops", "ops@example.com", Set.of("admin"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/api/v1/analytics/campaigns/" + campaign.id()).then().statusCode(200));

        given().auth().oauth2(Tokens.forDeveloper("stranger", "stranger@example.com"))
                .when().get("/api/v1/analytics/campaigns/" + campaign.id())
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static void publish(StockEvent event) {
        KafkaResource.companion()
                .produce(Serdes.String(), EventSerdes.of(StockEvent.class))
                .fromRecords(new ProducerRecord<>(Topics.STOCK, event.campaignId().toString(), event))
                .awaitCompletion(Duration.ofSeconds(10));
    }
}
