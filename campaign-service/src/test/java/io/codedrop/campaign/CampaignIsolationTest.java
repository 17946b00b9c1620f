package io.codedrop.campaign;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Another developer's campaign does not exist for the caller: 404 on every verb, absent from lists. */
@QuarkusTest
class CampaignIsolationTest {
    @Test
    void anotherDevelopersCampaignIsNotFound() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper stranger = TestDeveloper.signIn();
        String id = Campaigns.create(owner);

        stranger.api().when().get("/api/v1/campaigns/" + id)
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anotherDevelopersCampaignCannotBeChanged() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper stranger = TestDeveloper.signIn();
        String id = Campaigns.create(owner);

        stranger.api().body(Map.of("name", "Hijacked", "status", "paused"))
                .when().patch("/api/v1/campaigns/" + id)
                .then().statusCode(404);

        owner.api().when().get("/api/v1/campaigns/" + id)
                .then().statusCode(200)
                .body("status", equalTo("active"));
    }

    @Test
    void anotherDevelopersCampaignCannotBeDeleted() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper stranger = TestDeveloper.signIn();
        String id = Campaigns.create(owner);

        stranger.api().when().delete("/api/v1/campaigns/" + id)
                .then().statusCode(404);

        owner.api().when().get("/api/v1/campaigns/" + id)
                .then().statusCode(200);
    }

    @Test
    void listsNeverIncludeAnotherDevelopersCampaigns() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper other = TestDeveloper.signIn();
        String own = Campaigns.create(owner);
        Campaigns.create(other);

        owner.api().when().get("/api/v1/campaigns")
                .then().statusCode(200)
                .body("items.id", contains(own))
                .body("total", equalTo(1));
    }

    @Test
    void notFoundSaysNothingMoreForAForeignCampaignThanForAMissingOne() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper stranger = TestDeveloper.signIn();
        String id = Campaigns.create(owner);

        String foreign = stranger.api().get("/api/v1/campaigns/" + id).then().statusCode(404)
                .extract().path("title");
        String missing = stranger.api().get("/api/v1/campaigns/" + UUID.randomUUID()).then().statusCode(404)
                .extract().path("title");
        assertEquals(missing, foreign);
    }
}
