package io.codedrop.support.outbox;

import io.codedrop.common.event.DomainEvent;
import io.codedrop.common.serde.EventJson;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Publishes events through the transactional outbox: the message is a row of the caller's transaction,
 * so it exists exactly when the change that caused it commits. {@link OutboxRelay} sends it to Kafka.
 */
@ApplicationScoped
public class Outbox implements PanacheRepository<OutboxMessage> {
    /** Wakes the relay at commit; Postgres folds repeated notifications of one transaction into one. */
    public static final String CHANNEL = "outbox";

    public Uni<Void> publish(String topic, DomainEvent event) {
        return enqueue(new OutboxMessage(topic, event.campaignId().toString(), EventJson.write(event)));
    }

    /** A null value on a compacted topic: the key's record is deleted. */
    public Uni<Void> tombstone(String topic, UUID key) {
        return enqueue(new OutboxMessage(topic, key.toString(), null));
    }

    private Uni<Void> enqueue(OutboxMessage message) {
        return persist(message)
                .chain(() -> getSession())
                .chain(session -> session.createNativeQuery("NOTIFY " + CHANNEL).executeUpdate())
                .replaceWithVoid();
    }
}
