package io.codedrop.distribution;

import io.codedrop.common.Platform;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.distribution.privacy.IpHasher;
import io.codedrop.distribution.privacy.PrivacyConfig;
import io.codedrop.distribution.privacy.PrivacyService;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The privacy rules (SPEC §4.8) with a clock the test controls: each run gets its {@code now}, and the
 * rows it should or should not touch are dated just before and just after the retention boundary.
 */
@QuarkusTest
class PrivacyTest {
    @Inject
    PrivacyService privacy;
    @Inject
    IpHasher hasher;
    @Inject
    PrivacyConfig config;
    @Inject
    Pool pool;
    TestDatabase database;

    @BeforeEach
    void connect() {
        database = new TestDatabase(pool);
    }

    @Test
    void endUsersKeepOnlyTheBrowserAndOsFamilyOfTheirUserAgent() {
        CampaignSnapshot campaign = TestDeveloper.signIn().campaign();
        Stocking.stock(campaign.id(), Platform.IOS, List.of("UA-FAMILY"));
        String device = "phone-" + UUID.randomUUID();

        EndUser.claim(campaign.id(), device);

        assertEquals("Safari on iOS", user(device).getString("user_agent"));
    }

    @Test
    void ipsAreReplacedByTheirKeyedHashOnceOlderThanTheRetention() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CampaignSnapshot campaign = TestDeveloper.signIn().campaign();
        Stocking.stock(campaign.id(), Platform.IOS, List.of("IP-OLD", "IP-NEW"));
        String old = "phone-" + UUID.randomUUID();
        String recent = "phone-" + UUID.randomUUID();
        EndUser.claim(campaign.id(), old);
        EndUser.claim(campaign.id(), recent);
        setUserTime("created_at", old, now.minus(config.ipRetention()).minusSeconds(1));
        setUserTime("created_at", recent, now.minus(config.ipRetention()).plusSeconds(60));

        privacy.run(now).await().atMost(Duration.ofSeconds(30));

        Row hashed = user(old);
        assertNull(hashed.getString("ip_address"));
        assertEquals(hasher.hash("127.0.0.1"), hashed.getString("ip_hash"));
        Row kept = user(recent);
        assertEquals("127.0.0.1", kept.getString("ip_address"));
        assertNull(kept.getString("ip_hash"));
    }

    @Test
    void redemptionAndAuditIpsAreHashedToo() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TestDeveloper developer = TestDeveloper.signIn();
        CampaignSnapshot campaign = developer.campaign();
        Stocking.stock(campaign.id(), Platform.IOS, List.of("IP-REDEEM"));
        EndUser.claim(campaign.id(), "phone-" + UUID.randomUUID());
        developer.api().body("{\"code\":\"IP-REDEEM\"}").when().post("/api/v1/codes/redeem").then().statusCode(200);
        Instant old = now.minus(config.ipRetention()).minusSeconds(1);
        database.query("UPDATE redemption_attempts SET attempted_at = $2 WHERE campaign_id = $1", campaign.id(), old);
        database.query("UPDATE code_audit SET at = $2 WHERE campaign_id = $1", campaign.id(), old);

        privacy.run(now).await().atMost(Duration.ofSeconds(30));

        for (String table : List.of("redemption_attempts", "code_audit")) {
            Row row = database.row("SELECT ip_address, ip_hash FROM " + table + " WHERE campaign_id = $1", campaign.id());
            assertNull(row.getString("ip_address"), table);
            assertEquals(hasher.hash("127.0.0.1"), row.getString("ip_hash"), table);
        }
    }

    @Test
    void endUsersUnseenForTheRetentionAreDeleted() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CampaignSnapshot campaign = TestDeveloper.signIn().campaign();
        Stocking.stock(campaign.id(), Platform.IOS, List.of("GONE-1", "KEPT-1"));
        String gone = "phone-" + UUID.randomUUID();
        String kept = "phone-" + UUID.randomUUID();
        EndUser.claim(campaign.id(), gone);
        EndUser.claim(campaign.id(), kept);
        setUserTime("last_seen_at", gone, now.minus(config.endUserRetention()).minusSeconds(1));
        setUserTime("last_seen_at", kept, now.minus(config.endUserRetention()).plusSeconds(60));

        privacy.run(now).await().atMost(Duration.ofSeconds(30));

        assertEquals(0L, users(gone));
        assertEquals(1L, users(kept));
    }

    @Test
    void manyRowsAreHashedAndDeletedInBatches() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String prefix = "bulk-" + UUID.randomUUID() + "-";
        database.query("""
                        INSERT INTO end_users (device_key, ip_address, created_at, last_seen_at)
                        SELECT $1 || n, '10.0.' || (n / 250) || '.' || (n % 250), $2, $3
                        FROM generate_series(1, 2500) AS n""",
                prefix, now.minus(config.ipRetention()).minusSeconds(1), now.minusSeconds(60));
        database.query("""
                        INSERT INTO end_users (device_key, ip_address, created_at, last_seen_at)
                        SELECT $1 || 'old-' || n, '10.1.0.1', $2, $2 FROM generate_series(1, 2500) AS n""",
                prefix, now.minus(config.endUserRetention()).minusSeconds(1));

        PrivacyService.PrivacyRun run = privacy.run(now).await().atMost(Duration.ofSeconds(60));

        assertEquals(0L, database.count("SELECT count(*) FROM end_users WHERE device_key LIKE $1 AND ip_address IS NOT NULL",
                prefix + "%"));
        assertEquals(2500L, database.count("SELECT count(DISTINCT ip_hash) FROM end_users WHERE device_key LIKE $1",
                prefix + "%"));
        assertEquals(0L, database.count("SELECT count(*) FROM end_users WHERE device_key LIKE $1", prefix + "old-%"));
        assertTrue(run.ipsHashed() >= 5000 && run.usersDeleted() >= 2500, run.toString());
    }

    private Row user(String deviceId) {
        return database.row("SELECT * FROM end_users WHERE device_key = $1", "device:" + deviceId);
    }

    private long users(String deviceId) {
        return database.count("SELECT count(*) FROM end_users WHERE device_key = $1", "device:" + deviceId);
    }

    private void setUserTime(String column, String deviceId, Instant at) {
        database.query("UPDATE end_users SET " + column + " = $2 WHERE device_key = $1", "device:" + deviceId, at);
    }
}
