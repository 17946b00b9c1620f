package io.codedrop.distribution;

import io.codedrop.common.Platform;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.testing.CampaignFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ClaimPageTest {
    private static final String SAFARI_ON_IPHONE =
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile Safari/604.1";

    @Test
    void theClaimPageIsAnAccessibleDocumentWithOneButtonAndAStrictPolicy() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));

        given().header("User-Agent", SAFARI_ON_IPHONE).accept("text/html")
                .when().get("/c/" + campaign.id())
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("<label for=\"platform\">"))
                .body(containsString("<button type=\"submit\" id=\"claim\">Get my code</button>"))
                .body(containsString("role=\"status\" aria-live=\"polite\""))
                .body(containsString("<script src=\"/claim-page/claim.js\" defer></script>"))
                .body(not(containsString("<script>")))
                .body(not(containsString("style=")));
    }

    @Test
    void theScriptAndStylesheetAreServed() {
        given().when().get("/claim-page/claim.js")
                .then().statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("'/api/v1/distribute/'"))
                .body(containsString("method: 'POST'"));
        given().when().get("/claim-page/claim.css")
                .then().statusCode(200)
                .contentType(containsString("text/css"));
    }

    @Test
    void thePageKnowsEveryReasonTheApiCanGive() {
        String script = given().when().get("/claim-page/claim.js").then().statusCode(200).extract().asString();

        for (String reason : List.of("no_codes_available", "campaign_inactive", "rate_limited", "blocked",
                "platform_unknown", "not_found")) {
            assertTrue(script.contains(reason + ": ["), "a message for " + reason);
        }
    }

    @Test
    void anUnknownCampaignHasNoClaimPage() {
        given().accept("text/html").when().get("/c/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json");
        given().accept("text/html").when().get("/c/not-a-campaign")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theClaimThePageMakesGivesTheBrowserItsCodeAndKeepsItWithTheCookie() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        Stocking.stock(campaign.id(), Platform.IOS, List.of("PAGE-0001", "PAGE-0002"));

        // what claim.js reads first, then sends: the platform chosen in the list, same-origin credentials
        given().header("User-Agent", SAFARI_ON_IPHONE).accept(ContentType.JSON)
                .when().get("/api/v1/distribute/" + campaign.id())
                .then().statusCode(200)
                .body("name", equalTo(campaign.name()))
                .body("platforms[0].platform", equalTo("iOS"));
        ExtractableResponse<Response> first = pageClaim(campaign.id(), null)
                .then().statusCode(200)
                .body("code", equalTo("PAGE-0001"))
                .body("redeem_url", equalTo("https://apps.apple.com/redeem?ctx=offercodes&id=1234567890&code=PAGE-0001"))
                .extract();
        String cookie = first.cookie("codedrop_device");
        assertNotNull(cookie, "the browser is given its device cookie");

        pageClaim(campaign.id(), cookie).then().statusCode(200).body("code", equalTo("PAGE-0001"));
    }

    private static Response pageClaim(UUID campaignId, String cookie) {
        var request = given().header("User-Agent", SAFARI_ON_IPHONE).contentType(ContentType.JSON)
                .accept(ContentType.JSON).body("{\"platform\":\"iOS\"}");
        if (cookie != null) {
            request.cookie("codedrop_device", cookie);
        }
        return request.when().post("/api/v1/distribute/" + campaignId);
    }
}
