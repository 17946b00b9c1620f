package io.codedrop.analytics;

import io.codedrop.common.Platform;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.testing.CampaignFixtures;
import io.codedrop.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.codedrop.analytics.ScriptedHistory.at;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

@QuarkusTest
class RebuildTest {
    private static final String REBUILDS = "/api/v1/analytics/rebuilds";
    private static final String ADMIN = Tokens.forDeveloper("ops", "ops@example.com", Set.of("admin"));

    @Test
    void rebuildGivesTheSameNumbersAsIncrementalConsumption() {
        String owner = "owner-" + UUID.randomUUID();
        CampaignSnapshot campaign = CampaignFixtures.active(owner);
        CampaignFixtures.publish(campaign);
        StatsEvents.publish(ScriptedHistory.of(campaign.id()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                CampaignStatsTest.expectHistory(CampaignStatsTest.stats(owner, campaign.id())));
        Map<String, Object> incremental = document(owner, campaign.id());

        String rebuild = startRebuild();

        awaitCompleted(rebuild);
        assertThat(document(owner, campaign.id()), equalTo(incremental));
    }

    @Test
    void eventsArrivingDuringARebuildAreCountedOnce() {
        String owner = "owner-" + UUID.randomUUID();
        CampaignSnapshot campaign = CampaignFixtures.active(owner);
        CampaignFixtures.publish(campaign);
        StatsEvents.publish(ScriptedHistory.of(campaign.id()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                CampaignStatsTest.expectHistory(CampaignStatsTest.stats(owner, campaign.id())));

        String rebuild = startRebuild();
        StatsEvents.publish(StatsEvents.claim(campaign.id(), Platform.IOS, at(4, 22)));
        StatsEvents.publish(StatsEvents.claim(campaign.id(), Platform.ANDROID, at(4, 22)));

        awaitCompleted(rebuild);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> CampaignStatsTest.stats(owner, campaign.id())
                .body("used_codes", equalTo(ScriptedHistory.USED + 2))
                .body("requests.fulfilled", equalTo(ScriptedHistory.FULFILLED + 2))
                .body("platform_breakdown.iOS.used", equalTo(ScriptedHistory.IOS_USED + 1)));
    }

    @Test
    void rebuildNeedsTheAdminRole() {
        given().auth().oauth2(Tokens.forDeveloper("dev-" + UUID.randomUUID(), "dev@example.com"))
                .when().post(REBUILDS)
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void anUnknownRebuildAnswersNotFound() {
        given().auth().oauth2(ADMIN)
                .when().get(REBUILDS + "/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static String startRebuild() {
        return given().auth().oauth2(ADMIN)
                .when().post(REBUILDS)
                .then().statusCode(202)
                .body("status", equalTo("running"))
                .extract().header("Location");
    }

    private static void awaitCompleted(String rebuild) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(ADMIN)
                .when().get(rebuild)
                .then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("events_read", greaterThanOrEqualTo(ScriptedHistory.of(UUID.randomUUID()).size())));
    }

    private static Map<String, Object> document(String owner, UUID campaignId) {
        return CampaignStatsTest.stats(owner, campaignId).extract().jsonPath().getMap("");
    }
}
