package io.codedrop.analytics;

import io.codedrop.common.Platform;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.common.event.CampaignStatus;
import io.codedrop.testing.CampaignFixtures;
import io.codedrop.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class StatsStreamTest {
    @TestHTTPResource("/api/v1/analytics/campaigns/")
    URI campaigns;
    @Inject
    MeterRegistry registry;

    @Test
    void streamSendsTheDocumentAtOnceAndAgainAfterAClaim() {
        String owner = "owner-" + UUID.randomUUID();
        CampaignSnapshot campaign = stockedCampaign(owner);

        try (SseClient stream = SseClient.open(streamOf(campaign.id()), token(owner))) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(stream.last(), notNullValue());
                assertThat(stream.last().get("used_codes").asInt(), equalTo(0));
            });

            StatsEvents.publish(StatsEvents.claim(campaign.id(), Platform.IOS, Instant.now()));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(stream.last().get("used_codes").asInt(), equalTo(1));
                assertThat(stream.last().get("platform_breakdown").get("iOS").get("used").asInt(), equalTo(1));
            });
        }
    }

    @Test
    void streamSendsKeepAlivesWhileNothingChanges() {
        String owner = "owner-" + UUID.randomUUID();
        CampaignSnapshot campaign = stockedCampaign(owner);

        try (SseClient stream = SseClient.open(streamOf(campaign.id()), token(owner))) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(stream.lines(), hasItem(":keep-alive")));
        }
    }

    @Test
    void streamFollowsACampaignChangeThatSentNoSignal() {
        String owner = "owner-" + UUID.randomUUID();
        CampaignSnapshot campaign = stockedCampaign(owner);

        try (SseClient stream = SseClient.open(streamOf(campaign.id()), token(owner))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> stream.last() != null);

            CampaignSnapshot paused = CampaignFixtures.withStatus(campaign, CampaignStatus.PAUSED);
            CampaignSnapshot renamed = new CampaignSnapshot(paused.id(), "Renamed", paused.description(),
                    paused.appName(), paused.status(), paused.startsAt(), paused.expiresAt(), paused.maxClaimsPerUser(),
                    paused.maxTotalClaims(), paused.metadata(), paused.ownerSubject(), paused.teamId(),
                    paused.managers(), paused.readers(), paused.createdAt(), paused.updatedAt());
            CampaignFixtures.publish(renamed);

            // campaign snapshots raise no change signal: the safety poll of versions has to find this one
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(stream.last().get("name").asText(), equalTo("Renamed")));
        }
    }

    @Test
    void aClosedStreamIsReleased() {
        String owner = "owner-" + UUID.randomUUID();
        CampaignSnapshot campaign = stockedCampaign(owner);
        double before = openStreams();

        try (SseClient stream = SseClient.open(streamOf(campaign.id()), token(owner))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> stream.last() != null);
            assertThat(openStreams(), equalTo(before + 1));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> openStreams() == before);
    }

    @Test
    void streamOfAnotherDevelopersCampaignAnswersNotFound() {
        String owner = "owner-" + UUID.randomUUID();
        CampaignSnapshot campaign = stockedCampaign(owner);

        given().auth().oauth2(token("stranger-" + UUID.randomUUID()))
                .accept("text/event-stream")
                .when().get(streamOf(campaign.id()))
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    private double openStreams() {
        return registry.get("codedrop.analytics.streams").gauge().value();
    }

    private URI streamOf(UUID campaignId) {
        return campaigns.resolve(campaignId + "/stream");
    }

    private static CampaignSnapshot stockedCampaign(String owner) {
        CampaignSnapshot campaign = CampaignFixtures.active(owner);
        CampaignFixtures.publish(campaign);
        StatsEvents.publish(StatsEvents.stock(campaign.id(), Instant.now(), Map.of(Platform.IOS, 10)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> CampaignStatsTest.stats(owner, campaign.id())
                .body("total_codes", equalTo(10)));
        return campaign;
    }

    private static String token(String subject) {
        return Tokens.forDeveloper(subject, subject + "@example.com");
    }
}
