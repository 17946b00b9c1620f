package io.codedrop.ingest;

import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.testing.CampaignFixtures;
import io.codedrop.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class UploadHistoryTest {
    @Inject
    Pool database;

    @Test
    void ownerSeesTheCampaignsUploadsNewestFirst() {
        String owner = "owner-" + UUID.randomUUID();
        CampaignSnapshot campaign = publishedCampaign(owner);
        UUID older = insertUpload(campaign.id(), owner, OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));
        UUID newer = insertUpload(campaign.id(), owner, OffsetDateTime.now(ZoneOffset.UTC));

        given().auth().oauth2(Tokens.forDeveloper(owner, owner + "@example.com"))
                .queryParam("campaign_id", campaign.id())
                .when().get("/api/v1/uploads")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("page", equalTo(0))
                .body("size", equalTo(50))
                .body("items.upload_id", contains(newer.toString(), older.toString()))
                .body("items[0].status", equalTo("completed"));
    }

    @Test
    void anotherDevelopersCampaignAnswersNotFound() {
        CampaignSnapshot campaign = publishedCampaign("owner-" + UUID.randomUUID());

        given().auth().oauth2(Tokens.forDeveloper("stranger", "stranger@example.com"))
                .queryParam("campaign_id", campaign.id())
                .when().get("/api/v1/uploads")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void missingCampaignIdIsAValidationProblem() {
        given().auth().oauth2(Tokens.forDeveloper("someone", "someone@example.com"))
                .when().get("/api/v1/uploads")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("campaign_id"));
    }

    @Test
    void historyNeedsAToken() {
        given().queryParam("campaign_id", UUID.randomUUID())
                .when().get("/api/v1/uploads")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    private CampaignSnapshot publishedCampaign(String owner) {
        CampaignSnapshot campaign = CampaignFixtures.active(owner);
        CampaignFixtures.publish(campaign);
        String token = Tokens.forDeveloper(owner, owner + "@example.com");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(token)
                .queryParam("campaign_id", campaign.id())
                .get("/api/v1/uploads")
                .then().statusCode(200)
                .body("items", hasSize(0)));
        return campaign;
    }

    private UUID insertUpload(UUID campaignId, String owner, OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        database.preparedQuery("""
                        INSERT INTO uploads (id, campaign_id, developer_subject, kind, status, rows_total, accepted,
                                             created_at, updated_at)
                        VALUES ($1, $2, $3, 'upload', 'COMPLETED', 10, 10, $4, $4)""")
                .execute(Tuple.of(id, campaignId, owner, at))
                .await().atMost(Duration.ofSeconds(5));
        return id;
    }
}
