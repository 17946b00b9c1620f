package io.codedrop.campaign;

import io.codedrop.support.outbox.Outbox;
import io.codedrop.testing.KafkaResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The relay's notified drains start after the ids it already relayed; a row whose transaction took its
 * id before those but committed after them must still reach Kafka.
 */
@QuarkusTest
class OutboxLateCommitTest {
    private static final String TOPIC = "outbox-late-commit-test";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Pool database;

    @Test
    void rowCommittedAfterLaterRowsWereRelayedIsStillSent() {
        String lateKey = "late-" + UUID.randomUUID();
        KafkaResource.companion().topics().createAndWait(TOPIC, 1);
        ConsumerTask<String, byte[]> topic = KafkaResource.companion()
                .consume(Serdes.String(), Serdes.ByteArray()).fromTopics(TOPIC);
        SqlConnection late = database.getConnection().await().atMost(WAIT);
        try {
            late.query("BEGIN").execute().await().atMost(WAIT);
            insert(late, lateKey).await().atMost(WAIT);
            for (int i = 0; i < 3; i++) {
                String key = "early-" + i + "-" + UUID.randomUUID();
                database.withTransaction(connection -> insert(connection, key)
                                .chain(() -> connection.query("NOTIFY " + Outbox.CHANNEL).execute()))
                        .await().atMost(WAIT);
                await().atMost(WAIT).until(() -> outboxRows(key) == 0);
            }
            late.query("NOTIFY " + Outbox.CHANNEL).execute().await().atMost(WAIT);
            late.query("COMMIT").execute().await().atMost(WAIT);

            await().atMost(WAIT).until(() -> topic.getRecords().stream().anyMatch(r -> lateKey.equals(r.key())));
            await().atMost(WAIT).until(() -> outboxRows(lateKey) == 0);
        } finally {
            late.close().await().atMost(WAIT);
            topic.close();
        }
    }

    private static Uni<Void> insert(SqlClient client, String key) {
        return client.preparedQuery("INSERT INTO outbox (topic, message_key, payload, created_at) VALUES ($1, $2, $3, now())")
                .execute(Tuple.of(TOPIC, key, Buffer.buffer("{}")))
                .replaceWithVoid();
    }

    private long outboxRows(String key) {
        return database.preparedQuery("SELECT count(*) FROM outbox WHERE message_key = $1")
                .execute(Tuple.of(key))
                .await().atMost(WAIT)
                .iterator().next().getLong(0);
    }
}
