package io.codedrop.analytics.messaging;

import io.codedrop.analytics.aggregation.StatsMetrics;
import io.codedrop.analytics.aggregation.StatsUpdater;
import io.codedrop.analytics.domain.StatsBatch;
import io.codedrop.common.Topics;
import io.codedrop.common.event.CodeRequestEvent;
import io.codedrop.common.event.CodeStatusEvent;
import io.codedrop.common.event.DomainEvent;
import io.codedrop.common.event.StockEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes what distribution reports a poll at a time: each poll's records are one statement (so a
 * burst costs one round trip per poll, not one transaction per event) and one change signal to every
 * replica for the campaigns they touched. Records come with their offsets, which the statement keeps
 * as the consumer's positions.
 */
@ApplicationScoped
public class StatsEventsConsumer {
    public static final String STOCK = "stock-in";
    public static final String CODE_REQUESTS = "code-requests-in";
    public static final String CODE_STATUS = "code-status-in";

    private final StatsUpdater updater;
    private final StatsMetrics metrics;
    private final ChangeSignals signals;

    public StatsEventsConsumer(StatsUpdater updater, StatsMetrics metrics, ChangeSignals signals) {
        this.updater = updater;
        this.metrics = metrics;
        this.signals = signals;
    }

    @Incoming(STOCK)
    public Uni<Void> stock(ConsumerRecords<String, StockEvent> records) {
        return consume(Topics.STOCK, records);
    }

    @Incoming(CODE_REQUESTS)
    public Uni<Void> codeRequests(ConsumerRecords<String, CodeRequestEvent> records) {
        return consume(Topics.CODE_REQUESTS, records);
    }

    @Incoming(CODE_STATUS)
    public Uni<Void> codeStatus(ConsumerRecords<String, CodeStatusEvent> records) {
        return consume(Topics.CODE_STATUS, records);
    }

    private <E extends DomainEvent> Uni<Void> consume(String topic, ConsumerRecords<String, E> records) {
        StatsBatch batch = StatsBatch.from(topic);
        for (ConsumerRecord<String, E> record : records) {
            batch.add(record.value(), record.partition(), record.offset());
        }
        return updater.apply(batch)
                .invoke(applied -> metrics.applied(topic, applied))
                .call(applied -> signals.publish(applied.campaigns()))
                .replaceWithVoid();
    }
}
