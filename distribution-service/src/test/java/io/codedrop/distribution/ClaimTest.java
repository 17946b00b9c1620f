package io.codedrop.distribution;

import io.codedrop.common.Platform;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.common.event.CampaignStatus;
import io.codedrop.testing.CampaignFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ClaimTest {
    private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15";
    private static final String PIXEL = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120.0 Mobile";

    @Inject
    Pool database;

    @Test
    void claimAnswersTheContractWithTheStoresRedeemLink() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        Stocking.stock(campaign.id(), Platform.IOS, List.of("APPLE-0001"));

        claim(campaign.id(), "{\"platform\":\"ios\",\"device_id\":\"dev-1\"}", IPHONE)
                .statusCode(200)
                .body("success", equalTo(true))
                .body("code", equalTo("APPLE-0001"))
                .body("platform", equalTo("iOS"))
                .body("expires_at", nullValue())
                .body("redeem_url", equalTo("https://apps.apple.com/redeem?ctx=offercodes&id=1234567890&code=APPLE-0001"))
                .body("campaign.name", equalTo(campaign.name()))
                .body("campaign.app_name", equalTo("Space Game"));
    }

    @Test
    void androidCodesComeWithThePlayStoreLink() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        Stocking.stock(campaign.id(), Platform.ANDROID, List.of("PLAY-0001"));

        claim(campaign.id(), "{\"device_id\":\"pixel-1\"}", PIXEL)
                .statusCode(200)
                .body("platform", equalTo("Android"))
                .body("redeem_url", equalTo("https://play.google.com/redeem?code=PLAY-0001"));
    }

    @Test
    void askingAgainReturnsTheSameCodeAndWritesNoSecondClaim() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        Stocking.stock(campaign.id(), Platform.IOS, Stocking.codes("AGAIN", 3));

        String first = claim(campaign.id(), "{\"device_id\":\"same-phone\"}", IPHONE).statusCode(200).extract().path("code");
        String second = claim(campaign.id(), "{\"device_id\":\"same-phone\"}", IPHONE).statusCode(200).extract().path("code");

        assertEquals(first, second);
        assertEquals(1L, count("SELECT count(*) FROM claims WHERE campaign_id = $1", campaign.id()));
        assertEquals(2L, count("SELECT count(*) FROM code_requests WHERE campaign_id = $1 AND status = 'fulfilled'",
                campaign.id()));
        Stocking.awaitAvailable(campaign.id(), Platform.IOS, 2);
    }

    @Test
    void codesGoOutInUploadOrder() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        List<String> codes = Stocking.codes("FIFO", 5);
        Stocking.stock(campaign.id(), Platform.IOS, codes);

        for (int i = 0; i < codes.size(); i++) {
            claim(campaign.id(), "{\"device_id\":\"fifo-" + i + "\"}", IPHONE)
                    .statusCode(200)
                    .body("code", equalTo(codes.get(i)));
        }
    }

    @Test
    void platformIsDetectedFromTheUserAgentWhenTheBodyNamesNone() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        Stocking.stock(campaign.id(), Platform.IOS, List.of("UA-IOS"));
        Stocking.stock(campaign.id(), Platform.ANDROID, List.of("UA-ANDROID"));

        claim(campaign.id(), "{\"device_id\":\"ua-1\"}", PIXEL).statusCode(200).body("code", equalTo("UA-ANDROID"));
        claim(campaign.id(), "{\"device_id\":\"ua-2\"}", IPHONE).statusCode(200).body("code", equalTo("UA-IOS"));
    }

    @Test
    void anUnknownUserAgentWithoutPlatformIsUnprocessable() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));

        claim(campaign.id(), "{\"device_id\":\"curl\"}", "curl/8.5.0")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("success", equalTo(false))
                .body("reason", equalTo("platform_unknown"));
    }

    @Test
    void anUnknownPlatformNameIsUnprocessable() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));

        claim(campaign.id(), "{\"platform\":\"Switch\"}", IPHONE)
                .statusCode(422)
                .body("reason", equalTo("platform_unknown"));
    }

    @Test
    void aUserGetsOnlyACodeOfTheirPlatform() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        Stocking.stock(campaign.id(), Platform.ANDROID, List.of("ONLY-ANDROID"));

        claim(campaign.id(), "{\"platform\":\"iOS\",\"device_id\":\"iphone-user\"}", IPHONE)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("success", equalTo(false))
                .body("reason", equalTo("no_codes_available"));
    }

    @Test
    void expiredCodesAreNeverHandedOut() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        UUID upload = UUID.randomUUID();
        Stocking.send(Stocking.batch(campaign.id(), upload, 0, Platform.IOS, List.of("OLD-1", "OLD-2"),
                Instant.now().minus(1, ChronoUnit.HOURS)));
        Stocking.send(Stocking.batch(campaign.id(), upload, 1, Platform.IOS, List.of("FRESH-1"),
                Instant.now().plus(1, ChronoUnit.DAYS)));
        Stocking.awaitAvailable(campaign.id(), Platform.IOS, 3);

        claim(campaign.id(), "{\"device_id\":\"exp-1\"}", IPHONE).statusCode(200).body("code", equalTo("FRESH-1"));
        claim(campaign.id(), "{\"device_id\":\"exp-2\"}", IPHONE).statusCode(409).body("reason", equalTo("no_codes_available"));
    }

    @Test
    void pausedCompletedAndExpiredCampaignsHandOutNothing() {
        for (CampaignStatus status : List.of(CampaignStatus.PAUSED, CampaignStatus.COMPLETED, CampaignStatus.EXPIRED)) {
            CampaignSnapshot active = Stocking.campaign(CampaignFixtures.active("owner"));
            Stocking.stock(active.id(), Platform.IOS, List.of("ST-" + status));
            Stocking.campaign(CampaignFixtures.withStatus(active, status));

            claim(active.id(), "{\"device_id\":\"st-user\"}", IPHONE)
                    .statusCode(409)
                    .body("success", equalTo(false))
                    .body("reason", equalTo("campaign_inactive"));
        }
    }

    @Test
    void aCampaignThatHasNotStartedHandsOutNothing() {
        CampaignSnapshot base = CampaignFixtures.active("owner");
        CampaignSnapshot later = new CampaignSnapshot(base.id(), base.name(), base.description(), base.appName(),
                CampaignStatus.ACTIVE, Instant.now().plus(1, ChronoUnit.DAYS), base.expiresAt(), 1, null,
                base.metadata(), base.ownerSubject(), null, base.managers(), base.readers(), base.createdAt(),
                base.updatedAt());
        Stocking.campaign(later);
        Stocking.stock(later.id(), Platform.IOS, List.of("NOT-YET"));

        claim(later.id(), "{\"device_id\":\"early\"}", IPHONE).statusCode(409).body("reason", equalTo("campaign_inactive"));
    }

    @Test
    void maxTotalClaimsIsRespected() {
        CampaignSnapshot base = CampaignFixtures.active("owner");
        CampaignSnapshot limited = new CampaignSnapshot(base.id(), base.name(), base.description(), base.appName(),
                base.status(), null, base.expiresAt(), 1, 2, base.metadata(), base.ownerSubject(), null,
                base.managers(), base.readers(), base.createdAt(), base.updatedAt());
        Stocking.campaign(limited);
        Stocking.stock(limited.id(), Platform.IOS, Stocking.codes("TOTAL", 5));

        claim(limited.id(), "{\"device_id\":\"t1\"}", IPHONE).statusCode(200);
        claim(limited.id(), "{\"device_id\":\"t2\"}", IPHONE).statusCode(200);
        claim(limited.id(), "{\"device_id\":\"t3\"}", IPHONE).statusCode(409).body("reason", equalTo("no_codes_available"));
    }

    @Test
    void maxClaimsPerUserAboveOneGivesThatManyCodesThenTheLatestAgain() {
        CampaignSnapshot base = CampaignFixtures.active("owner");
        CampaignSnapshot two = new CampaignSnapshot(base.id(), base.name(), base.description(), base.appName(),
                base.status(), null, base.expiresAt(), 2, null, base.metadata(), base.ownerSubject(), null,
                base.managers(), base.readers(), base.createdAt(), base.updatedAt());
        Stocking.campaign(two);
        Stocking.stock(two.id(), Platform.IOS, Stocking.codes("TWO", 5));

        String first = claim(two.id(), "{\"device_id\":\"twice\"}", IPHONE).statusCode(200).extract().path("code");
        String second = claim(two.id(), "{\"device_id\":\"twice\"}", IPHONE).statusCode(200).extract().path("code");
        String third = claim(two.id(), "{\"device_id\":\"twice\"}", IPHONE).statusCode(200).extract().path("code");

        assertEquals(Set.of("TWO-00000", "TWO-00001"), Set.of(first, second));
        assertEquals(second, third);
    }

    @Test
    void unknownCampaignIsNotFound() {
        claim(UUID.randomUUID(), "{}", IPHONE)
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aBrowserWithoutDeviceIdGetsACookieThatIdentifiesItNextTime() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        Stocking.stock(campaign.id(), Platform.IOS, Stocking.codes("COOKIE", 2));

        var first = given().contentType(ContentType.JSON).header("User-Agent", IPHONE).body("{}")
                .post("/api/v1/distribute/" + campaign.id())
                .then().statusCode(200).extract();
        String cookie = first.cookie("codedrop_device");
        String again = given().contentType(ContentType.JSON).header("User-Agent", IPHONE).cookie("codedrop_device", cookie)
                .body("{}").post("/api/v1/distribute/" + campaign.id())
                .then().statusCode(200).extract().path("code");

        assertEquals(first.path("code").toString(), again);
    }

    @Test
    void aDeviceIdWithForbiddenCharactersIsAValidationProblem() {
        claim(UUID.randomUUID(), "{\"device_id\":\"<script>\"}", IPHONE)
                .statusCode(400)
                .body("errors[0].field", equalTo("device_id"));
    }

    private static ValidatableResponse claim(UUID campaignId, String body, String userAgent) {
        return given().contentType(ContentType.JSON).header("User-Agent", userAgent).body(body)
                .when().post("/api/v1/distribute/" + campaignId)
                .then();
    }

    private long count(String sql, UUID campaignId) {
        return database.preparedQuery(sql).execute(Tuple.of(campaignId))
                .await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong(0);
    }

}
