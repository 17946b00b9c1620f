package io.codedrop.analytics.messaging;

import io.codedrop.common.Topics;
import io.codedrop.common.event.CodeRequestEvent;
import io.codedrop.common.event.CodeStatusEvent;
import io.codedrop.common.event.DomainEvent;
import io.codedrop.common.event.StockEvent;
import io.codedrop.common.serde.EventJson;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads the statistics topics from their beginning up to the ends they had when the replay started,
 * with a consumer of its own (no group: it neither joins nor moves the live consumers' offsets).
 * Kafka's consumer blocks, so every call to it runs on a worker thread, one at a time.
 */
@ApplicationScoped
public class TopicReplay {
    private static final Map<String, Class<? extends DomainEvent>> EVENT_TYPES = Map.of(
            Topics.STOCK, StockEvent.class,
            Topics.CODE_REQUESTS, CodeRequestEvent.class,
            Topics.CODE_STATUS, CodeStatusEvent.class);
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);

    private final String bootstrapServers;

    public TopicReplay(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Batches of events in offset order per partition; completes once every partition reached its end. */
    public Multi<Batch> replay(int batchSize) {
        return Multi.createFrom().<Reader, Batch>resource(() -> new Reader(bootstrapServers, batchSize),
                        reader -> Multi.createBy().repeating()
                                .uni(() -> onWorker(reader::next))
                                .whilst(batch -> !batch.last()))
                .withFinalizer((Reader reader) -> onWorker(reader::close))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static <T> Uni<T> onWorker(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Events read in one poll; {@code records} counts every record of the replayed range, tombstones too. */
    public record Batch(List<DomainEvent> events, int records, boolean last) {
    }

    private static final class Reader {
        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<TopicPartition, Long> ends;

        Reader(String bootstrapServers, int batchSize) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize,
                    ConsumerConfig.CLIENT_ID_CONFIG, "analytics-rebuild"),
                    new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            EVENT_TYPES.keySet().forEach(topic -> consumer.partitionsFor(topic).forEach(
                    info -> partitions.add(new TopicPartition(info.topic(), info.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            ends = consumer.endOffsets(partitions);
        }

        Batch next() {
            if (caughtUp()) {
                return new Batch(List.of(), 0, true);
            }
            List<DomainEvent> events = new ArrayList<>();
            int records = 0;
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL_TIMEOUT)) {
                // what arrived after the replay started is the live consumers' to apply
                if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    continue;
                }
                records++;
                if (record.value() != null) {
                    events.add(EventJson.read(record.value(), EVENT_TYPES.get(record.topic())));
                }
            }
            return new Batch(events, records, caughtUp());
        }

        private boolean caughtUp() {
            return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
        }

        Void close() {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            return null;
        }
    }
}
