package io.codedrop.campaign.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** Ids of the events already applied to the counts, written in the transaction that applies them. */
@ApplicationScoped
public class ProcessedEventRepository {
    /** In id order, so two transactions recording the same ids (a redelivery to two replicas) cannot deadlock. */
    private static final String RECORD = """
            INSERT INTO processed_events (event_id)
            SELECT id FROM unnest($1::uuid[]) AS ids(id) ORDER BY id
            ON CONFLICT DO NOTHING
            RETURNING event_id""";
    /** A bounded chunk, so forgetting a busy hour's ids never holds one long transaction. */
    private static final String FORGET = """
            DELETE FROM processed_events WHERE event_id IN (
                SELECT event_id FROM processed_events WHERE processed_at < $1 LIMIT $2)""";

    private final Pool pool;

    public ProcessedEventRepository(Pool pool) {
        this.pool = pool;
    }

    /** Records the ids and answers those not recorded before; the others are redeliveries. */
    public Uni<Set<UUID>> recordNew(SqlConnection connection, Collection<UUID> eventIds) {
        return connection.preparedQuery(RECORD)
                .execute(Tuple.of(eventIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Set<UUID> fresh = new HashSet<>();
                    rows.forEach(row -> fresh.add(row.getUUID(0)));
                    return fresh;
                });
    }

    /** Forgets up to {@code limit} ids applied before {@code cutoff}; returns how many. */
    public Uni<Integer> forgetBefore(Instant cutoff, int limit) {
        return pool.preparedQuery(FORGET)
                .execute(Tuple.of(cutoff.atOffset(ZoneOffset.UTC), limit))
                .map(rows -> rows.rowCount());
    }
}
