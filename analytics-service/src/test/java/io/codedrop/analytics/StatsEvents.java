package io.codedrop.analytics;

import io.codedrop.common.Platform;
import io.codedrop.common.Topics;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.common.event.CampaignStatus;
import io.codedrop.common.event.CodeRequestEvent;
import io.codedrop.common.event.CodeStatusChange;
import io.codedrop.common.event.CodeStatusEvent;
import io.codedrop.common.event.DomainEvent;
import io.codedrop.common.event.RequestStatus;
import io.codedrop.common.event.StockCount;
import io.codedrop.common.event.StockEvent;
import io.codedrop.common.event.StockOutcome;
import io.codedrop.testing.EventSerdes;
import io.codedrop.testing.KafkaResource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Events as distribution publishes them, at chosen times, and a way to put them on their topics. */
final class StatsEvents {
    private StatsEvents() {
    }

    static StockEvent stock(UUID campaignId, Instant at, Map<Platform, Integer> accepted) {
        Map<Platform, StockCount> platforms = new HashMap<>();
        accepted.forEach((platform, count) -> platforms.put(platform, new StockCount(count, 0)));
        return new StockEvent(UUID.randomUUID(), StockEvent.TYPE, 1, at, campaignId, UUID.randomUUID(), 0,
                StockOutcome.STOCKED, null, platforms);
    }

    /** A claim that took a new code. */
    static CodeRequestEvent claim(UUID campaignId, Platform platform, Instant at) {
        return request(campaignId, platform, RequestStatus.FULFILLED, true, at);
    }

    /** A repeated claim that returned the user's code again. */
    static CodeRequestEvent retry(UUID campaignId, Platform platform, Instant at) {
        return request(campaignId, platform, RequestStatus.FULFILLED, false, at);
    }

    static CodeRequestEvent rejected(UUID campaignId, Platform platform, RequestStatus status, Instant at) {
        return request(campaignId, platform, status, false, at);
    }

    static CodeRequestEvent request(UUID campaignId, Platform platform, RequestStatus status, boolean newClaim,
                                    Instant at) {
        UUID codeId = status == RequestStatus.FULFILLED ? UUID.randomUUID() : null;
        return new CodeRequestEvent(UUID.randomUUID(), CodeRequestEvent.TYPE, 1, at, campaignId, UUID.randomUUID(),
                platform, status, codeId, newClaim, "DE", at);
    }

    static CodeStatusEvent status(UUID campaignId, CodeStatusChange change, Instant at, Map<Platform, Integer> counts) {
        return new CodeStatusEvent(UUID.randomUUID(), CodeStatusEvent.TYPE, 1, at, campaignId, change, counts);
    }

    /** A campaign readable by its owner and the given team members. */
    static CampaignSnapshot campaign(String owner, Set<String> teamReaders) {
        Instant now = Instant.now();
        Set<String> readers = new HashSet<>(teamReaders);
        readers.add(owner);
        return new CampaignSnapshot(UUID.randomUUID(), "Launch " + UUID.randomUUID(), "test campaign", "Space Game",
                CampaignStatus.ACTIVE, null, now.plus(Duration.ofDays(30)), 1, null, Map.of(),
                owner, null, Set.of(owner), readers, now, now);
    }

    /** Publishes the events in one go, each keyed by its campaign: one campaign's events keep their order. */
    static void publish(List<? extends DomainEvent> events) {
        KafkaResource.companion()
                .produce(Serdes.String(), EventSerdes.of(Object.class))
                .fromRecords(events.stream()
                        .map(event -> new ProducerRecord<String, Object>(topic(event), event.campaignId().toString(), event))
                        .toList())
                .awaitCompletion(Duration.ofSeconds(20));
    }

    static void publish(DomainEvent event) {
        publish(List.of(event));
    }

    private static String topic(DomainEvent event) {
        if (event instanceof StockEvent) {
            return Topics.STOCK;
        }
        if (event instanceof CodeRequestEvent) {
            return Topics.CODE_REQUESTS;
        }
        return Topics.CODE_STATUS;
    }
}
