package io.codedrop.analytics.repository;

import io.codedrop.common.Platform;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Aggregates in Postgres, updated with upserts in the transaction that records the event as applied. */
@ApplicationScoped
public class StatsRepository {
    private final Pool pool;

    public StatsRepository(Pool pool) {
        this.pool = pool;
    }

    /** Runs {@code apply} once per event id: a redelivered event finds its id recorded and changes nothing. */
    public Uni<Boolean> applyOnce(UUID eventId, java.util.function.Function<SqlConnection, Uni<?>> apply) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("INSERT INTO processed_events (event_id) VALUES ($1) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(eventId))
                .chain(inserted -> inserted.rowCount() == 0
                        ? Uni.createFrom().item(false)
                        : apply.apply(connection).replaceWith(true)));
    }

    public Uni<Void> addStock(SqlConnection connection, UUID campaignId, Platform platform, long accepted, Instant at) {
        return connection.preparedQuery("""
                        INSERT INTO platform_stats (campaign_id, platform, total_codes, updated_at)
                        VALUES ($1, $2, $3, $4)
                        ON CONFLICT (campaign_id, platform)
                        DO UPDATE SET total_codes = platform_stats.total_codes + EXCLUDED.total_codes,
                                      updated_at = greatest(platform_stats.updated_at, EXCLUDED.updated_at)""")
                .execute(Tuple.of(campaignId, platform.label(), accepted, at.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    public Uni<List<PlatformTotals>> platforms(UUID campaignId) {
        return pool.preparedQuery("""
                        SELECT platform, total_codes, used_codes, expired_codes, updated_at
                        FROM platform_stats WHERE campaign_id = $1 ORDER BY platform""")
                .execute(Tuple.of(campaignId))
                .map(rows -> {
                    List<PlatformTotals> result = new ArrayList<>();
                    rows.forEach(row -> result.add(PlatformTotals.of(row)));
                    return result;
                });
    }

    /** One platform's counts of one campaign. */
    public record PlatformTotals(Platform platform, long total, long used, long expired, Instant updatedAt) {
        static PlatformTotals of(Row row) {
            return new PlatformTotals(Platform.parse(row.getString("platform")), row.getLong("total_codes"),
                    row.getLong("used_codes"), row.getLong("expired_codes"),
                    row.getOffsetDateTime("updated_at").toInstant());
        }
    }
}
