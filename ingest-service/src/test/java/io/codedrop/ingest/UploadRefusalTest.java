package io.codedrop.ingest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class UploadRefusalTest {
    @Test
    void moreRowsThanTheLimitAre413AndNothingIsStocked() {
        Jobs jobs = Jobs.ofNewCampaign();
        StringBuilder body = new StringBuilder("code\n");
        for (int i = 0; i <= 100_000; i++) {
            body.append("CODE-").append(i).append('\n');
        }

        jobs.request().contentType("text/csv").body(body.toString()).queryParam("campaign_id", jobs.campaign.id())
                .queryParam("platform", "Web")
                .post("/api/v1/uploads")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("100000 rows"));
        assertNoJobs(jobs);
    }

    @Test
    void moreBytesThanTheLimitAre413() {
        Jobs jobs = Jobs.ofNewCampaign();
        byte[] line = "A-VERY-LONG-CODE-THAT-FILLS-UP-THE-BYTES\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (body.size() <= 21 * 1024 * 1024) {
            body.writeBytes(line);
        }

        jobs.request().contentType("text/plain").body(body.toByteArray()).queryParam("campaign_id", jobs.campaign.id())
                .queryParam("platform", "Web")
                .post("/api/v1/uploads")
                .then().statusCode(413)
                .body("type", equalTo("https://codedrop.io/problems/upload-too-large"));
        assertNoJobs(jobs);
    }

    @Test
    void anEmptyFileIs400() {
        Jobs jobs = Jobs.ofNewCampaign();

        jobs.request().contentType("text/csv").body(new byte[0]).queryParam("campaign_id", jobs.campaign.id())
                .post("/api/v1/uploads")
                .then().statusCode(400)
                .body("type", equalTo("https://codedrop.io/problems/empty-file"));
    }

    @Test
    void aFileThatIsNotUtf8Is415() {
        Jobs jobs = Jobs.ofNewCampaign();

        jobs.request().contentType("text/csv").body("code\nCAFÉ-1\n".getBytes(StandardCharsets.ISO_8859_1))
                .queryParam("campaign_id", jobs.campaign.id()).queryParam("platform", "Web")
                .post("/api/v1/uploads")
                .then().statusCode(415)
                .body("detail", containsString("line 2"));
        jobs.request().contentType("application/json").body("{}")
                .queryParam("campaign_id", jobs.campaign.id())
                .post("/api/v1/uploads")
                .then().statusCode(415);
        assertNoJobs(jobs);
    }

    @Test
    void aFileWithoutACodeColumnOrAPlatformIs422() {
        Jobs jobs = Jobs.ofNewCampaign();

        jobs.request().contentType("text/csv").body("voucher,platform\nA-1,iOS\n")
                .queryParam("campaign_id", jobs.campaign.id())
                .post("/api/v1/uploads")
                .then().statusCode(422)
                .body("type", equalTo("https://codedrop.io/problems/no-code-column"));
        jobs.request().contentType("text/plain").body("A-1\nA-2\n")
                .queryParam("campaign_id", jobs.campaign.id())
                .post("/api/v1/uploads")
                .then().statusCode(422)
                .body("type", equalTo("https://codedrop.io/problems/platform-required"));
    }

    @Test
    void badDefaultsAreValidationProblems() {
        Jobs jobs = Jobs.ofNewCampaign();

        jobs.request().contentType("text/plain").body("A-1\n")
                .queryParam("campaign_id", jobs.campaign.id())
                .queryParam("platform", "Switch")
                .queryParam("expires_at", "2001-01-01")
                .post("/api/v1/uploads")
                .then().statusCode(400)
                .body("errors.field", hasItem("platform"))
                .body("errors.field", hasItem("expires_at"));
        jobs.request().multiPart("platform", "iOS")
                .queryParam("campaign_id", jobs.campaign.id())
                .post("/api/v1/uploads")
                .then().statusCode(400)
                .body("errors.field", hasItem("file"));
    }

    @Test
    void someoneElsesOrAnUnknownCampaignAnswersNotFound() {
        Jobs owner = Jobs.ofNewCampaign();
        Jobs stranger = Jobs.ofNewCampaign();

        stranger.request().contentType("text/plain").body("A-1\n")
                .queryParam("campaign_id", owner.campaign.id()).queryParam("platform", "Web")
                .post("/api/v1/uploads")
                .then().statusCode(404)
                .contentType("application/problem+json");
        stranger.request().contentType("text/plain").body("A-1\n")
                .queryParam("campaign_id", UUID.randomUUID()).queryParam("platform", "Web")
                .post("/api/v1/uploads")
                .then().statusCode(404);
        assertNoJobs(owner);
    }

    @Test
    void uploadingNeedsAToken() {
        given().contentType("text/plain").body("A-1\n").queryParam("campaign_id", UUID.randomUUID())
                .post("/api/v1/uploads")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    private static void assertNoJobs(Jobs jobs) {
        jobs.request().queryParam("campaign_id", jobs.campaign.id()).get("/api/v1/uploads")
                .then().statusCode(200)
                .body("total", equalTo(0));
    }
}
