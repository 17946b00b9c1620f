package io.codedrop.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Rebuild jobs in Postgres, so that every replica can answer their status. */
@ApplicationScoped
public class RebuildRepository {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String ABANDON_STALE = """
            UPDATE rebuilds SET status = 'abandoned', finished_at = now(), error = $2
            WHERE status = 'running' AND updated_at < now() - make_interval(secs => $1)""";
    private static final String START = """
            INSERT INTO rebuilds (id, status, requested_by, started_at, updated_at)
            VALUES ($1, 'running', $2, now(), now())
            RETURNING *""";

    private final Pool pool;

    public RebuildRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Starts a rebuild; null while another one runs. A running one without progress for
     * {@code staleAfter} is marked abandoned first: its replica stopped and nobody else will finish it.
     */
    public Uni<Rebuild> start(String requestedBy, Duration staleAfter) {
        String abandoned = "no progress for " + staleAfter.toSeconds() + " s: its replica stopped";
        return pool.withTransaction(connection -> connection.preparedQuery(ABANDON_STALE)
                        .execute(Tuple.of((double) staleAfter.toSeconds(), abandoned))
                        .chain(() -> connection.preparedQuery(START).execute(Tuple.of(UUID.randomUUID(), requestedBy))))
                .map(rows -> Rebuild.of(rows.iterator().next()))
                .onFailure(failure -> failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState()))
                .recoverWithNull();
    }

    public Uni<Void> progress(UUID id, long read, long applied) {
        return pool.preparedQuery("""
                        UPDATE rebuilds SET events_read = events_read + $2, events_applied = events_applied + $3,
                                            updated_at = now()
                        WHERE id = $1""")
                .execute(Tuple.of(id, read, applied))
                .replaceWithVoid();
    }

    public Uni<Void> finish(UUID id, String status, String error) {
        return pool.preparedQuery("""
                        UPDATE rebuilds SET status = $2, error = $3, finished_at = now(), updated_at = now()
                        WHERE id = $1""")
                .execute(Tuple.of(id, status, error))
                .replaceWithVoid();
    }

    public Uni<Rebuild> find(UUID id) {
        return pool.preparedQuery("SELECT * FROM rebuilds WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : Rebuild.of(rows.iterator().next()));
    }

    /** A rebuild as stored. */
    public record Rebuild(UUID id, String status, String requestedBy, Instant startedAt, Instant finishedAt,
                          long eventsRead, long eventsApplied, String error) {
        public static final String COMPLETED = "completed";
        public static final String FAILED = "failed";

        static Rebuild of(Row row) {
            OffsetDateTime finished = row.getOffsetDateTime("finished_at");
            return new Rebuild(row.getUUID("id"), row.getString("status"), row.getString("requested_by"),
                    row.getOffsetDateTime("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                    row.getLong("events_read"), row.getLong("events_applied"), row.getString("error"));
        }
    }
}
