package io.codedrop.campaign;

import io.codedrop.common.event.CampaignStatus;
import io.codedrop.testing.KafkaResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CampaignExpiryTest {
    @Test
    void campaignPastItsExpiryBecomesExpiredAndIsPublished() {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = Campaigns.create(owner, Campaigns.body("expires_at", Instant.now().plusSeconds(2).toString()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> owner.api().get("/api/v1/campaigns/" + id)
                .then().statusCode(200)
                .body("status", equalTo("expired")));
        CampaignsTopic.awaitRecords(KafkaResource.companion(), id,
                CampaignsTopic.snapshot(event -> event.campaign().status() == CampaignStatus.EXPIRED));
    }

    @Test
    void completedCampaignStaysCompletedAfterItsExpiry() {
        TestDeveloper owner = TestDeveloper.signIn();
        String expiry = Instant.now().plusSeconds(2).toString();
        String completed = Campaigns.create(owner, Campaigns.body("expires_at", expiry));
        Campaigns.changeStatus(owner, completed, "completed");
        String marker = Campaigns.create(owner, Campaigns.body("expires_at", expiry));

        // the run that expired the marker also found the completed campaign past its expiry
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> owner.api().get("/api/v1/campaigns/" + marker)
                .then().body("status", equalTo("expired")));
        owner.api().get("/api/v1/campaigns/" + completed)
                .then().statusCode(200)
                .body("status", equalTo("completed"));
    }
}
