package io.codedrop.ingest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RateLimitTest {
    @Test
    void newJobsPastTheLimitOfAMinuteAre429WithRetryAfter() {
        Jobs jobs = Jobs.ofNewCampaign();
        String generation = """
                {"campaign_id":"%s","platform":"Web","count":1}""".formatted(jobs.campaign.id());
        for (int i = 0; i < 10; i++) {
            jobs.request().contentType(ContentType.JSON).body(generation).post("/api/v1/generations")
                    .then().statusCode(202);
        }

        // the window is a clock minute: if these requests straddle two, the limit bites a few jobs later
        ExtractableResponse<Response> refused = null;
        for (int i = 0; i <= 10 && (refused == null || refused.statusCode() == 202); i++) {
            refused = jobs.postCsv("A-" + i + "\n", "Web");
        }

        assertEquals(429, refused.statusCode());
        assertTrue(Integer.parseInt(refused.header("Retry-After")) <= 60);
        assertEquals("application/problem+json", refused.contentType());
        assertEquals("rate_limited", refused.path("reason"));
    }
}
