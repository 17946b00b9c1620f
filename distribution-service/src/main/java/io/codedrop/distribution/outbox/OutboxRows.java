package io.codedrop.distribution.outbox;

import io.codedrop.support.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * Writes events into the outbox table on a raw SQL connection, many in one statement, for the hot
 * paths that do not use Hibernate; service-support's relay sends them like any other outbox row.
 */
@ApplicationScoped
public class OutboxRows {
    private static final String ENQUEUE = """
            INSERT INTO outbox (topic, message_key, payload, created_at)
            SELECT $1, $2, payload, now() FROM unnest($3::bytea[]) WITH ORDINALITY AS e(payload, n) ORDER BY n""";
    /** Wakes the relay at commit, on the channel it listens on. */
    private static final String NOTIFY_RELAY = "SELECT pg_notify('" + Outbox.CHANNEL + "', '')";

    public Uni<Void> enqueue(SqlConnection connection, String topic, UUID key, List<byte[]> events) {
        Buffer[] payloads = events.stream().map(Buffer::buffer).toArray(Buffer[]::new);
        Uni<Void> rows = connection.preparedQuery(ENQUEUE)
                .execute(Tuple.of(topic, key.toString(), payloads))
                .replaceWithVoid();
        Uni<Void> notify = connection.query(NOTIFY_RELAY).execute().replaceWithVoid();
        return Uni.combine().all().unis(rows, notify).discardItems();
    }
}
