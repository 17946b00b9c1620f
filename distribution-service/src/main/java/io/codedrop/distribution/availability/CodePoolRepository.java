package io.codedrop.distribution.availability;

import io.codedrop.common.Platform;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

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
        return pool.preparedQuery("SELECT platform, available, version FROM code_pools WHERE campaign_id = $1")
                .execute(Tuple.of(campaignId))
                .map(rows -> PoolCounts.of(rows).available());
    }
}
