package io.codedrop.ingest;

import io.codedrop.common.event.BatchCode;
import io.codedrop.common.event.CodeBatchEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class GenerationTest {
    private static final String DEFAULT_CHARSET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @Test
    void generatedCodesAreUniqueOfTheAskedShapeAndTheJobCompletesOnceStocked() {
        Jobs jobs = Jobs.ofNewCampaign();

        UUID job = generate(jobs, """
                {"campaign_id":"%s","platform":"ios","count":2500,"prefix":"LAUNCH-",
                 "expires_at":"2099-01-01T00:00:00Z"}""");

        jobs.awaitStatus(job, "stocking");
        List<CodeBatchEvent> batches = FakeDistribution.batches(job, 3);
        List<BatchCode> codes = batches.stream().flatMap(batch -> batch.codes().stream()).toList();
        assertEquals(2500, codes.stream().map(BatchCode::code).collect(Collectors.toSet()).size());
        assertTrue(codes.stream().allMatch(code -> code.code().matches("LAUNCH-[" + DEFAULT_CHARSET + "]{12}")));
        assertEquals("iOS", codes.get(0).platform().label());
        assertEquals("2099-01-01T00:00:00Z", codes.get(0).expiresAt().toString());

        batches.forEach(FakeDistribution::stock);

        jobs.awaitStatus(job, "completed");
        JsonPath document = jobs.job(job);
        assertEquals("generation", document.getString("kind"));
        assertEquals(2500, document.getInt("rows"));
        assertEquals(2500, document.getInt("accepted"));
    }

    @Test
    void codesTheCampaignAlreadyHadAreReplaced() {
        Jobs jobs = Jobs.ofNewCampaign();
        UUID job = generate(jobs, """
                {"campaign_id":"%s","platform":"Web","count":20,"length":6,"charset":"AB"}""");
        CodeBatchEvent first = FakeDistribution.batches(job, 1).get(0);
        List<String> taken = first.codes().subList(0, 3).stream().map(BatchCode::code).toList();
        FakeDistribution.alreadyStocked(jobs.campaign.id(), taken);

        FakeDistribution.stock(first);
        CodeBatchEvent replacements = FakeDistribution.batches(job, 2).get(1);
        FakeDistribution.stock(replacements);

        jobs.awaitStatus(job, "completed");
        assertEquals(3, replacements.codes().size());
        Set<String> all = first.codes().stream().map(BatchCode::code).collect(Collectors.toSet());
        assertTrue(replacements.codes().stream().noneMatch(code -> all.contains(code.code())));
        JsonPath document = jobs.job(job);
        assertEquals(23, document.getInt("rows"));
        assertEquals(20, document.getInt("accepted"));
        assertEquals(3, document.getInt("duplicates"));
    }

    @Test
    void aJobThatKeepsCollidingFailsAfterItsTopUpRounds() {
        Jobs jobs = Jobs.ofNewCampaign();
        UUID job = generate(jobs, """
                {"campaign_id":"%s","platform":"Web","count":2,"length":8}""");

        for (int round = 0; round <= 3; round++) {
            CodeBatchEvent batch = FakeDistribution.batches(job, round + 1).get(round);
            FakeDistribution.alreadyStocked(jobs.campaign.id(), batch.codes().stream().map(BatchCode::code).toList());
            FakeDistribution.stock(batch);
        }

        jobs.awaitStatus(job, "failed");
        assertEquals("only 0 of 2 codes could be stocked: the others collided with codes the campaign already has",
                jobs.job(job).getString("failure_reason"));
    }

    @Test
    void aShapeWithTooFewCodesIs422() {
        Jobs jobs = Jobs.ofNewCampaign();

        jobs.request().contentType(ContentType.JSON)
                .body("""
                        {"campaign_id":"%s","platform":"Web","count":9,"length":3,"charset":"AB"}"""
                        .formatted(jobs.campaign.id()))
                .post("/api/v1/generations")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("give only 8 distinct codes"));
    }

    @Test
    void badRequestsAreValidationProblems() {
        Jobs jobs = Jobs.ofNewCampaign();

        jobs.request().contentType(ContentType.JSON)
                .body("""
                        {"campaign_id":"%s","platform":"Web","count":1000001,"charset":"AAB","prefix":"-X"}"""
                        .formatted(jobs.campaign.id()))
                .post("/api/v1/generations")
                .then().statusCode(400)
                .body("errors.field", hasItems("prefix"));
        jobs.request().contentType(ContentType.JSON)
                .body("""
                        {"campaign_id":"%s","platform":"Web","count":1000001,"charset":"AAB"}"""
                        .formatted(jobs.campaign.id()))
                .post("/api/v1/generations")
                .then().statusCode(400)
                .body("errors.field", hasItems("count", "charset"));
        jobs.request().contentType(ContentType.JSON)
                .body("""
                        {"campaign_id":"%s","platform":"Switch","count":1}""".formatted(jobs.campaign.id()))
                .post("/api/v1/generations")
                .then().statusCode(400)
                .body("errors.field", hasItem("platform"));
        jobs.request().contentType(ContentType.JSON)
                .body("""
                        {"platform":"Web"}""")
                .post("/api/v1/generations")
                .then().statusCode(400)
                .body("errors.field", hasItems("campaign_id", "count"));
    }

    @Test
    void someoneElsesCampaignAnswersNotFound() {
        Jobs owner = Jobs.ofNewCampaign();
        Jobs stranger = Jobs.ofNewCampaign();

        stranger.request().contentType(ContentType.JSON)
                .body("""
                        {"campaign_id":"%s","platform":"Web","count":5}""".formatted(owner.campaign.id()))
                .post("/api/v1/generations")
                .then().statusCode(404)
                .body("title", equalTo("Not Found"));
    }

    private static UUID generate(Jobs jobs, String body) {
        String id = jobs.request().contentType(ContentType.JSON)
                .body(body.formatted(jobs.campaign.id()))
                .post("/api/v1/generations")
                .then().statusCode(202)
                .body("status", equalTo("received"))
                .extract().path("upload_id");
        return UUID.fromString(id);
    }
}
