package io.codedrop.campaign;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CampaignCrudTest {
    @Test
    void createAppliesDefaultsAndStartsWithZeroCounts() {
        TestDeveloper owner = TestDeveloper.signIn();

        owner.api().body(Campaigns.body("metadata", Map.of("apple_app_id", "123")))
                .when().post("/api/v1/campaigns")
                .then().statusCode(201)
                .body("status", equalTo("active"))
                .body("max_claims_per_user", equalTo(1))
                .body("max_total_claims", nullValue())
                .body("team_id", nullValue())
                .body("metadata.apple_app_id", equalTo("123"))
                .body("total_codes", equalTo(0))
                .body("used_codes", equalTo(0))
                .body("expired_codes", equalTo(0))
                .body("remaining_codes", equalTo(0))
                .body("usage_percentage", equalTo(0.0f));
    }

    @Test
    void getReturnsTheCampaignAsCreated() {
        TestDeveloper owner = TestDeveloper.signIn();
        Map<String, Object> body = Campaigns.body();
        body.put("description", "Week one");
        body.put("max_claims_per_user", 2);
        body.put("max_total_claims", 1000);
        String id = Campaigns.create(owner, body);

        owner.api().when().get("/api/v1/campaigns/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo(body.get("name")))
                .body("description", equalTo("Week one"))
                .body("app_name", equalTo("Space Game"))
                .body("max_claims_per_user", equalTo(2))
                .body("max_total_claims", equalTo(1000));
    }

    @Test
    void listIsPaginatedNewestFirst() {
        TestDeveloper owner = TestDeveloper.signIn();
        String first = Campaigns.create(owner);
        String second = Campaigns.create(owner);
        String third = Campaigns.create(owner);

        owner.api().queryParam("page", 0).queryParam("size", 2)
                .when().get("/api/v1/campaigns")
                .then().statusCode(200)
                .body("items.id", contains(third, second))
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("total", equalTo(3));
        owner.api().queryParam("page", 1).queryParam("size", 2)
                .when().get("/api/v1/campaigns")
                .then().statusCode(200)
                .body("items.id", contains(first))
                .body("total", equalTo(3));
    }

    @Test
    void listFiltersByStatus() {
        TestDeveloper owner = TestDeveloper.signIn();
        Campaigns.create(owner);
        String paused = Campaigns.create(owner);
        Campaigns.changeStatus(owner, paused, "paused");

        owner.api().queryParam("status", "paused")
                .when().get("/api/v1/campaigns")
                .then().statusCode(200)
                .body("items.id", contains(paused))
                .body("total", equalTo(1));
    }

    @Test
    void listRejectsAPageSizeAbove500() {
        TestDeveloper owner = TestDeveloper.signIn();

        owner.api().queryParam("size", 501)
                .when().get("/api/v1/campaigns")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("size"));
    }

    @Test
    void listRejectsAnUnknownStatus() {
        TestDeveloper owner = TestDeveloper.signIn();

        owner.api().queryParam("status", "sleeping")
                .when().get("/api/v1/campaigns")
                .then().statusCode(400)
                .body("errors.field", contains("status"));
    }

    @Test
    void patchChangesOnlyTheSentFields() {
        TestDeveloper owner = TestDeveloper.signIn();
        Map<String, Object> body = Campaigns.body("description", "Week one");
        String id = Campaigns.create(owner, body);
        String createdUpdatedAt = owner.api().get("/api/v1/campaigns/" + id).path("updated_at");

        String updatedAt = owner.api().body(Map.of("name", "Renamed"))
                .when().patch("/api/v1/campaigns/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Renamed"))
                .body("description", equalTo("Week one"))
                .body("app_name", equalTo("Space Game"))
                .body("expires_at", equalTo(body.get("expires_at")))
                .body("status", equalTo("active"))
                .extract().path("updated_at");
        assertTrue(Instant.parse(updatedAt).isAfter(Instant.parse(createdUpdatedAt)));
    }

    @Test
    void patchWithNullClearsTheOptionalFields() {
        TestDeveloper owner = TestDeveloper.signIn();
        Map<String, Object> body = Campaigns.body("description", "Week one");
        body.put("max_total_claims", 100);
        body.put("starts_at", Instant.now().toString());
        String id = Campaigns.create(owner, body);

        owner.api().body("{\"description\":null,\"max_total_claims\":null,\"starts_at\":null}")
                .when().patch("/api/v1/campaigns/" + id)
                .then().statusCode(200)
                .body("description", nullValue())
                .body("max_total_claims", nullValue())
                .body("starts_at", nullValue());
    }

    @Test
    void patchReplacesTheMetadataAsAWhole() {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = Campaigns.create(owner, Campaigns.body("metadata", Map.of("apple_app_id", "123")));

        owner.api().body(Map.of("metadata", Map.of("discount", "20%")))
                .when().patch("/api/v1/campaigns/" + id)
                .then().statusCode(200)
                .body("metadata.discount", equalTo("20%"))
                .body("metadata", not(hasKey("apple_app_id")));
    }

    @Test
    void deleteRemovesTheCampaign() {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = Campaigns.create(owner);

        owner.api().when().delete("/api/v1/campaigns/" + id)
                .then().statusCode(204);

        owner.api().when().get("/api/v1/campaigns/" + id)
                .then().statusCode(404)
                .contentType("application/problem+json");
        owner.api().when().get("/api/v1/campaigns")
                .then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void deleteOfAnUnknownCampaignIsNotFound() {
        TestDeveloper owner = TestDeveloper.signIn();

        owner.api().when().delete("/api/v1/campaigns/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}
