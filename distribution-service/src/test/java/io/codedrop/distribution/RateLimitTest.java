package io.codedrop.distribution;

import io.codedrop.common.Platform;
import io.codedrop.common.Topics;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.common.event.CodeRequestEvent;
import io.codedrop.common.event.RequestStatus;
import io.codedrop.testing.CampaignFixtures;
import io.codedrop.testing.EventSerdes;
import io.codedrop.testing.KafkaResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(LimitsProfile.class)
class RateLimitTest {
    @Inject
    Pool database;

    @Test
    void theSixthClaimFromOneIpInAnHourIs429WithRetryAfterAndIsRecorded() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        Stocking.stock(campaign.id(), Platform.ANDROID, Stocking.codes("HOURLY", 10));
        Client client = Client.fresh();
        ConsumerTask<String, CodeRequestEvent> events = KafkaResource.companion()
                .consume(Serdes.String(), EventSerdes.of(CodeRequestEvent.class))
                .fromTopics(Topics.CODE_REQUESTS);

        for (int i = 0; i < 5; i++) {
            client.claim(campaign.id(), "hourly-" + i).statusCode(200);
        }
        ExtractableResponse<Response> refused = client.claim(campaign.id(), "hourly-5")
                .statusCode(429)
                .contentType("application/problem+json")
                .body("success", equalTo(false))
                .body("reason", equalTo("rate_limited"))
                .extract();

        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 3500 && retryAfter <= 3600, "Retry-After is the rest of the hour: " + retryAfter);
        assertEquals(1L, scalar("""
                SELECT count(*) FROM code_requests r JOIN end_users u ON u.id = r.user_id
                WHERE r.campaign_id = $1 AND r.status = 'rate_limited' AND r.code_id IS NULL
                  AND u.device_key = 'device:hourly-5'""", campaign.id()));
        await().atMost(Duration.ofSeconds(20)).until(() -> events.getRecords().stream()
                .map(record -> record.value())
                .anyMatch(event -> campaign.id().equals(event.campaignId())
                        && event.status() == RequestStatus.RATE_LIMITED && !event.newClaim()));
        events.close();
    }

    @Test
    void anotherIpStillClaimsWhileOneIsLimited() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        Stocking.stock(campaign.id(), Platform.ANDROID, Stocking.codes("OTHER", 10));
        Client limited = Client.fresh();
        for (int i = 0; i < 5; i++) {
            limited.claim(campaign.id(), "limited-" + i).statusCode(200);
        }
        limited.claim(campaign.id(), "limited-5").statusCode(429);

        Client.fresh().claim(campaign.id(), "elsewhere").statusCode(200);
    }

    /** Claims that arrive together share one script call; each is still counted after the one before it. */
    @Test
    void twentyClaimsRacingFromOneIpGetExactlyFiveCodes() throws Exception {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        Stocking.stock(campaign.id(), Platform.ANDROID, Stocking.codes("RACE", 30));
        Client client = Client.fresh();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        ExecutorService claimants = Executors.newFixedThreadPool(20);
        try {
            for (int i = 0; i < 20; i++) {
                String device = "race-" + i;
                answers.add(claimants.submit(() -> {
                    start.await();
                    return client.claim(campaign.id(), device).extract().statusCode();
                }));
            }
            start.countDown();
            Map<Integer, Long> statuses = new TreeMap<>();
            for (Future<Integer> answer : answers) {
                statuses.merge(answer.get(30, TimeUnit.SECONDS), 1L, Long::sum);
            }
            assertEquals(Map.of(200, 5L, 429, 15L), statuses);
        } finally {
            claimants.shutdownNow();
        }
    }

    @Test
    void the101stRequestToTheDistributionEndpointsInAMinuteIs429WithRetryAfter() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        Client client = Client.fresh();
        for (int i = 0; i < 100; i++) {
            client.describe(campaign.id()).statusCode(200);
        }

        ExtractableResponse<Response> refused = client.describe(campaign.id())
                .statusCode(429)
                .contentType("application/problem+json")
                .body("reason", equalTo("rate_limited"))
                .extract();
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After is the rest of the minute: " + retryAfter);

        // claims count against the same budget, and are recorded as rate limited
        client.claim(campaign.id(), "after-the-reads").statusCode(429).body("reason", equalTo("rate_limited"));
        assertEquals(1L, scalar("SELECT count(*) FROM code_requests WHERE campaign_id = $1 AND status = 'rate_limited'",
                campaign.id()));
    }

    private long scalar(String sql, UUID campaignId) {
        return database.preparedQuery(sql).execute(Tuple.of(campaignId))
                .await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}
