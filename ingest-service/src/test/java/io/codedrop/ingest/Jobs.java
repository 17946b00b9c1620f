package io.codedrop.ingest;

import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.testing.CampaignFixtures;
import io.codedrop.testing.Tokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** A developer, their campaign as the read model knows it, and their upload jobs over HTTP. */
final class Jobs {
    final String owner = "owner-" + UUID.randomUUID();
    final CampaignSnapshot campaign;

    private Jobs() {
        campaign = CampaignFixtures.active(owner);
    }

    /** A new developer whose new campaign has reached this service's read model. */
    static Jobs ofNewCampaign() {
        Jobs jobs = new Jobs();
        CampaignFixtures.publish(jobs.campaign);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> jobs.request()
                .queryParam("campaign_id", jobs.campaign.id())
                .get("/api/v1/uploads")
                .then().statusCode(200)
                .body("items", hasSize(0)));
        return jobs;
    }

    String token() {
        return Tokens.forDeveloper(owner, owner + "@example.com");
    }

    RequestSpecification request() {
        return given().auth().oauth2(token());
    }

    /** Posts {@code body} as a raw {@code text/csv} upload to the campaign. */
    ExtractableResponse<Response> postCsv(String body, String platform) {
        RequestSpecification request = request().contentType("text/csv").body(body.getBytes(StandardCharsets.UTF_8))
                .queryParam("campaign_id", campaign.id());
        if (platform != null) {
            request.queryParam("platform", platform);
        }
        return request.post("/api/v1/uploads").then().extract();
    }

    /** Uploads {@code body} and returns the accepted job's id. */
    UUID upload(String body, String platform) {
        ExtractableResponse<Response> accepted = postCsv(body, platform);
        if (accepted.statusCode() != 202) {
            throw new AssertionError("upload answered " + accepted.statusCode() + ": " + accepted.asString());
        }
        return UUID.fromString(accepted.path("upload_id"));
    }

    JsonPath job(UUID uploadId) {
        return request().get("/api/v1/uploads/" + uploadId).then().statusCode(200).extract().jsonPath();
    }

    void awaitStatus(UUID uploadId, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> request()
                .get("/api/v1/uploads/" + uploadId)
                .then().statusCode(200)
                .body("status", equalTo(status)));
    }
}
