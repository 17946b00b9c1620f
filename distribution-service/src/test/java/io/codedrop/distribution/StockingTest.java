package io.codedrop.distribution;

import io.codedrop.common.Platform;
import io.codedrop.common.Topics;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.common.event.CodeBatchEvent;
import io.codedrop.common.event.CodeRequestEvent;
import io.codedrop.common.event.RequestStatus;
import io.codedrop.common.event.StockCount;
import io.codedrop.common.event.StockEvent;
import io.codedrop.common.event.StockOutcome;
import io.codedrop.testing.CampaignFixtures;
import io.codedrop.testing.EventSerdes;
import io.codedrop.testing.KafkaResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class StockingTest {
    @Inject
    Pool database;

    private ConsumerTask<String, ?> topic;

    @AfterEach
    void closeConsumer() {
        if (topic != null) {
            topic.close();
        }
    }

    @Test
    void aBatchIsStockedAndReportedWithDuplicatesPerPlatform() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        Stocking.stock(campaign.id(), Platform.IOS, List.of("DUP-1"));
        UUID upload = UUID.randomUUID();

        Stocking.send(Stocking.batch(campaign.id(), upload, 0, Platform.IOS, List.of("DUP-1", "NEW-1", "NEW-2"), null));

        StockEvent report = awaitStock(event -> event.uploadId().equals(upload));
        assertEquals(StockOutcome.STOCKED, report.outcome());
        assertEquals(new StockCount(2, 1), report.platforms().get(Platform.IOS));
        Stocking.awaitAvailable(campaign.id(), Platform.IOS, 3);
    }

    @Test
    void aRedeliveredBatchStocksNothingTwice() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        CodeBatchEvent batch = Stocking.batch(campaign.id(), UUID.randomUUID(), 0, Platform.STEAM,
                Stocking.codes("STEAM", 10), null);

        Stocking.send(batch);
        Stocking.send(batch);
        CampaignSnapshot marker = Stocking.campaign(CampaignFixtures.active("owner"));
        Stocking.stock(marker.id(), Platform.STEAM, List.of("MARKER"));

        Stocking.awaitAvailable(campaign.id(), Platform.STEAM, 10);
        assertEquals(10L, scalar("SELECT count(*) FROM promo_codes WHERE campaign_id = $1", campaign.id()));
        assertEquals(1L, scalar("SELECT count(*) FROM stocked_batches WHERE campaign_id = $1", campaign.id()));
    }

    @Test
    void aBatchForAnUnknownCampaignIsReportedRejectedNotLost() {
        UUID unknown = UUID.randomUUID();
        UUID upload = UUID.randomUUID();

        Stocking.send(Stocking.batch(unknown, upload, 0, Platform.WEB, List.of("LOST-1"), null));

        StockEvent report = awaitStock(event -> event.uploadId().equals(upload));
        assertEquals(StockOutcome.REJECTED, report.outcome());
        assertEquals("campaign_unknown", report.reason());
    }

    @Test
    void aBatchForADeletedCampaignIsReportedRejected() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        CampaignFixtures.publishTombstone(campaign.id());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .get("/api/v1/distribute/" + campaign.id()).then().statusCode(404));
        UUID upload = UUID.randomUUID();

        Stocking.send(Stocking.batch(campaign.id(), upload, 0, Platform.WEB, List.of("GONE-1"), null));

        StockEvent report = awaitStock(event -> event.uploadId().equals(upload));
        assertEquals(StockOutcome.REJECTED, report.outcome());
        assertEquals("campaign_deleted", report.reason());
    }

    @Test
    void everyClaimAttemptIsPublishedOnCodeRequests() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        Stocking.stock(campaign.id(), Platform.WEB, List.of("WEB-1"));
        ConsumerTask<String, CodeRequestEvent> requests = KafkaResource.companion()
                .consume(Serdes.String(), EventSerdes.of(CodeRequestEvent.class))
                .fromTopics(Topics.CODE_REQUESTS);
        topic = requests;

        for (String device : List.of("web-a", "web-a", "web-b")) {
            given().contentType(ContentType.JSON).header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64)")
                    .body("{\"device_id\":\"" + device + "\"}")
                    .post("/api/v1/distribute/" + campaign.id());
        }

        List<CodeRequestEvent> events = await().atMost(Duration.ofSeconds(20)).until(() -> requests.getRecords()
                .stream().map(ConsumerRecord::value).filter(e -> e.campaignId().equals(campaign.id())).toList(),
                list -> list.size() == 3);
        assertEquals(List.of(RequestStatus.FULFILLED, RequestStatus.FULFILLED, RequestStatus.NO_CODES_AVAILABLE),
                events.stream().map(CodeRequestEvent::status).toList());
        assertEquals(List.of(true, false, false), events.stream().map(CodeRequestEvent::newClaim).toList());
        assertEquals(Platform.WEB, events.get(0).platform());
    }

    private StockEvent awaitStock(Predicate<StockEvent> wanted) {
        ConsumerTask<String, StockEvent> stock = KafkaResource.companion()
                .consume(Serdes.String(), EventSerdes.of(StockEvent.class))
                .fromTopics(Topics.STOCK);
        topic = stock;
        return await().atMost(Duration.ofSeconds(30)).until(() -> stock.getRecords().stream()
                        .map(ConsumerRecord::value).filter(wanted).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    private long scalar(String sql, UUID campaignId) {
        return database.preparedQuery(sql).execute(Tuple.of(campaignId))
                .await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}
