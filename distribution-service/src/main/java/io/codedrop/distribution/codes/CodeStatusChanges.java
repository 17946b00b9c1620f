package io.codedrop.distribution.codes;

import io.codedrop.common.Platform;
import io.codedrop.common.Topics;
import io.codedrop.common.event.CodeStatusChange;
import io.codedrop.common.event.CodeStatusEvent;
import io.codedrop.common.serde.EventJson;
import io.codedrop.distribution.availability.PoolCounts;
import io.codedrop.distribution.outbox.OutboxRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Codes leaving a campaign's pool after stocking (withdrawn, expired) or redeemed: the pool counts
 * and the {@code code-status} event, in the caller's transaction.
 */
@ApplicationScoped
public class CodeStatusChanges {
    private static final String REMOVE_FROM_POOLS = """
            UPDATE code_pools p SET available = p.available - a.removed, version = p.version + 1
            FROM unnest($2::varchar[], $3::bigint[]) AS a(platform, removed)
            WHERE p.campaign_id = $1 AND p.platform = a.platform
            RETURNING p.platform, p.available, p.version""";

    private final OutboxRows outbox;

    public CodeStatusChanges(OutboxRows outbox) {
        this.outbox = outbox;
    }

    /**
     * Takes unused codes out of the pools and publishes the change; answers the pools' new available
     * counts for the availability cache. Call it under the campaign's lock.
     */
    public Uni<PoolCounts> removeFromPools(SqlConnection connection, UUID campaignId, CodeStatusChange change,
                                           Map<Platform, Integer> counts) {
        if (counts.isEmpty()) {
            return Uni.createFrom().item(PoolCounts.NONE);
        }
        Uni<PoolCounts> pools = connection.preparedQuery(REMOVE_FROM_POOLS)
                .execute(Tuple.of(campaignId,
                        counts.keySet().stream().map(Platform::label).toArray(String[]::new),
                        counts.values().stream().map(Integer::longValue).toArray(Long[]::new)))
                .map(PoolCounts::of);
        return Uni.combine().all().unis(pools, publish(connection, campaignId, change, counts))
                .with((available, published) -> available);
    }

    /** The {@code code-status} event, through the outbox. */
    public Uni<Void> publish(SqlConnection connection, UUID campaignId, CodeStatusChange change,
                             Map<Platform, Integer> counts) {
        return outbox.enqueue(connection, Topics.CODE_STATUS, campaignId,
                List.of(EventJson.write(CodeStatusEvent.of(campaignId, change, counts))));
    }
}
