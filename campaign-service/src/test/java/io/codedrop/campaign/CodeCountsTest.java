package io.codedrop.campaign;

import io.codedrop.common.Platform;
import io.codedrop.common.Topics;
import io.codedrop.common.event.CodeRequestEvent;
import io.codedrop.common.event.CodeStatusChange;
import io.codedrop.common.event.CodeStatusEvent;
import io.codedrop.common.event.DomainEvent;
import io.codedrop.common.event.RequestStatus;
import io.codedrop.common.event.StockCount;
import io.codedrop.common.event.StockEvent;
import io.codedrop.testing.EventSerdes;
import io.codedrop.testing.KafkaResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Counts kept from distribution's events. Events of one campaign share a partition and are applied in
 * order, so waiting for a later event's effect proves an earlier one (a redelivery) was handled.
 */
@QuarkusTest
class CodeCountsTest {
    @Inject
    Pool database;

    @Test
    void stockedCodesJoinTheTotal() {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = Campaigns.create(owner);

        publish(Topics.STOCK, stocked(id, Map.of(Platform.IOS, new StockCount(600, 10),
                Platform.ANDROID, new StockCount(400, 0))));

        awaitCampaign(owner, id, "total_codes", equalTo(1000));
        owner.api().get("/api/v1/campaigns/" + id).then()
                .body("remaining_codes", equalTo(1000))
                .body("used_codes", equalTo(0));
    }

    @Test
    void redeliveredStockEventChangesNothing() {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = Campaigns.create(owner);
        StockEvent first = stocked(id, Map.of(Platform.STEAM, new StockCount(600, 0)));

        publish(Topics.STOCK, first);
        publish(Topics.STOCK, first);
        publish(Topics.STOCK, stocked(id, Map.of(Platform.STEAM, new StockCount(50, 0))));

        awaitCampaign(owner, id, "total_codes", equalTo(650));
    }

    @Test
    void rejectedBatchAddsNothing() {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = Campaigns.create(owner);

        publish(Topics.STOCK, StockEvent.rejected(UUID.fromString(id), UUID.randomUUID(), 0, "campaign unknown"));
        publish(Topics.STOCK, stocked(id, Map.of(Platform.WEB, new StockCount(5, 0))));

        awaitCampaign(owner, id, "total_codes", equalTo(5));
    }

