package io.codedrop.campaign;

import io.codedrop.common.event.CampaignEvent;
import io.codedrop.common.event.CampaignStatus;
import io.codedrop.testing.KafkaResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Campaign snapshots on the compacted campaigns topic, written through the transactional outbox. */
@QuarkusTest
class CampaignPublishingTest {
    @Inject
    Pool database;

    @Test
    void createdCampaignReachesTheCampaignsTopicThroughTheOutbox() {
        TestDeveloper owner = TestDeveloper.signIn();
        Map<String, Object> body = Campaigns.body("metadata", Map.of("apple_app_id", "123"));

        var created = owner.api().body(body)
                .when().post("/api/v1/campaigns")
                .then().statusCode(201)
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/campaigns/" + id));

        CampaignEvent event = CampaignsTopic.awaitRecords(KafkaResource.companion(), id, events -> !events.isEmpty())
                .get(0);
        assertEquals(body.get("name"), event.campaign().name());
        assertEquals("123", event.campaign().metadata().get("apple_app_id"));
        assertEquals(owner.subject(), event.campaign().ownerSubject());
        assertEquals(Set.of(owner.subject()), event.campaign().managers());
        assertEquals(Set.of(owner.subject()), event.campaign().readers());
    }

    @Test
    void changePublishesANewerSnapshot() {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = Campaigns.create(owner);

        Campaigns.changeStatus(owner, id, "paused");

        List<CampaignEvent> events = CampaignsTopic.awaitRecords(KafkaResource.companion(), id,
                CampaignsTopic.snapshot(event -> event.campaign().status() == CampaignStatus.PAUSED));
        assertEquals(2, events.size());
        assertTrue(events.get(1).campaign().updatedAt().isAfter(events.get(0).campaign().updatedAt()));
    }

    @Test
    void deletePublishesATombstone() {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = Campaigns.create(owner);

        owner.api().delete("/api/v1/campaigns/" + id).then().statusCode(204);

        List<CampaignEvent> events = CampaignsTopic.awaitRecords(KafkaResource.companion(), id,
                records -> records.size() == 2);
        assertNull(events.get(1));
    }

    @Test
    void teamCampaignSnapshotNamesWhoManagesAndWhoReads() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper member = TestDeveloper.signIn();
        TestDeveloper viewer = TestDeveloper.signIn();
        String teamId = Teams.withMember(owner, member, "member");
        Teams.add(owner, teamId, viewer, "viewer");

        String id = Campaigns.createInTeam(member, teamId);

        CampaignEvent event = CampaignsTopic.awaitRecords(KafkaResource.companion(), id, events -> !events.isEmpty())
                .get(0);
        assertEquals(UUID.fromString(teamId), event.campaign().teamId());
        assertEquals(member.subject(), event.campaign().ownerSubject());
        assertEquals(Set.of(owner.subject(), member.subject()), event.campaign().managers());
        assertEquals(Set.of(owner.subject(), member.subject(), viewer.subject()), event.campaign().readers());
    }

    @Test
    void membershipChangeRepublishesTheTeamsCampaignsWithTheNewRights() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper viewer = TestDeveloper.signIn();
        String teamId = Teams.create(owner);
        String id = Campaigns.createInTeam(owner, teamId);

        Teams.add(owner, teamId, viewer, "viewer");

        List<CampaignEvent> events = CampaignsTopic.awaitRecords(KafkaResource.companion(), id,
                CampaignsTopic.snapshot(event -> event.campaign().readers().contains(viewer.subject())));
        CampaignEvent republished = events.get(events.size() - 1);
        assertEquals(Set.of(owner.subject()), republished.campaign().managers());
        assertTrue(republished.campaign().updatedAt().isAfter(events.get(0).campaign().updatedAt()));
    }

    @Test
    void roleChangeThatKeepsCampaignRightsPublishesNothing() {
        TestDeveloper owner = TestDeveloper.signIn();
        TestDeveloper colleague = TestDeveloper.signIn();
        TestDeveloper viewer = TestDeveloper.signIn();
        String teamId = Teams.withMember(owner, colleague, "member");
        String id = Campaigns.createInTeam(owner, teamId);

        owner.api().body(Map.of("email", colleague.email(), "role", "admin"))
                .post("/api/v1/teams/" + teamId + "/members").then().statusCode(200);
        Teams.add(owner, teamId, viewer, "viewer");

        // the outbox relays in commit order, so once the viewer's snapshot is there an earlier one would be too
        List<CampaignEvent> events = CampaignsTopic.awaitRecords(KafkaResource.companion(), id,
                CampaignsTopic.snapshot(event -> event.campaign().readers().contains(viewer.subject())));
        assertEquals(2, events.size());
    }

    @Test
    void changeRolledBackAfterTheOutboxWritePublishesNothing() {
        TestDeveloper owner = TestDeveloper.signIn();
        String rejected = "Rejected at commit " + UUID.randomUUID();
        String suffix = UUID.randomUUID().toString().replace("-", "");
        // a deferred constraint is checked at COMMIT, after the service has written the campaign and its outbox row
        sql("CREATE FUNCTION reject_" + suffix + "() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'campaign refused at commit'; END $$");
        sql("CREATE CONSTRAINT TRIGGER reject_" + suffix + " AFTER INSERT ON campaigns DEFERRABLE INITIALLY DEFERRED"
                + " FOR EACH ROW WHEN (NEW.name = '" + rejected + "') EXECUTE FUNCTION reject_" + suffix + "()");
        try {
            owner.api().body(Campaigns.body("name", rejected))
                    .when().post("/api/v1/campaigns")
                    .then().statusCode(500)
                    .contentType("application/problem+json");
        } finally {
            sql("DROP TRIGGER reject_" + suffix + " ON campaigns");
            sql("DROP FUNCTION reject_" + suffix + "()");
        }
        String marker = Campaigns.create(owner);

        // the outbox relays in commit order: had the refused campaign been published, it would precede the marker
        List<ConsumerRecord<String, CampaignEvent>> records = CampaignsTopic.awaitAll(KafkaResource.companion(),
                all -> all.stream().anyMatch(record -> marker.equals(record.key())));
        assertTrue(records.stream().noneMatch(record -> record.value() != null
                && rejected.equals(record.value().campaign().name())));
        assertEquals(0L, count("SELECT count(*) FROM campaigns WHERE name = '" + rejected + "'"));
        owner.api().get("/api/v1/campaigns").then().body("total", equalTo(1));
    }

    private void sql(String statement) {
        database.query(statement).execute().await().atMost(Duration.ofSeconds(10));
    }

    private long count(String query) {
        return database.query(query).execute().await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}
