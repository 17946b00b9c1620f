package io.codedrop.distribution.availability;

import io.codedrop.common.Platform;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/** The available counts as the pools keep them in Postgres: a read of a campaign's few pool rows, no counting. */
@ApplicationScoped
public class CodePoolRepository {
    private final Pool pool;

    public CodePoolRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Map<Platform, Long>> available(UUID campaignId) {
        return pool.preparedQuery("SELECT platform, available FROM code_pools WHERE campaign_id = $1")
                .execute(Tuple.of(campaignId))
                .map(CodePoolRepository::availableByPlatform);
    }

    /** Pool rows of {@code (platform, available)}, as every statement that changes a pool returns them. */
    public static Map<Platform, Long> availableByPlatform(RowSet<Row> rows) {
        Map<Platform, Long> available = new EnumMap<>(Platform.class);
        rows.forEach(row -> available.put(Platform.parse(row.getString("platform")), row.getLong("available")));
        return available;
    }
}
