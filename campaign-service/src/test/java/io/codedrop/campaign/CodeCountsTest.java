package io.codedrop.campaign;

import io.codedrop.campaign.messaging.CodeEventsConsumer;
import io.codedrop.campaign.service.CodeCountsService;
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
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Counts kept from distribution's events. Events of one campaign share a partition and are applied in
 * order, so waiting for a later event's effect proves an earlier one (a redelivery) was handled.
 */
@QuarkusTest
class CodeCountsTest {
    @Inject
    Pool database;
    @Inject
    KafkaClientService kafka;
    @Inject
    CodeCountsService counts;

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

    @Test
    void aBatchCountsItsNewClaimsOnly() {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = Campaigns.create(owner);
        CodeRequestEvent last = claim(id, true);

        publishInOneBatch(List.of(claim(id, true), claim(id, false), refused(id, RequestStatus.RATE_LIMITED),
                claim(id, true), refused(id, RequestStatus.NO_CODES_AVAILABLE), claim(id, false), last));

        awaitApplied(last);
        assertEquals(3L, used(id));
    }

    @Test
    void anEventRepeatedInOneBatchCountsOnce() {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = Campaigns.create(owner);
        CodeRequestEvent repeated = claim(id, true);
        CodeRequestEvent last = claim(id, true);

        publishInOneBatch(List.of(repeated, repeated, claim(id, true), repeated, last));

        awaitApplied(last);
        assertEquals(3L, used(id));
    }

    @Test
    void eventsRedeliveredInALaterBatchChangeNothing() {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = Campaigns.create(owner);
        CodeRequestEvent first = claim(id, true);
        CodeRequestEvent second = claim(id, true);
        publishInOneBatch(List.of(first, second));
        awaitApplied(second);

        CodeRequestEvent last = claim(id, true);
        publishInOneBatch(List.of(second, first, last));

        awaitApplied(last);
        assertEquals(3L, used(id));
    }

    @Test
    void oneBatchCountsEachOfItsCampaigns() {
        TestDeveloper owner = TestDeveloper.signIn();
        String first = Campaigns.create(owner);
        String second = Campaigns.create(owner);
        CodeRequestEvent last = claim(first, true);

        publishInOneBatch(List.of(claim(first, true), claim(second, true), claim(second, false), claim(first, true),
                claim(second, true), refused(first, RequestStatus.BLOCKED), claim(second, true), last));

        awaitApplied(last);
        assertEquals(3L, used(first));
        assertEquals(3L, used(second));
    }

    @Test
    void claimsForAnUnknownOrDeletedCampaignInABatchAreSkipped() {
        TestDeveloper owner = TestDeveloper.signIn();
        String live = Campaigns.create(owner);
        String deleted = Campaigns.create(owner);
        owner.api().when().delete("/api/v1/campaigns/" + deleted).then().statusCode(204);
        CodeRequestEvent last = claim(live, true);

        publishInOneBatch(List.of(claim(deleted, true), claim(live, true), claim(UUID.randomUUID().toString(), true),
                last));

        awaitApplied(last);
        assertEquals(2L, used(live));
        owner.api().get("/api/v1/campaigns/" + deleted).then().statusCode(404);
    }

    @Test
    void aBatchWhoseTransactionFailsIsRetriedAndCountedOnce() {
        TestDeveloper owner = TestDeveloper.signIn();
        String id = Campaigns.create(owner);
        String suffix = id.replace("-", "");
        // a sequence is not rolled back with the failing transaction: it counts the failed attempts
        execute("CREATE SEQUENCE failures_" + suffix);
        execute("CREATE FUNCTION fail_" + suffix + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "PERFORM nextval('failures_" + suffix + "'); RAISE EXCEPTION 'counts unavailable'; END $$");
        execute("CREATE TRIGGER fail_" + suffix + " BEFORE UPDATE ON campaigns FOR EACH ROW WHEN (OLD.id = '" + id
                + "') EXECUTE FUNCTION fail_" + suffix + "()");
        CodeRequestEvent last = claim(id, true);
        try {
            publishInOneBatch(List.of(claim(id, true), last));
            await().atMost(Duration.ofSeconds(20)).until(() -> failures(suffix) >= 2);
        } finally {
            execute("DROP TRIGGER fail_" + suffix + " ON campaigns");
        }

        awaitApplied(last);
        assertEquals(2L, used(id));
    }

    @Test
    void forgettingProcessedEventIdsGoesOnChunkAfterChunk() {
        List<UUID> old = IntStream.range(0, 25).mapToObj(i -> UUID.randomUUID()).toList();
        UUID recent = UUID.randomUUID();
        old.forEach(eventId -> insertProcessed(eventId, Instant.now().minus(3, ChronoUnit.DAYS)));
        insertProcessed(recent, Instant.now().minus(1, ChronoUnit.HOURS));

        // the test profile's chunk is 10 rows
        int forgotten = counts.forgetProcessedBefore(Instant.now().minus(2, ChronoUnit.DAYS), 10)
                .await().atMost(Duration.ofSeconds(20));

        assertThat(forgotten, greaterThanOrEqualTo(old.size()));
        old.forEach(eventId -> assertEquals(0L, processed(eventId)));
        assertEquals(1L, processed(recent));
    }

    private static StockEvent stocked(String campaignId, Map<Platform, StockCount> platforms) {
        return StockEvent.stocked(UUID.fromString(campaignId), UUID.randomUUID(), 0, platforms);
    }

    private static CodeRequestEvent claim(String campaignId, boolean newClaim) {
        return CodeRequestEvent.of(UUID.fromString(campaignId), UUID.randomUUID(), Platform.IOS,
                RequestStatus.FULFILLED, UUID.randomUUID(), newClaim, "DE", Instant.now());
    }

    private static CodeRequestEvent refused(String campaignId, RequestStatus status) {
        return CodeRequestEvent.of(UUID.fromString(campaignId), UUID.randomUUID(), Platform.ANDROID, status, null,
                false, "DE", Instant.now());
    }

    /**
     * Publishes while the code-requests consumer is paused, so that its next poll takes all the
     * records at once. All are keyed like the first event: one partition, applied in this order.
     */
    private void publishInOneBatch(List<CodeRequestEvent> events) {
        String key = events.get(0).campaignId().toString();
        KafkaConsumer<String, CodeRequestEvent> consumer = kafka.getConsumer(CodeEventsConsumer.CODE_REQUESTS);
        consumer.pause().await().atMost(Duration.ofSeconds(10));
        try {
            KafkaResource.companion()
                    .produce(Serdes.String(), EventSerdes.of(DomainEvent.class))
                    .fromRecords(events.stream()
                            .map(event -> new ProducerRecord<String, DomainEvent>(Topics.CODE_REQUESTS, key, event))
                            .toList())
                    .awaitCompletion(Duration.ofSeconds(10));
        } finally {
            consumer.resume().await().atMost(Duration.ofSeconds(10));
        }
    }

    /** Once an event's id is recorded, every event before it on its partition has been handled too. */
    private void awaitApplied(DomainEvent event) {
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(event.eventId()) == 1);
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

    private long used(String campaignId) {
        return database.preparedQuery("SELECT used_codes FROM campaigns WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(campaignId)))
                .await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private long failures(String suffix) {
        return database.query("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM failures_" + suffix)
                .execute()
                .await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private void execute(String sql) {
        database.query(sql).execute().await().atMost(Duration.ofSeconds(10));
    }

    private long processed(UUID eventId) {
        return database.preparedQuery("SELECT count(*) FROM processed_events WHERE event_id = $1")
                .execute(Tuple.of(eventId))
                .await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}
