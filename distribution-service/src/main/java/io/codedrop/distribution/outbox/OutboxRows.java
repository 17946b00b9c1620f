package io.codedrop.distribution.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * Writes events into the outbox table on a raw SQL connection, many in one statement, for the hot
 * paths that do not use Hibernate; service-support's relay sends them like any other outbox row. A
 * trigger on the table wakes the relay at commit (V8).
 */
@ApplicationScoped
public class OutboxRows {
    private static final String ENQUEUE = insert(1, 2, 3);

    public Uni<Void> enqueue(SqlConnection connection, String topic, UUID key, List<byte[]> events) {
        return connection.preparedQuery(ENQUEUE)
                .execute(Tuple.of(topic, key.toString(), payloads(events)))
                .replaceWithVoid();
    }

    /**
     * The insert of {@link #enqueue} with its parameters at the given positions, for a statement that
     * writes its events beside other rows (as a data-modifying CTE): topic, message key, payloads in order.
     */
    public static String insert(int topic, int key, int payloads) {
        return """
                INSERT INTO outbox (topic, message_key, payload, created_at)
                SELECT $%d, $%d, payload, now() FROM unnest($%d::bytea[]) WITH ORDINALITY AS e(payload, n) ORDER BY n"""
                .formatted(topic, key, payloads);
    }

    public static Buffer[] payloads(List<byte[]> events) {
        return events.stream().map(Buffer::buffer).toArray(Buffer[]::new);
    }
}
