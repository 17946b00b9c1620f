package io.codedrop.distribution.stocking;

import io.codedrop.common.Platform;
import io.codedrop.common.Topics;
import io.codedrop.common.event.BatchCode;
import io.codedrop.common.event.CodeBatchEvent;
import io.codedrop.common.event.StockCount;
import io.codedrop.common.event.StockEvent;
import io.codedrop.common.serde.EventJson;
import io.codedrop.distribution.allocation.AllocationRepository;
import io.codedrop.distribution.allocation.CampaignRules;
import io.codedrop.distribution.availability.AvailabilityCache;
import io.codedrop.distribution.availability.PoolCounts;
import io.codedrop.distribution.outbox.OutboxRows;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.tuples.Tuple3;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Stocks a batch of codes under the campaign's allocation lock (so allocation cursors never pass a
 * code still being inserted), reports what it stocked on the {@code stock} topic through the outbox,
 * and does nothing for a batch it has seen before.
 */
@ApplicationScoped
public class StockingService {
    static final String CAMPAIGN_DELETED = "campaign_deleted";
    static final String CAMPAIGN_UNKNOWN = "campaign_unknown";

    private final Pool pool;
    private final AllocationRepository allocations;
    private final StockingRepository stocking;
    private final OutboxRows outbox;
    private final AvailabilityCache availability;

    public StockingService(Pool pool, AllocationRepository allocations, StockingRepository stocking,
                           OutboxRows outbox, AvailabilityCache availability) {
        this.pool = pool;
        this.allocations = allocations;
        this.stocking = stocking;
        this.outbox = outbox;
        this.availability = availability;
    }

    /**
     * @throws CampaignNotYetKnown when the campaign's snapshot has not arrived yet (the topics are
     *                             independent, so a batch may overtake it); the caller retries
     */
    public Uni<Void> stock(CodeBatchEvent batch) {
        // pipelined: one round trip, and the check still runs once the lock is held
        return pool.withTransaction(connection -> Uni.combine().all()
                        .unis(allocations.lockCampaign(connection, batch.campaignId()),
                                stocking.alreadyStocked(connection, batch.uploadId(), batch.batchSeq()))
                        .asTuple()
                        .chain(locked -> locked.getItem2() ? Uni.createFrom().item(PoolCounts.NONE)
                                : stockNew(connection, batch, locked.getItem1())))
                .chain(available -> availability.store(batch.campaignId(), available));
    }

    /** Reports a batch whose campaign never appeared, so the upload fails instead of waiting forever. */
    public Uni<Void> reject(CodeBatchEvent batch, String reason) {
        return pool.withTransaction(connection -> stocking.alreadyStocked(connection, batch.uploadId(), batch.batchSeq())
                .chain(seen -> seen ? Uni.createFrom().voidItem() : recordRejection(connection, batch, reason)));
    }

    private Uni<PoolCounts> stockNew(SqlConnection connection, CodeBatchEvent batch, CampaignRules rules) {
        if (!rules.exists()) {
            return Uni.createFrom().failure(new CampaignNotYetKnown(batch.campaignId()));
        }
        if (rules.deleted()) {
            return recordRejection(connection, batch, CAMPAIGN_DELETED).replaceWith(PoolCounts.NONE);
        }
        return stocking.insertCodes(connection, batch.campaignId(), batch.uploadId(), batch.codes())
                .chain(accepted -> {
                    Map<Platform, StockCount> counts = counts(batch.codes(), accepted);
                    int acceptedTotal = accepted.values().stream().mapToInt(Integer::intValue).sum();
                    StockEvent event = StockEvent.stocked(batch.campaignId(), batch.uploadId(), batch.batchSeq(), counts);
                    // independent of each other: pipelined in one round trip
                    return Uni.combine().all()
                            .unis(stocking.recordBatch(connection, batch.uploadId(), batch.batchSeq(),
                                            batch.campaignId(), acceptedTotal, batch.codes().size() - acceptedTotal, null),
                                    outbox.enqueue(connection, Topics.STOCK, batch.campaignId(),
                                            List.of(EventJson.write(event))),
                                    stocking.addToPools(connection, batch.campaignId(), accepted))
                            .asTuple()
                            .map(Tuple3::getItem3);
                });
    }

    private Uni<Void> recordRejection(SqlConnection connection, CodeBatchEvent batch, String reason) {
        StockEvent event = StockEvent.rejected(batch.campaignId(), batch.uploadId(), batch.batchSeq(), reason);
        return stocking.recordBatch(connection, batch.uploadId(), batch.batchSeq(), batch.campaignId(), 0, 0, reason)
                .chain(() -> outbox.enqueue(connection, Topics.STOCK, batch.campaignId(), List.of(EventJson.write(event))));
    }

    private static Map<Platform, StockCount> counts(List<BatchCode> codes, Map<Platform, Integer> accepted) {
        Map<Platform, Integer> offered = new EnumMap<>(Platform.class);
        codes.forEach(code -> offered.merge(code.platform(), 1, Integer::sum));
        Map<Platform, StockCount> counts = new EnumMap<>(Platform.class);
        offered.forEach((platform, total) -> {
            int in = accepted.getOrDefault(platform, 0);
            counts.put(platform, new StockCount(in, total - in));
        });
        return counts;
    }
}
