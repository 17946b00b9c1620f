package io.codedrop.distribution;

import io.codedrop.common.Platform;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.common.event.CodeStatusChange;
import io.codedrop.common.event.CodeStatusEvent;
import io.codedrop.distribution.expiry.ExpiryService;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The expiry job, run with a clock the test sets: codes due at that time, not at the wall clock's. */
@QuarkusTest
class ExpiryTest {
    @Inject
    ExpiryService expiry;
    @Inject
    Pool pool;
    TestDatabase database;

    @BeforeEach
    void connect() {
        database = new TestDatabase(pool);
    }

    @Test
    void unusedCodesPastTheirExpiryAreExpiredAuditedAndPublished() {
        TestDeveloper developer = TestDeveloper.signIn();
        CampaignSnapshot campaign = developer.campaign();
        Instant soon = Instant.now().plus(1, ChronoUnit.HOURS);
        Instant later = Instant.now().plus(3, ChronoUnit.HOURS);
        Stocking.send(Stocking.batch(campaign.id(), UUID.randomUUID(), 0, Platform.IOS,
                Stocking.codes("SOON", 5), soon));
        Stocking.send(Stocking.batch(campaign.id(), UUID.randomUUID(), 0, Platform.IOS,
                Stocking.codes("LATER", 1), later));
        Stocking.send(Stocking.batch(campaign.id(), UUID.randomUUID(), 0, Platform.IOS,
                Stocking.codes("NEVER", 2), null));
        Stocking.awaitAvailable(campaign.id(), Platform.IOS, 8);
        String claimed = EndUser.claim(campaign.id(), "phone-expiry");

        expiry.expireDue(soon.plus(1, ChronoUnit.MINUTES)).await().atMost(Duration.ofSeconds(30));

        assertEquals("SOON-00000", claimed);
        assertEquals(Map.of("used", 1L, "expired", 4L, "unused", 3L), statuses(campaign.id()));
        assertEquals(4L, database.count("SELECT count(*) FROM code_audit WHERE campaign_id = $1 AND action = 'expired' "
                + "AND actor = 'system'", campaign.id()));
        assertEquals(3L, database.count("SELECT available FROM code_pools WHERE campaign_id = $1", campaign.id()));
        Stocking.awaitAvailable(campaign.id(), Platform.IOS, 3);
        try (CodeStatusTopic topic = new CodeStatusTopic()) {
            List<CodeStatusEvent> events = topic.awaitEvents(campaign.id());
            assertEquals(1, events.size());
            assertEquals(CodeStatusChange.EXPIRED, events.get(0).change());
            assertEquals(Map.of(Platform.IOS, 4), events.get(0).counts());
        }
    }

    @Test
    void runningAgainExpiresNothingTwice() {
        Instant soon = Instant.now().plus(1, ChronoUnit.HOURS);
        CampaignSnapshot campaign = campaignWithCodesDue(Platform.ANDROID, "TWICE", 3, soon);

        expiry.expireDue(soon).await().atMost(Duration.ofSeconds(30));
        expiry.expireDue(soon.plusSeconds(60)).await().atMost(Duration.ofSeconds(30));

        assertEquals(Map.of("expired", 3L), statuses(campaign.id()));
        assertEquals(3L, database.count("SELECT count(*) FROM code_audit WHERE campaign_id = $1", campaign.id()));
        assertEquals(0L, database.count("SELECT available FROM code_pools WHERE campaign_id = $1", campaign.id()));
    }

    @Test
    void thousandsOfCodesExpireInSeveralBatchesAndTheRestStillGoOut() {
        TestDeveloper developer = TestDeveloper.signIn();
        CampaignSnapshot campaign = developer.campaign();
        Instant soon = Instant.now().plus(1, ChronoUnit.HOURS);
        UUID upload = UUID.randomUUID();
        for (int batch = 0; batch < 6; batch++) {
            Stocking.send(Stocking.batch(campaign.id(), upload, batch, Platform.WEB,
                    Stocking.codes("BULK" + batch, 1000), soon));
        }
        Stocking.send(Stocking.batch(campaign.id(), upload, 6, Platform.WEB, List.of("BULK-KEEP"), null));
        Stocking.awaitAvailable(campaign.id(), Platform.WEB, 6001);

        expiry.expireDue(soon).await().atMost(Duration.ofSeconds(60));

        assertEquals(Map.of("expired", 6000L, "unused", 1L), statuses(campaign.id()));
        Stocking.awaitAvailable(campaign.id(), Platform.WEB, 1);
        given().contentType("application/json").header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64)")
                .body("{\"platform\":\"Web\",\"device_id\":\"web-bulk\"}")
                .when().post("/api/v1/distribute/" + campaign.id())
                .then().statusCode(200).body("code", equalTo("BULK-KEEP"));
    }

    @Test
    void claimedCodesPastTheirExpiryStayUsedAndArePassedOnce() {
        Instant soon = Instant.now().plus(1, ChronoUnit.HOURS);
        CampaignSnapshot campaign = campaignWithCodesDue(Platform.IOS, "HELD", 3, soon);
        EndUser.claim(campaign.id(), "phone-held-1");
        EndUser.claim(campaign.id(), "phone-held-2");
        assertEquals(Map.of("unused", 3L), stored(campaign.id()));

        expiry.expireDue(soon).await().atMost(Duration.ofSeconds(30));

        assertEquals(Map.of("used", 2L, "expired", 1L), statuses(campaign.id()));
        assertEquals(Map.of("used", 2L, "expired", 1L), stored(campaign.id()));
        assertEquals(1L, database.count("SELECT count(*) FROM code_audit WHERE campaign_id = $1", campaign.id()));
        assertEquals(0L, database.count("SELECT available FROM code_pools WHERE campaign_id = $1", campaign.id()));
    }

    /** A new campaign of its own developer, stocked with {@code count} codes on one platform, all due at {@code due}. */
    private static CampaignSnapshot campaignWithCodesDue(Platform platform, String prefix, int count, Instant due) {
        CampaignSnapshot campaign = TestDeveloper.signIn().campaign();
        Stocking.send(Stocking.batch(campaign.id(), UUID.randomUUID(), 0, platform, Stocking.codes(prefix, count), due));
        Stocking.awaitAvailable(campaign.id(), platform, count);
        return campaign;
    }

    /** Status as shown: a claimed code is used. */
    private Map<String, Long> statuses(UUID campaignId) {
        return statusCounts("code_states", campaignId);
    }

    /** Status as stored in the code's own row, which a claim does not write. */
    private Map<String, Long> stored(UUID campaignId) {
        return statusCounts("promo_codes", campaignId);
    }

    private Map<String, Long> statusCounts(String table, UUID campaignId) {
        Map<String, Long> statuses = new TreeMap<>();
        database.query("SELECT status, count(*) AS n FROM " + table + " WHERE campaign_id = $1 GROUP BY status",
                        campaignId)
                .forEach(row -> statuses.put(row.getString("status"), row.getLong("n")));
        return statuses;
    }
}
