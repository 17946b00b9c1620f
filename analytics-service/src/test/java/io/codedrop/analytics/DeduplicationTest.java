package io.codedrop.analytics;

import io.codedrop.analytics.aggregation.ProcessedEventsCleanup;
import io.codedrop.analytics.messaging.StatsEventsConsumer;
import io.codedrop.common.Platform;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.common.event.CodeStatusChange;
import io.codedrop.common.event.DomainEvent;
import io.codedrop.common.event.RequestStatus;
import io.codedrop.testing.CampaignFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static io.codedrop.analytics.CampaignStatsTest.stats;
import static io.codedrop.analytics.ScriptedHistory.at;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/** Exactly once in effect: events delivered again, by the producer or by Kafka, change nothing. */
@QuarkusTest
class DeduplicationTest {
    @Inject
    KafkaClientService kafka;
    @Inject
    ProcessedEventsCleanup cleanup;
    @Inject
    Pool database;

    @Test
    void republishedEventsChangeNothing() {
        String owner = "owner-" + UUID.randomUUID();
        CampaignSnapshot campaign = CampaignFixtures.active(owner);
        List<DomainEvent> history = ScriptedHistory.of(campaign.id());
        applyHistory(owner, campaign, history);

        StatsEvents.publish(history);

        expectHistoryAndMarkers(owner, campaign);
    }

    @Test
    void recordsReadAgainChangeNothingEvenOnceTheirIdsAreForgotten() {
        String owner = "owner-" + UUID.randomUUID();
        CampaignSnapshot campaign = CampaignFixtures.active(owner);
        applyHistory(owner, campaign, ScriptedHistory.of(campaign.id()));
        // every id forgotten: only the consumers' positions still tell what was applied
        cleanup.forgetBefore(Instant.now().plusSeconds(1)).await().atMost(Duration.ofSeconds(30));
        assertThat(processedEvents(), equalTo(0L));

        // every topic read again from its first record, as after an offset reset or expired group offsets
        Consumer<org.apache.kafka.clients.consumer.Consumer<String, Object>> rewind =
                consumer -> consumer.seekToBeginning(consumer.assignment());
        for (String channel : List.of(StatsEventsConsumer.STOCK, StatsEventsConsumer.CODE_REQUESTS,
                StatsEventsConsumer.CODE_STATUS)) {
            kafka.<String, Object>getConsumer(channel)
                    .runOnPollingThread(rewind)
                    .await().atMost(Duration.ofSeconds(10));
        }

        expectHistoryAndMarkers(owner, campaign);
    }

    @Test
    void forgettingAppliedEventIdsKeepsTheRecentOnes() {
        List<UUID> old = IntStream.range(0, 25).mapToObj(i -> UUID.randomUUID()).toList();
        UUID recent = UUID.randomUUID();
        old.forEach(eventId -> recordProcessed(eventId, Instant.now().minus(8, ChronoUnit.DAYS)));
        recordProcessed(recent, Instant.now().minus(1, ChronoUnit.HOURS));

        // the test profile forgets 10 ids per statement
        int forgotten = cleanup.forgetBefore(Instant.now().minus(7, ChronoUnit.DAYS))
                .await().atMost(Duration.ofSeconds(20));

        assertThat(forgotten, greaterThanOrEqualTo(old.size()));
        old.forEach(eventId -> assertThat(processed(eventId), equalTo(0L)));
        assertThat(processed(recent), equalTo(1L));
    }

    private static void applyHistory(String owner, CampaignSnapshot campaign, List<DomainEvent> history) {
        CampaignFixtures.publish(campaign);
        StatsEvents.publish(history);
        // the first test of a run waits for the consumers to join their group
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> CampaignStatsTest.expectHistory(
                stats(owner, campaign.id())));
    }

    /**
     * Publishes one new event per topic, on the partitions of the campaign's history: once these
     * count, whatever was delivered again before them was consumed. Then the history must count once.
     */
    private static void expectHistoryAndMarkers(String owner, CampaignSnapshot campaign) {
        StatsEvents.publish(List.of(
                StatsEvents.stock(campaign.id(), at(4, 20), Map.of(Platform.WINDOWS, 1)),
                StatsEvents.rejected(campaign.id(), Platform.IOS, RequestStatus.BLOCKED, at(4, 20)),
                StatsEvents.status(campaign.id(), CodeStatusChange.EXPIRED, at(4, 20), Map.of(Platform.WINDOWS, 1))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> stats(owner, campaign.id())
                .body("platform_breakdown.Windows.total", equalTo(1))
                .body("requests.blocked", greaterThanOrEqualTo(ScriptedHistory.BLOCKED + 1))
                .body("expired_codes", greaterThanOrEqualTo(ScriptedHistory.EXPIRED + 1)));
        stats(owner, campaign.id())
                .body("total_codes", equalTo(ScriptedHistory.TOTAL + 1))
                .body("used_codes", equalTo(ScriptedHistory.USED))
                .body("expired_codes", equalTo(ScriptedHistory.EXPIRED + 1))
                .body("requests.blocked", equalTo(ScriptedHistory.BLOCKED + 1))
                .body("requests.fulfilled", equalTo(ScriptedHistory.FULFILLED))
                .body("requests.no_codes_available", equalTo(ScriptedHistory.NO_CODES_AVAILABLE))
                .body("daily_usage.used", contains(ScriptedHistory.DAILY_USED[0], ScriptedHistory.DAILY_USED[1],
                        ScriptedHistory.DAILY_USED[2], ScriptedHistory.DAILY_USED[3]));
    }

    private void recordProcessed(UUID eventId, Instant at) {
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

    private long processedEvents() {
        return database.query("SELECT count(*) FROM processed_events")
                .execute()
                .await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}
