package io.codedrop.distribution;

import io.codedrop.common.Topics;
import io.codedrop.common.event.CodeStatusEvent;
import io.codedrop.testing.EventSerdes;
import io.codedrop.testing.KafkaResource;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** The code-status topic as analytics and campaign-service read it, from its start. */
final class CodeStatusTopic implements AutoCloseable {
    private final ConsumerTask<String, CodeStatusEvent> records = KafkaResource.companion()
            .consume(Serdes.String(), EventSerdes.of(CodeStatusEvent.class))
            .fromTopics(Topics.CODE_STATUS);

    /** The campaign's events, once there is at least one. */
    List<CodeStatusEvent> awaitEvents(UUID campaignId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> records.getRecords().stream()
                .map(ConsumerRecord::value).filter(event -> event.campaignId().equals(campaignId)).toList(),
                events -> !events.isEmpty());
    }

    @Override
    public void close() {
        records.close();
    }
}
