package io.codedrop.distribution;

import io.codedrop.common.Platform;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.common.event.CampaignStatus;
import io.codedrop.common.event.CodeStatusChange;
import io.codedrop.common.event.CodeStatusEvent;
import io.codedrop.testing.CampaignFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class RedemptionTest {
    @Inject
    Pool pool;
    TestDatabase database;

    @BeforeEach
    void connect() {
        database = new TestDatabase(pool);
    }

    @Test
    void aClaimedCodeIsRedeemedAuditedAndPublished() {
        TestDeveloper developer = TestDeveloper.signIn();
        CampaignSnapshot campaign = developer.campaign();
        Stocking.stock(campaign.id(), Platform.IOS, List.of("REDEEM-OK-1"));
        EndUser.claim(campaign.id(), "phone-ok");

        redeem(developer, "{\"code\":\"REDEEM-OK-1\",\"device_id\":\"phone-ok\"}")
                .statusCode(200)
                .body("success", equalTo(true))
                .body("code", equalTo("REDEEM-OK-1"))
                .body("campaign_id", equalTo(campaign.id().toString()))
                .body("platform", equalTo("iOS"))
                .body("claimed_at", notNullValue())
                .body("redeemed_at", notNullValue());

        Row code = database.row("SELECT status, redeemed_at FROM code_states WHERE campaign_id = $1", campaign.id());
        assertEquals("used", code.getString("status"));
        assertNotNull(code.getOffsetDateTime("redeemed_at"));
        Row attempt = database.row("SELECT * FROM redemption_attempts WHERE campaign_id = $1", campaign.id());
        assertEquals(true, attempt.getBoolean("success"));
        assertNull(attempt.getString("failure_reason"));
        assertEquals(developer.subject(), attempt.getString("developer"));
        assertEquals("phone-ok", attempt.getString("device_id"));
        assertEquals("127.0.0.1", attempt.getString("ip_address"));
        assertEquals("StudioServer on Linux", attempt.getString("user_agent"));
        assertNotNull(attempt.getOffsetDateTime("attempted_at"));
        Row audit = database.row("SELECT * FROM code_audit WHERE campaign_id = $1", campaign.id());
        assertEquals("redeemed", audit.getString("action"));
        assertEquals(developer.subject(), audit.getString("actor"));
        assertEquals("127.0.0.1", audit.getString("ip_address"));
        try (CodeStatusTopic topic = new CodeStatusTopic()) {
            CodeStatusEvent event = topic.awaitEvents(campaign.id()).get(0);
            assertEquals(CodeStatusChange.REDEEMED, event.change());
            assertEquals(Map.of(Platform.IOS, 1), event.counts());
        }
    }

    @Test
    void unknownAndForeignCodesAnswerAlike() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper stranger = TestDeveloper.signIn();
        CampaignSnapshot campaign = owner.campaign();
        String foreign = "FOREIGN-" + campaign.id().toString().substring(0, 8);
        String unknown = "UNKNOWN-" + campaign.id().toString().substring(0, 8);
        Stocking.stock(campaign.id(), Platform.IOS, List.of(foreign));
        EndUser.claim(campaign.id(), "phone-foreign");

        Map<String, Object> foreignAnswer = redeem(stranger, "{\"code\":\"" + foreign + "\"}")
                .statusCode(404).contentType("application/problem+json").extract().as(Map.class);
        Map<String, Object> unknownAnswer = redeem(stranger, "{\"code\":\"" + unknown + "\"}")
                .statusCode(404).extract().as(Map.class);

        assertEquals(unknownAnswer, foreignAnswer);
        assertEquals(false, foreignAnswer.get("success"));
        assertEquals("code_not_found", foreignAnswer.get("reason"));
        assertNull(database.row("SELECT redeemed_at FROM promo_codes WHERE code = $1", foreign).getValue("redeemed_at"));
        Row attempt = database.row("SELECT * FROM redemption_attempts WHERE code = $1", foreign);
        assertEquals("code_not_found", attempt.getString("failure_reason"));
        assertNull(attempt.getUUID("campaign_id"));
        assertEquals(stranger.subject(), attempt.getString("developer"));
    }

    @Test
    void aPausedCampaignIsCheckedBeforeTheCodeItself() {
        TestDeveloper developer = TestDeveloper.signIn();
        CampaignSnapshot campaign = developer.campaign();
        Stocking.stock(campaign.id(), Platform.IOS, List.of("PAUSED-UNCLAIMED"));
        Stocking.campaign(CampaignFixtures.withStatus(campaign, CampaignStatus.PAUSED));

        redeem(developer, "{\"code\":\"PAUSED-UNCLAIMED\"}")
                .statusCode(409)
                .body("success", equalTo(false))
                .body("reason", equalTo("campaign_inactive"));
    }

    @Test
    void anExpiredCodeIsCheckedBeforeWhetherItWasClaimed() {
        TestDeveloper developer = TestDeveloper.signIn();
        CampaignSnapshot campaign = developer.campaign();
        Stocking.send(Stocking.batch(campaign.id(), UUID.randomUUID(), 0, Platform.IOS, List.of("EXPIRED-UNCLAIMED"),
                Instant.now().minus(1, ChronoUnit.HOURS)));
        Stocking.awaitAvailable(campaign.id(), Platform.IOS, 1);

        redeem(developer, "{\"code\":\"EXPIRED-UNCLAIMED\"}").statusCode(409).body("reason", equalTo("code_expired"));
    }

    @Test
    void aClaimedCodePastItsExpiryIsExpired() {
        TestDeveloper developer = TestDeveloper.signIn();
        CampaignSnapshot campaign = developer.campaign();
        Stocking.stock(campaign.id(), Platform.IOS, List.of("EXPIRED-CLAIMED"));
        EndUser.claim(campaign.id(), "phone-late");
        database.query("UPDATE promo_codes SET expires_at = now() - interval '1 minute' WHERE campaign_id = $1",
                campaign.id());

        redeem(developer, "{\"code\":\"EXPIRED-CLAIMED\",\"device_id\":\"someone-else\"}")
                .statusCode(409).body("reason", equalTo("code_expired"));
    }

    @Test
    void anUnclaimedCodeCannotBeRedeemed() {
        TestDeveloper developer = TestDeveloper.signIn();
        CampaignSnapshot campaign = developer.campaign();
        Stocking.stock(campaign.id(), Platform.IOS, List.of("NEVER-CLAIMED"));

        redeem(developer, "{\"code\":\"NEVER-CLAIMED\",\"device_id\":\"any\"}")
                .statusCode(409).body("reason", equalTo("code_not_claimed"));
    }

    @Test
    void theDeviceIsCheckedBeforeAnEarlierRedemptionAndEveryAttemptIsRecorded() {
        TestDeveloper developer = TestDeveloper.signIn();
        CampaignSnapshot campaign = developer.campaign();
        Stocking.stock(campaign.id(), Platform.IOS, List.of("DEVICE-CHECK"));
        EndUser.claim(campaign.id(), "phone-a");

        redeem(developer, "{\"code\":\"DEVICE-CHECK\",\"device_id\":\"phone-b\"}")
                .statusCode(409).body("reason", equalTo("device_mismatch"));
        redeem(developer, "{\"code\":\"DEVICE-CHECK\",\"device_id\":\"phone-a\"}").statusCode(200);
        redeem(developer, "{\"code\":\"DEVICE-CHECK\",\"device_id\":\"phone-b\"}")
                .statusCode(409).body("reason", equalTo("device_mismatch"));
        redeem(developer, "{\"code\":\"DEVICE-CHECK\",\"device_id\":\"phone-a\"}")
                .statusCode(409).body("reason", equalTo("already_redeemed"));
        redeem(developer, "{\"code\":\"DEVICE-CHECK\"}")
                .statusCode(409).body("reason", equalTo("already_redeemed"));

        List<String> reasons = new ArrayList<>();
        List<Boolean> successes = new ArrayList<>();
        database.query("SELECT success, failure_reason FROM redemption_attempts WHERE campaign_id = $1 ORDER BY id",
                campaign.id()).forEach(row -> {
            successes.add(row.getBoolean("success"));
            reasons.add(row.getString("failure_reason"));
        });
        assertEquals(List.of(false, true, false, false, false), successes);
        assertEquals(java.util.Arrays.asList("device_mismatch", null, "device_mismatch", "already_redeemed",
                "already_redeemed"), reasons);
    }

    @Test
    void concurrentRedemptionsOfOneCodeSucceedExactlyOnce() throws Exception {
        TestDeveloper developer = TestDeveloper.signIn();
        CampaignSnapshot campaign = developer.campaign();
        Stocking.stock(campaign.id(), Platform.IOS, List.of("RACE-1"));
        EndUser.claim(campaign.id(), "phone-race");
        int racers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(start);
                return redeem(developer, "{\"code\":\"RACE-1\"}").extract().statusCode();
            }, pool));
        }
        start.countDown();
        List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);

        assertEquals(1, statuses.stream().filter(status -> status == 200).count());
        assertEquals(racers - 1, statuses.stream().filter(status -> status == 409).count());
        assertEquals(1L, database.count("SELECT count(*) FROM redemption_attempts WHERE campaign_id = $1 AND success",
                campaign.id()));
        assertEquals((long) racers - 1, database.count("SELECT count(*) FROM redemption_attempts WHERE campaign_id = $1 "
                + "AND failure_reason = 'already_redeemed'", campaign.id()));
        assertEquals(1L, database.count("SELECT count(*) FROM code_audit WHERE campaign_id = $1 AND action = 'redeemed'",
                campaign.id()));
    }

    @Test
    void aViewerCannotRedeemTheTeamsCodes() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper viewer = TestDeveloper.signIn();
        CampaignSnapshot campaign = owner.campaignWithViewer(viewer);
        Stocking.stock(campaign.id(), Platform.IOS, List.of("VIEWER-REDEEM"));
        EndUser.claim(campaign.id(), "phone-viewer");

        redeem(viewer, "{\"code\":\"VIEWER-REDEEM\"}").statusCode(404).body("reason", equalTo("code_not_found"));
    }

    @Test
    void theSameCodeInTwoCampaignsNeedsTheCampaignNamed() {
        TestDeveloper developer = TestDeveloper.signIn();
        CampaignSnapshot first = developer.campaign();
        CampaignSnapshot second = developer.campaign();
        String code = "TWICE-" + first.id().toString().substring(0, 8);
        Stocking.stock(first.id(), Platform.IOS, List.of(code));
        Stocking.stock(second.id(), Platform.IOS, List.of(code));
        EndUser.claim(second.id(), "phone-twice");

        redeem(developer, "{\"code\":\"" + code + "\"}").statusCode(409).body("reason", equalTo("code_ambiguous"));
        redeem(developer, "{\"code\":\"" + code + "\",\"campaign_id\":\"" + second.id() + "\"}")
                .statusCode(200).body("campaign_id", equalTo(second.id().toString()));
    }

    @Test
    void aRequestWithoutCodeIsAValidationProblem() {
        redeem(TestDeveloper.signIn(), "{\"device_id\":\"x\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("code"));
    }

    @Test
    void redemptionNeedsABearerToken() {
        given().contentType("application/json").body("{\"code\":\"ANY\"}")
                .when().post("/api/v1/codes/redeem")
                .then().statusCode(401).contentType("application/problem+json");
    }

    private static ValidatableResponse redeem(TestDeveloper developer, String body) {
        return developer.api().body(body).when().post("/api/v1/codes/redeem").then();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
