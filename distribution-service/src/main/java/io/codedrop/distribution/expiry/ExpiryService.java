package io.codedrop.distribution.expiry;

import io.codedrop.common.Platform;
import io.codedrop.common.event.CodeStatusChange;
import io.codedrop.distribution.availability.AvailabilityCache;
import io.codedrop.distribution.availability.PoolCounts;
import io.codedrop.distribution.codes.Actor;
import io.codedrop.distribution.codes.AuditAction;
import io.codedrop.distribution.codes.CampaignLock;
import io.codedrop.distribution.codes.CodeAudit;
import io.codedrop.distribution.codes.CodeStatusChanges;
import io.codedrop.distribution.expiry.ExpiryRepository.ExpiredCode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns unused codes past their expires_at into {@code expired} (SPEC §4.4): campaign by campaign, in
 * batches, each a short transaction under the campaign's allocation lock that also audits the codes,
 * takes them out of the pool counts and publishes one {@code code-status} event. Allocation already
 * skips such codes; this makes the counts and the listings say so.
 */
@ApplicationScoped
public class ExpiryService {
    private final Pool pool;
    private final ExpiryRepository expiry;
    private final CampaignLock lock;
    private final CodeAudit audit;
    private final CodeStatusChanges changes;
    private final AvailabilityCache availability;
    private final ExpiryConfig config;

    public ExpiryService(Pool pool, ExpiryRepository expiry, CampaignLock lock, CodeAudit audit,
                         CodeStatusChanges changes, AvailabilityCache availability, ExpiryConfig config) {
        this.pool = pool;
        this.expiry = expiry;
        this.lock = lock;
        this.audit = audit;
        this.changes = changes;
        this.availability = availability;
        this.config = config;
    }

    /** Expires every code due at {@code now}; answers how many. */
    public Uni<Long> expireDue(Instant now) {
        return expiry.campaignsWithDueCodes(now)
                .onItem().transformToMulti(campaigns -> Multi.createFrom().iterable(campaigns))
                .onItem().transformToUniAndConcatenate(campaignId -> expireCampaign(campaignId, now))
                .collect().with(Collectors.summingLong(Long::longValue));
    }

    private Uni<Long> expireCampaign(UUID campaignId, Instant now) {
        return Multi.createBy().repeating().uni(() -> expireBatch(campaignId, now))
                .whilst(batch -> batch.passed() == config.batchSize())
                .collect().with(Collectors.summingLong(Batch::expired));
    }

    private Uni<Batch> expireBatch(UUID campaignId, Instant now) {
        return pool.withTransaction(connection -> lock.lock(connection, campaignId)
                        .chain(() -> expiry.expire(connection, campaignId, now, config.batchSize()))
                        .chain(due -> audit.record(connection, campaignId,
                                        due.expired().stream().map(ExpiredCode::id).toList(), AuditAction.EXPIRED,
                                        Actor.SYSTEM, now)
                                .chain(() -> changes.removeFromPools(connection, campaignId, CodeStatusChange.EXPIRED,
                                        perPlatform(due.expired())))
                                .map(available -> new Batch(due.passed(), due.expired().size(), available))))
                .call(batch -> availability.store(campaignId, batch.available()));
    }

    private static Map<Platform, Integer> perPlatform(List<ExpiredCode> expired) {
        Map<Platform, Integer> counts = new EnumMap<>(Platform.class);
        expired.forEach(code -> counts.merge(code.platform(), 1, Integer::sum));
        return counts;
    }

    /** One batch: the due codes it passed, how many of them it expired (the others were claimed), the counts. */
    private record Batch(int passed, int expired, PoolCounts available) {
    }
}
