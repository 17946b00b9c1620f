package io.codedrop.distribution;

import io.codedrop.common.Platform;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.testing.CampaignFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Seed 004's checks at their default thresholds; a blocked claim records every check it was judged by. */
@QuarkusTest
@TestProfile(LimitsProfile.class)
class FraudCheckTest {
    @Inject
    Pool database;

    @Test
    void oneIpClaimingInASixthCampaignWithinTenMinutesIsBlockedAsCrossCampaign() {
        Client client = Client.fresh();
        List<CampaignSnapshot> campaigns = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            campaigns.add(Stocking.campaign(CampaignFixtures.active("owner")));
        }
        for (int i = 0; i < 5; i++) {
            client.claim(campaigns.get(i).id(), "hopper-" + i).statusCode(409).body("reason", equalTo("no_codes_available"));
        }

        blocked(client.claim(campaigns.get(5).id(), "hopper-5"));

        Map<String, JsonObject> checks = checksOf(campaigns.get(5).id());
        assertFlaggedOnly(checks, "cross_campaign");
        assertEquals(6, checks.get("cross_campaign").getInteger("campaigns_of_ip"));
        assertEquals(1, checks.get("cross_campaign").getInteger("campaigns_of_device"));
        assertEquals(5, checks.get("cross_campaign").getInteger("max"));
        assertEquals(600, checks.get("cross_campaign").getInteger("window_seconds"));
    }

    @Test
    void oneDeviceClaimingFromASixthIpIsBlockedAsDeviceDuplicate() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        Stocking.stock(campaign.id(), Platform.ANDROID, Stocking.codes("ROAM", 3));
        for (int i = 0; i < 5; i++) {
            Client.fresh().claim(campaign.id(), "roaming-phone").statusCode(200);
        }

        blocked(Client.fresh().claim(campaign.id(), "roaming-phone"));

        Map<String, JsonObject> checks = checksOf(campaign.id());
        assertFlaggedOnly(checks, "device_duplicate");
        assertEquals(6, checks.get("device_duplicate").getInteger("ips_of_device"));
    }

    @Test
    void aTwentyFirstDeviceFromOneIpIsBlockedAsIpDuplicate() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        Stocking.stock(campaign.id(), Platform.ANDROID, Stocking.codes("FARM", 10));
        Client farm = Client.fresh();
        for (int i = 0; i < 20; i++) {
            // five claims an hour, then the rate limit: a farm rotating device ids is refused either way
            farm.claim(campaign.id(), "farm-" + i).statusCode(i < 5 ? 200 : 429);
        }

        blocked(farm.claim(campaign.id(), "farm-20"));

        Map<String, JsonObject> checks = checksOf(campaign.id());
        assertFlaggedOnly(checks, "ip_duplicate");
        assertEquals(21, checks.get("ip_duplicate").getInteger("devices_of_ip"));
        assertEquals(15L, scalar("SELECT count(*) FROM code_requests WHERE campaign_id = $1 AND status = 'rate_limited'",
                campaign.id()));
    }

    @Test
    void anEleventhClaimOfOneDeviceWithinTenSecondsIsBlockedAsVelocityLimit() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        Stocking.stock(campaign.id(), Platform.ANDROID, Stocking.codes("BURST", 3));
        Client client = Client.fresh();
        for (int i = 0; i < 10; i++) {
            client.claim(campaign.id(), "hammering-phone").statusCode(i < 5 ? 200 : 429);
        }

        blocked(client.claim(campaign.id(), "hammering-phone"));

        Map<String, JsonObject> checks = checksOf(campaign.id());
        assertFlaggedOnly(checks, "velocity_limit");
        assertEquals(11, checks.get("velocity_limit").getInteger("claims_of_device"));
    }

    private static void blocked(io.restassured.response.ValidatableResponse response) {
        response.statusCode(403)
                .contentType("application/problem+json")
                .body("success", equalTo(false))
                .body("reason", equalTo("blocked"));
    }

    /** The fraud checks of the campaign's one blocked request, by type; the request is recorded as blocked. */
    private Map<String, JsonObject> checksOf(UUID campaignId) {
        var rows = database.preparedQuery("""
                        SELECT f.check_type, f.flagged, f.details::text AS details, f.user_id = r.user_id AS same_user
                        FROM fraud_checks f JOIN code_requests r ON r.id = f.request_id
                        WHERE f.campaign_id = $1 AND r.status = 'blocked'""")
                .execute(Tuple.of(campaignId))
                .await().atMost(Duration.ofSeconds(10));
        Map<String, JsonObject> checks = new HashMap<>();
        for (Row row : rows) {
            assertEquals(Boolean.TRUE, row.getBoolean("same_user"));
            checks.put(row.getString("check_type"),
                    new JsonObject(row.getString("details")).put("flagged", row.getBoolean("flagged")));
        }
        assertEquals(4, rows.size(), "one row per check");
        return checks;
    }

    private static void assertFlaggedOnly(Map<String, JsonObject> checks, String type) {
        checks.forEach((checkType, details) ->
                assertEquals(checkType.equals(type), details.getBoolean("flagged"), checkType + " " + details));
    }

    private long scalar(String sql, UUID campaignId) {
        return database.preparedQuery(sql).execute(Tuple.of(campaignId))
                .await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}
