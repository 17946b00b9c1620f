package io.codedrop.distribution;

import io.codedrop.common.Platform;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.common.event.CodeStatusChange;
import io.codedrop.common.event.CodeStatusEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CodeOperationsTest {
    @Inject
    Pool pool;
    TestDatabase database;

    @BeforeEach
    void connect() {
        database = new TestDatabase(pool);
    }

    @Test
    void codesAreListedMaskedInUploadOrder() {
        TestDeveloper developer = TestDeveloper.signIn();
        CampaignSnapshot campaign = developer.campaign();
        Stocking.stock(campaign.id(), Platform.IOS, List.of("MASKED-0001", "MASKED-0002", "MASKED-0003"));

        developer.api().queryParam("campaign_id", campaign.id()).queryParam("size", 2)
                .when().get("/api/v1/codes")
                .then().statusCode(200)
                .body("items.code", contains("MAS***001", "MAS***002"))
                .body("items[0].status", equalTo("unused"))
                .body("items[0].platform", equalTo("iOS"))
                .body("items[0].campaign_id", equalTo(campaign.id().toString()))
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("total", equalTo(3));
        assertEquals(0L, database.count("SELECT count(*) FROM code_audit WHERE campaign_id = $1", campaign.id()));
    }

    @Test
    void codesAreFilteredByStatusAndPlatform() {
        TestDeveloper developer = TestDeveloper.signIn();
        CampaignSnapshot campaign = developer.campaign();
        Stocking.stock(campaign.id(), Platform.IOS, List.of("FILTER-IOS-1", "FILTER-IOS-2"));
        Stocking.stock(campaign.id(), Platform.ANDROID, List.of("FILTER-AND-1"));
        EndUser.claim(campaign.id(), "phone-filter");

        list(developer, campaign.id(), Map.of("status", "used"))
                .body("total", equalTo(1)).body("items[0].platform", equalTo("iOS"));
        list(developer, campaign.id(), Map.of("platform", "android"))
                .body("total", equalTo(1)).body("items[0].code", equalTo("FIL***D-1"));
        list(developer, campaign.id(), Map.of("status", "unused", "platform", "iOS"))
                .body("total", equalTo(1));
        list(developer, campaign.id(), Map.of("status", "lost")).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        list(developer, campaign.id(), Map.of("platform", "Switch")).statusCode(400)
                .body("errors[0].field", equalTo("platform"));
        list(developer, campaign.id(), Map.of("size", "501")).statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void revealShowsTheCodesAndAuditsEachOne() {
        TestDeveloper developer = TestDeveloper.signIn();
        CampaignSnapshot campaign = developer.campaign();
        Stocking.stock(campaign.id(), Platform.IOS, List.of("REVEAL-0001", "REVEAL-0002"));

        list(developer, campaign.id(), Map.of("reveal", "true"))
                .body("items.code", contains("REVEAL-0001", "REVEAL-0002"));

        assertEquals(2L, database.count("SELECT count(DISTINCT code_id) FROM code_audit WHERE campaign_id = $1 "
                + "AND action = 'revealed' AND actor = $2 AND ip_address = '127.0.0.1' "
                + "AND user_agent = 'StudioServer on Linux'", campaign.id(), developer.subject()));
    }

    @Test
    void aViewerSeesMaskedCodesButCannotRevealThem() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper viewer = TestDeveloper.signIn();
        CampaignSnapshot campaign = owner.campaignWithViewer(viewer);
        Stocking.stock(campaign.id(), Platform.IOS, List.of("VIEWER-0001"));

        list(viewer, campaign.id(), Map.of()).body("items[0].code", equalTo("VIE***001"));
        list(viewer, campaign.id(), Map.of("reveal", "true")).statusCode(403).contentType("application/problem+json");
        viewer.api().queryParam("campaign_id", campaign.id()).queryParam("reveal", true)
                .when().get("/api/v1/codes/export").then().statusCode(403);
        assertEquals(0L, database.count("SELECT count(*) FROM code_audit WHERE campaign_id = $1", campaign.id()));
    }

    @Test
    void theExportHoldsEveryCodeMaskedOrRevealedAndAudited() {
        TestDeveloper developer = TestDeveloper.signIn();
        CampaignSnapshot campaign = developer.campaign();
        List<String> codes = Stocking.codes("EXPORT", 1500);
        Stocking.stock(campaign.id(), Platform.STEAM, codes);

        String masked = export(developer, campaign.id(), false);
        String revealed = export(developer, campaign.id(), true);

        List<String> maskedLines = masked.lines().toList();
        assertEquals("id,campaign_id,code,platform,status,expires_at,used_at,redeemed_at,created_at", maskedLines.get(0));
        assertEquals(1 + codes.size(), maskedLines.size());
        assertTrue(maskedLines.get(1).contains(",EXP***000,Steam,unused,,,,"), maskedLines.get(1));
        List<String> revealedCodes = revealed.lines().skip(1).map(line -> line.split(",")[2]).toList();
        assertEquals(codes, revealedCodes);
        assertEquals(1500L, database.count("SELECT count(*) FROM code_audit WHERE campaign_id = $1 AND action = 'revealed'",
                campaign.id()));
    }

    @Test
    void aWithdrawnCodeIsNeverHandedOut() {
        TestDeveloper developer = TestDeveloper.signIn();
        CampaignSnapshot campaign = developer.campaign();
        Stocking.stock(campaign.id(), Platform.IOS, List.of("WITHDRAW-1", "WITHDRAW-2"));
        String first = codeId(campaign.id(), "WITHDRAW-1");

        developer.api().when().delete("/api/v1/codes/" + first).then().statusCode(204);
        Stocking.awaitAvailable(campaign.id(), Platform.IOS, 1);
        developer.api().when().delete("/api/v1/codes/" + first).then().statusCode(204);

        assertEquals("WITHDRAW-2", EndUser.claim(campaign.id(), "phone-w1"));
        given().contentType(ContentType.JSON).header("User-Agent", EndUser.IPHONE)
                .body("{\"platform\":\"iOS\",\"device_id\":\"phone-w2\"}")
                .when().post("/api/v1/distribute/" + campaign.id())
                .then().statusCode(409).body("reason", equalTo("no_codes_available"));
        list(developer, campaign.id(), Map.of("status", "withdrawn")).body("items.id", contains(first));
        assertEquals(1L, database.count("SELECT count(*) FROM code_audit WHERE campaign_id = $1 AND action = 'withdrawn' "
                + "AND actor = $2", campaign.id(), developer.subject()));
        try (CodeStatusTopic topic = new CodeStatusTopic()) {
            List<CodeStatusEvent> events = topic.awaitEvents(campaign.id());
            assertEquals(1, events.size());
            assertEquals(CodeStatusChange.WITHDRAWN, events.get(0).change());
            assertEquals(Map.of(Platform.IOS, 1), events.get(0).counts());
        }
    }

    @Test
    void withdrawingAUsedCodeIsAConflict() {
        TestDeveloper developer = TestDeveloper.signIn();
        CampaignSnapshot campaign = developer.campaign();
        Stocking.stock(campaign.id(), Platform.IOS, List.of("USED-1"));
        EndUser.claim(campaign.id(), "phone-used");

        developer.api().when().delete("/api/v1/codes/" + codeId(campaign.id(), "USED-1"))
                .then().statusCode(409).contentType("application/problem+json");
        list(developer, campaign.id(), Map.of()).body("items.status", everyItem(equalTo("used")));
    }

    @Test
    void anotherDevelopersCodesAreNotFound() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper stranger = TestDeveloper.signIn();
        CampaignSnapshot campaign = owner.campaign();
        Stocking.stock(campaign.id(), Platform.IOS, List.of("MINE-1"));
        String codeId = codeId(campaign.id(), "MINE-1");

        list(stranger, campaign.id(), Map.of()).statusCode(404).contentType("application/problem+json");
        stranger.api().queryParam("campaign_id", campaign.id())
                .when().get("/api/v1/codes/export")
                .then().statusCode(404).contentType("application/problem+json");
        String foreign = stranger.api().when().delete("/api/v1/codes/" + codeId)
                .then().statusCode(404).extract().path("detail");
        String unknown = stranger.api().when().delete("/api/v1/codes/" + UUID.randomUUID())
                .then().statusCode(404).extract().path("detail");

        assertEquals(unknown.replaceAll("[0-9a-f-]{36}", "ID"), foreign.replaceAll("[0-9a-f-]{36}", "ID"));
        list(owner, campaign.id(), Map.of()).body("items[0].status", equalTo("unused"));
    }

    @Test
    void codesNeedABearerToken() {
        given().queryParam("campaign_id", UUID.randomUUID())
                .when().get("/api/v1/codes")
                .then().statusCode(401).contentType("application/problem+json");
    }

    private static ValidatableResponse list(TestDeveloper developer, UUID campaignId, Map<String, ?> query) {
        return developer.api().queryParam("campaign_id", campaignId).queryParams(query)
                .when().get("/api/v1/codes").then();
    }

    private static String export(TestDeveloper developer, UUID campaignId, boolean reveal) {
        return developer.api().queryParam("campaign_id", campaignId).queryParam("reveal", reveal)
                .when().get("/api/v1/codes/export")
                .then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("codes-" + campaignId + ".csv"))
                .extract().asString();
    }

    private String codeId(UUID campaignId, String code) {
        return database.row("SELECT id FROM promo_codes WHERE campaign_id = $1 AND code = $2", campaignId, code)
                .getUUID("id").toString();
    }
}
