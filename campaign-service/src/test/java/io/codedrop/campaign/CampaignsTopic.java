package io.codedrop.campaign;

import io.codedrop.common.Topics;
import io.codedrop.common.event.CampaignEvent;
import io.codedrop.testing.EventSerdes;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Reads the compacted campaigns topic from its beginning, as another service's read model would. */
final class CampaignsTopic {
    private CampaignsTopic() {
    }

    /** Waits until the topic's records satisfy {@code done}, and returns them. */
    static List<ConsumerRecord<String, CampaignEvent>> awaitAll(
            KafkaCompanion kafka, Predicate<List<ConsumerRecord<String, CampaignEvent>>> done) {
        ConsumerTask<String, CampaignEvent> topic = kafka
                .consume(Serdes.String(), EventSerdes.of(CampaignEvent.class))
                .fromTopics(Topics.CAMPAIGNS);
        try {
            return await().atMost(Duration.ofSeconds(30)).until(topic::getRecords, done);
        } finally {
            topic.close();
        }
    }

    /**
     * Waits until the records published for {@code key} (values in order, null for a tombstone)
     * satisfy {@code done}, and returns them.
     */
    static List<CampaignEvent> awaitRecords(KafkaCompanion kafka, String key, Predicate<List<CampaignEvent>> done) {
        return values(awaitAll(kafka, records -> done.test(values(records, key))), key);
    }

    /** Any record for the key whose snapshot matches. */
    static Predicate<List<CampaignEvent>> snapshot(Predicate<CampaignEvent> matching) {
        return events -> events.stream().anyMatch(event -> event != null && matching.test(event));
    }

    private static List<CampaignEvent> values(List<ConsumerRecord<String, CampaignEvent>> records, String key) {
        return records.stream()
                .filter(record -> key.equals(record.key()))
                .map(ConsumerRecord::value)
                .toList();
    }
}