    @Test
    void newClaimsCountAsUsed() {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = Campaigns.create(owner);
        publish(Topics.STOCK, stocked(id, Map.of(Platform.IOS, new StockCount(8, 0))));

        publish(Topics.CODE_REQUESTS, claim(id, true));
        publish(Topics.CODE_REQUESTS, claim(id, true));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> owner.api().get("/api/v1/campaigns/" + id).then()
                .body("total_codes", equalTo(8))
                .body("used_codes", equalTo(2))
                .body("remaining_codes", equalTo(6))
                .body("usage_percentage", equalTo(25.0f)));
    }

    @Test
    void retriesAndRefusedAttemptsAreNotCounted() {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = Campaigns.create(owner);

        publish(Topics.CODE_REQUESTS, claim(id, false));
        publish(Topics.CODE_REQUESTS, CodeRequestEvent.of(UUID.fromString(id), UUID.randomUUID(), Platform.IOS,
                RequestStatus.RATE_LIMITED, null, false, "DE", Instant.now()));
        publish(Topics.CODE_REQUESTS, claim(id, true));

        awaitCampaign(owner, id, "used_codes", equalTo(1));
    }

    @Test
    void redeliveredClaimChangesNothing() {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = Campaigns.create(owner);
        CodeRequestEvent claim = claim(id, true);

        publish(Topics.CODE_REQUESTS, claim);
        publish(Topics.CODE_REQUESTS, claim);
        publish(Topics.CODE_REQUESTS, claim(id, true));

        awaitCampaign(owner, id, "used_codes", equalTo(2));
    }

    @Test
    void withdrawnCodesLeaveTheTotal() {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = Campaigns.create(owner);
        publish(Topics.STOCK, stocked(id, Map.of(Platform.ANDROID, new StockCount(10, 0))));
        CodeStatusEvent withdrawn = CodeStatusEvent.of(UUID.fromString(id), CodeStatusChange.WITHDRAWN,
                Map.of(Platform.ANDROID, 3));

        publish(Topics.CODE_STATUS, withdrawn);
        publish(Topics.CODE_STATUS, withdrawn);
        publish(Topics.CODE_STATUS, CodeStatusEvent.of(UUID.fromString(id), CodeStatusChange.REDEEMED,
                Map.of(Platform.ANDROID, 1)));
        publish(Topics.CODE_STATUS, CodeStatusEvent.of(UUID.fromString(id), CodeStatusChange.WITHDRAWN,
                Map.of(Platform.ANDROID, 1)));

        awaitCampaign(owner, id, "total_codes", equalTo(6));
        owner.api().get("/api/v1/campaigns/" + id).then().body("remaining_codes", equalTo(6));
    }

    @Test
    void expiredCodesStayInTheTotalButLeaveTheRemaining() {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = Campaigns.create(owner);
        publish(Topics.STOCK, stocked(id, Map.of(Platform.IOS, new StockCount(10, 0))));
        publish(Topics.CODE_REQUESTS, claim(id, true));

        publish(Topics.CODE_STATUS, CodeStatusEvent.of(UUID.fromString(id), CodeStatusChange.EXPIRED,
                Map.of(Platform.IOS, 4)));

        // three topics, three consumers: wait until all of them have caught up
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> owner.api().get("/api/v1/campaigns/" + id).then()
                .body("total_codes", equalTo(10))
                .body("used_codes", equalTo(1))
                .body("expired_codes", equalTo(4))
                .body("remaining_codes", equalTo(5))
                .body("usage_percentage", equalTo(10.0f)));
    }

    @Test
    void eventsForAnUnknownCampaignAreSkipped() {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = Campaigns.create(owner);

        // keyed like the known campaign, so it lands on the same partition and is consumed first
        publish(Topics.STOCK, id, stocked(UUID.randomUUID().toString(), Map.of(Platform.IOS, new StockCount(7, 0))));
        publish(Topics.STOCK, stocked(id, Map.of(Platform.IOS, new StockCount(3, 0))));

        awaitCampaign(owner, id, "total_codes", equalTo(3));
    }

    @Test
    void processedEventIdsAreForgottenAfterTheRetention() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        insertProcessed(old, Instant.now().minus(8, ChronoUnit.DAYS));
        insertProcessed(recent, Instant.now().minus(1, ChronoUnit.DAYS));

        await().atMost(Duration.ofSeconds(20)).until(() -> processed(old) == 0);
        assertEquals(1L, processed(recent));
    }

    private static StockEvent stocked(String campaignId, Map<Platform, StockCount> platforms) {
        return StockEvent.stocked(UUID.fromString(campaignId), UUID.randomUUID(), 0, platforms);
    }

    private static CodeRequestEvent claim(String campaignId, boolean newClaim) {
        return CodeRequestEvent.of(UUID.fromString(campaignId), UUID.randomUUID(), Platform.IOS,
                RequestStatus.FULFILLED, UUID.randomUUID(), newClaim, "DE", Instant.now());
    }

    private static void publish(String topic, DomainEvent event) {
        publish(topic, event.campaignId().toString(), event);
    }

    private static void publish(String topic, String key, DomainEvent event) {
        KafkaResource.companion()
                .produce(Serdes.String(), EventSerdes.of(DomainEvent.class))
                .fromRecords(new ProducerRecord<>(topic, key, event))
                .awaitCompletion(Duration.ofSeconds(10));
    }

    private static void awaitCampaign(TestDeveloper owner, String id, String field, Matcher<?> matcher) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> owner.api().get("/api/v1/campaigns/" + id)
                .then().statusCode(200)
                .body(field, matcher));
    }

    private void insertProcessed(UUID eventId, Instant at) {
        database.preparedQuery("INSERT INTO processed_events (event_id, processed_at) VALUES ($1, $2)")
                .execute(Tuple.of(eventId, at.atOffset(ZoneOffset.UTC)))
                .await().atMost(Duration.ofSeconds(10));
    }

    private long processed(UUID eventId) {
        return database.preparedQuery("SELECT count(*) FROM processed_events WHERE event_id = $1")
                .execute(Tuple.of(eventId))
                .await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}
