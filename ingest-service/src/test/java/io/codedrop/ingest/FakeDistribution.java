package io.codedrop.ingest;

import io.codedrop.common.Platform;
import io.codedrop.common.Topics;
import io.codedrop.common.event.BatchCode;
import io.codedrop.common.event.CodeBatchEvent;
import io.codedrop.common.event.StockCount;
import io.codedrop.common.event.StockEvent;
import io.codedrop.testing.EventSerdes;
import io.codedrop.testing.KafkaResource;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;

import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.awaitility.Awaitility.await;

/**
 * Plays distribution-service on the real broker: reads a job's code-batches records and answers with
 * stock events, keeping each campaign's codes so that a code it already has counts as a duplicate.
 */
final class FakeDistribution {
    private static final Map<UUID, Set<String>> CAMPAIGN_CODES = new ConcurrentHashMap<>();

    private FakeDistribution() {
    }

    /** The job's batches in sequence order, once {@code count} of them are on the topic. */
    static List<CodeBatchEvent> batches(UUID uploadId, int count) {
        ConsumerTask<String, CodeBatchEvent> topic = KafkaResource.companion()
                .consume(Serdes.String(), EventSerdes.of(CodeBatchEvent.class))
                .fromTopics(Topics.CODE_BATCHES);
        try {
            return await().atMost(Duration.ofSeconds(30)).until(() -> topic.getRecords().stream()
                    .map(ConsumerRecord::value)
                    .filter(batch -> batch.uploadId().equals(uploadId))
                    .sorted(Comparator.comparingInt(CodeBatchEvent::batchSeq))
                    .toList(), batches -> batches.size() >= count);
        } finally {
            topic.close();
        }
    }

    /** Stocks the batch: codes the campaign has not seen are accepted, the others are duplicates. */
    static StockEvent stock(CodeBatchEvent batch) {
        Set<String> known = CAMPAIGN_CODES.computeIfAbsent(batch.campaignId(), id -> ConcurrentHashMap.newKeySet());
        Map<Platform, int[]> counts = new EnumMap<>(Platform.class);
        for (BatchCode code : batch.codes()) {
            counts.computeIfAbsent(code.platform(), platform -> new int[2])[known.add(code.code()) ? 0 : 1]++;
        }
        Map<Platform, StockCount> platforms = new EnumMap<>(Platform.class);
        counts.forEach((platform, count) -> platforms.put(platform, new StockCount(count[0], count[1])));
        StockEvent event = StockEvent.stocked(batch.campaignId(), batch.uploadId(), batch.batchSeq(), platforms);
        send(event);
        return event;
    }

    /** Gives the campaign codes as if an earlier upload had stocked them. */
    static void alreadyStocked(UUID campaignId, List<String> codes) {
        CAMPAIGN_CODES.computeIfAbsent(campaignId, id -> ConcurrentHashMap.newKeySet()).addAll(codes);
    }

    static void send(StockEvent event) {
        KafkaResource.companion()
                .produce(Serdes.String(), EventSerdes.of(StockEvent.class))
                .fromRecords(new ProducerRecord<>(Topics.STOCK, event.campaignId().toString(), event))
                .awaitCompletion(Duration.ofSeconds(10));
    }
}
