package io.codedrop.distribution.codes;

import io.codedrop.common.api.PageResponse;
import io.codedrop.common.event.CodeStatusChange;
import io.codedrop.distribution.availability.AvailabilityCache;
import io.codedrop.distribution.availability.PoolCounts;
import io.codedrop.support.identity.Developer;
import io.codedrop.support.problem.ProblemException;
import io.codedrop.support.problem.Problems;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A campaign's codes for its developers: listed and exported masked, revealed only to its managers and
 * then audited code by code, withdrawn while unused.
 */
@ApplicationScoped
public class CodeService {
    /** Codes per query of an export. */
    static final int EXPORT_PAGE = 1000;

    private final Pool pool;
    private final CodeRepository codes;
    private final CampaignAccess access;
    private final CampaignLock lock;
    private final CodeAudit audit;
    private final CodeStatusChanges changes;
    private final AvailabilityCache availability;

    public CodeService(Pool pool, CodeRepository codes, CampaignAccess access, CampaignLock lock, CodeAudit audit,
                       CodeStatusChanges changes, AvailabilityCache availability) {
        this.pool = pool;
        this.codes = codes;
        this.access = access;
        this.lock = lock;
        this.audit = audit;
        this.changes = changes;
        this.availability = availability;
    }

    public Uni<PageResponse<CodeResponse>> list(Developer caller, Actor actor, CodeFilter filter, boolean reveal,
                                                int page, int size) {
        return allowed(caller, filter.campaignId(), reveal)
                .chain(() -> Uni.combine().all().unis(codes.page(filter, page, size), codes.count(filter)).asTuple())
                .call(found -> reveal ? revealed(filter.campaignId(), found.getItem1(), actor)
                        : Uni.createFrom().voidItem())
                .map(found -> new PageResponse<>(found.getItem1().stream()
                        .map(code -> CodeMapper.toResponse(code, reveal)).toList(), page, size, found.getItem2()));
    }

    /**
     * The filtered codes as CSV rows, page by page in upload order; a revealed page is audited before it
     * is sent. Access is checked before the first row, so a refusal is still a problem document.
     */
    public Multi<String> export(Developer caller, Actor actor, CodeFilter filter, boolean reveal) {
        AtomicLong lastSeq = new AtomicLong();
        Multi<String> rows = Multi.createBy().repeating()
                .uni(() -> codes.after(filter, lastSeq.get(), EXPORT_PAGE)
                        .call(page -> reveal ? revealed(filter.campaignId(), page, actor) : Uni.createFrom().voidItem())
                        .invoke(page -> page.stream().reduce((first, last) -> last)
                                .ifPresent(last -> lastSeq.set(last.seq()))))
                .whilst(page -> page.size() == EXPORT_PAGE)
                .filter(page -> !page.isEmpty())
                .map(page -> CodeMapper.toCsv(page, reveal));
        return allowed(caller, filter.campaignId(), reveal)
                .onItem().transformToMulti(ignored -> Multi.createBy().concatenating()
                        .streams(Multi.createFrom().item(CodeMapper.CSV_HEADER), rows));
    }

    /**
     * Withdraws an unused code for good: it leaves the pool under the campaign's lock, so it is never
     * handed out afterwards. Withdrawing it again changes nothing; a used or expired code cannot be.
     */
    public Uni<Void> withdraw(Developer caller, Actor actor, UUID codeId) {
        return codes.campaignOf(codeId)
                .onItem().ifNull().failWith(() -> codeNotFound(codeId))
                .call(campaignId -> access.managers(caller, campaignId, () -> codeNotFound(codeId)))
                .chain(campaignId -> pool.withTransaction(connection -> lock.lock(connection, campaignId)
                                .chain(() -> codes.find(connection, codeId))
                                .chain(code -> withdrawLocked(connection, code, actor)))
                        .chain(available -> availability.store(campaignId, available)));
    }

    private Uni<PoolCounts> withdrawLocked(SqlConnection connection, StoredCode code, Actor actor) {
        return switch (code.status()) {
            case WITHDRAWN -> Uni.createFrom().item(PoolCounts.NONE);
            case USED -> Uni.createFrom().failure(Problems.conflict("code-used",
                    "the code was handed out; only unused codes can be withdrawn"));
            case EXPIRED -> Uni.createFrom().failure(Problems.conflict("code-expired",
                    "the code has expired; only unused codes can be withdrawn"));
            case UNUSED -> {
                Instant now = Instant.now();
                yield codes.withdraw(connection, code.id(), now)
                        .chain(() -> audit.record(connection, code.campaignId(), List.of(code.id()),
                                AuditAction.WITHDRAWN, actor, now))
                        .chain(() -> changes.removeFromPools(connection, code.campaignId(), CodeStatusChange.WITHDRAWN,
                                Map.of(code.platform(), 1)));
            }
        };
    }

    private Uni<Void> allowed(Developer caller, UUID campaignId, boolean reveal) {
        return (reveal ? access.managers(caller, campaignId, () -> campaignNotFound(campaignId))
                : access.team(caller, campaignId, () -> campaignNotFound(campaignId)))
                .replaceWithVoid();
    }

    private Uni<Void> revealed(UUID campaignId, List<StoredCode> shown, Actor actor) {
        List<UUID> ids = shown.stream().map(StoredCode::id).toList();
        return pool.withTransaction(connection -> audit.record(connection, campaignId, ids, AuditAction.REVEALED,
                actor, Instant.now()));
    }

    private static ProblemException campaignNotFound(UUID campaignId) {
        return Problems.notFound("campaign " + campaignId);
    }

    private static ProblemException codeNotFound(UUID codeId) {
        return Problems.notFound("code " + codeId);
    }
}
