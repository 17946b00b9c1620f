package io.codedrop.analytics;

import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.testing.CampaignFixtures;
import io.codedrop.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CampaignStatsTest {
    @Test
    void documentMatchesTheScriptedHistory() {
        String owner = "owner-" + UUID.randomUUID();
        CampaignSnapshot campaign = CampaignFixtures.active(owner);
        CampaignFixtures.publish(campaign);

        StatsEvents.publish(ScriptedHistory.of(campaign.id()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> expectHistory(stats(owner, campaign.id()))
                .body("id", equalTo(campaign.id().toString()))
                .body("name", equalTo(campaign.name()))
                .body("platform_breakdown.iOS.total", equalTo(ScriptedHistory.IOS_TOTAL))
                .body("platform_breakdown.iOS.used", equalTo(ScriptedHistory.IOS_USED))
                .body("platform_breakdown.Android.total", equalTo(ScriptedHistory.ANDROID_TOTAL))
                .body("platform_breakdown.Android.used", equalTo(ScriptedHistory.ANDROID_USED))
                .body("daily_usage.date", contains("2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04"))
                .body("daily_usage.used", contains(ScriptedHistory.DAILY_USED[0], ScriptedHistory.DAILY_USED[1],
                        ScriptedHistory.DAILY_USED[2], ScriptedHistory.DAILY_USED[3]))
                .body("requests.fulfilled", equalTo(ScriptedHistory.FULFILLED))
                .body("requests.no_codes_available", equalTo(ScriptedHistory.NO_CODES_AVAILABLE))
                .body("requests.campaign_inactive", equalTo(ScriptedHistory.CAMPAIGN_INACTIVE))
                .body("requests.rate_limited", equalTo(ScriptedHistory.RATE_LIMITED))
                .body("requests.blocked", equalTo(ScriptedHistory.BLOCKED))
                .body("last_updated", equalTo(ScriptedHistory.LAST_UPDATED)));
    }

    @Test
    void campaignWithoutEventsHasZerosAndEmptyUsage() {
        String owner = "owner-" + UUID.randomUUID();
        CampaignSnapshot campaign = CampaignFixtures.active(owner);
        CampaignFixtures.publish(campaign);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> stats(owner, campaign.id())
                .body("total_codes", equalTo(0))
                .body("usage_rate", equalTo(0.0f))
                .body("daily_usage.size()", equalTo(0))
                .body("requests.fulfilled", equalTo(0)));
    }

    @Test
    void teamReaderSeesTheCampaign() {
        String owner = "owner-" + UUID.randomUUID();
        String teammate = "viewer-" + UUID.randomUUID();
        CampaignSnapshot campaign = StatsEvents.campaign(owner, Set.of(teammate));
        CampaignFixtures.publish(campaign);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> stats(teammate, campaign.id())
                .body("id", equalTo(campaign.id().toString())));
    }

    @Test
    void adminSeesAnyCampaign() {
        CampaignSnapshot campaign = CampaignFixtures.active("owner-" + UUID.randomUUID());
        CampaignFixtures.publish(campaign);
        String admin = Tokens.forDeveloper("ops", "ops@example.com", Set.of("admin"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(admin)
                .get("/api/v1/analytics/campaigns/" + campaign.id())
                .then().statusCode(200)
                .body("id", equalTo(campaign.id().toString())));
    }

    @Test
    void anotherDevelopersCampaignAnswersNotFound() {
        String owner = "owner-" + UUID.randomUUID();
        CampaignSnapshot campaign = CampaignFixtures.active(owner);
        CampaignFixtures.publish(campaign);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> stats(owner, campaign.id()));

        given().auth().oauth2(Tokens.forDeveloper("stranger", "stranger@example.com"))
                .when().get("/api/v1/analytics/campaigns/" + campaign.id())
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void withoutTokenAnswersUnauthorized() {
        given().when().get("/api/v1/analytics/campaigns/" + UUID.randomUUID())
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    static ValidatableResponse stats(String subject, UUID campaignId) {
        return given().auth().oauth2(Tokens.forDeveloper(subject, subject + "@example.com"))
                .when().get("/api/v1/analytics/campaigns/" + campaignId)
                .then().statusCode(200);
    }

    static ValidatableResponse expectHistory(ValidatableResponse response) {
        return response
                .body("total_codes", equalTo(ScriptedHistory.TOTAL))
                .body("used_codes", equalTo(ScriptedHistory.USED))
                .body("expired_codes", equalTo(ScriptedHistory.EXPIRED))
                .body("remaining_codes", equalTo(ScriptedHistory.REMAINING))
                .body("usage_rate", equalTo(ScriptedHistory.USAGE_RATE));
    }
}
