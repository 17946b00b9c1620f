package io.codedrop.distribution.redemption;

import io.codedrop.common.event.CodeStatusChange;
import io.codedrop.distribution.claim.Claimant;
import io.codedrop.distribution.codes.Actor;
import io.codedrop.distribution.codes.AuditAction;
import io.codedrop.distribution.codes.CampaignAccess;
import io.codedrop.distribution.codes.CodeAudit;
import io.codedrop.distribution.codes.CodeStatusChanges;
import io.codedrop.support.identity.Developer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.codedrop.distribution.redemption.RedemptionFailure.CODE_AMBIGUOUS;
import static io.codedrop.distribution.redemption.RedemptionFailure.CODE_NOT_FOUND;

/**
 * Redeems a claimed code for the developer's server, after the seed 002 checks in order. Every attempt
 * is recorded, in the same transaction as the redemption when there is one; concurrent attempts on one
 * code take turns on its row lock, so exactly one succeeds.
 */
@ApplicationScoped
public class RedemptionService {
    private final Pool pool;
    private final RedemptionRepository redemptions;
    private final CampaignAccess access;
    private final CodeAudit audit;
    private final CodeStatusChanges changes;

    public RedemptionService(Pool pool, RedemptionRepository redemptions, CampaignAccess access, CodeAudit audit,
                             CodeStatusChanges changes) {
        this.pool = pool;
        this.redemptions = redemptions;
        this.access = access;
        this.audit = audit;
        this.changes = changes;
    }

    /** The redeemed code; a refused attempt fails with its {@link RedemptionFailure}'s problem. */
    public Uni<RedeemResponse> redeem(Developer caller, Actor actor, RedeemRequest request) {
        Instant now = Instant.now();
        return callersCampaigns(caller, request)
                .chain(campaigns -> switch (campaigns.size()) {
                    case 0 -> refuse(RedemptionAttempt.withoutCode(request, actor, now, CODE_NOT_FOUND));
                    case 1 -> attempt(campaigns.get(0), actor, request, now);
                    default -> refuse(RedemptionAttempt.withoutCode(request, actor, now, CODE_AMBIGUOUS));
                });
    }

    /** The campaigns the caller manages that hold a code with this text (one, nearly always). */
    private Uni<List<UUID>> callersCampaigns(Developer caller, RedeemRequest request) {
        return redemptions.campaignsWithCode(request.code())
                .onItem().transformToMulti(campaigns -> Multi.createFrom().iterable(campaigns))
                .filter(campaignId -> request.campaignId() == null || request.campaignId().equals(campaignId))
                .select().when(campaignId -> access.manages(caller, campaignId))
                .collect().asList();
    }

    private Uni<RedeemResponse> attempt(UUID campaignId, Actor actor, RedeemRequest request, Instant now) {
        String deviceKey = request.deviceId() == null || request.deviceId().isBlank() ? null
                : Claimant.deviceKey(request.deviceId());
        return pool.withTransaction(connection -> redemptions.lock(connection, campaignId, request.code())
                        .chain(code -> {
                            Optional<RedemptionFailure> failure = RedemptionRules.check(code, deviceKey, now);
                            RedemptionAttempt attempt = RedemptionAttempt.of(code, request, actor, now,
                                    failure.orElse(null));
                            Uni<Void> redeemed = failure.isPresent() ? Uni.createFrom().voidItem()
                                    : redeemLocked(connection, code, actor, now);
                            return redeemed.chain(() -> redemptions.record(connection, attempt))
                                    .replaceWith(new Outcome(code, failure));
                        }))
                .map(outcome -> {
                    if (outcome.failure().isPresent()) {
                        throw outcome.failure().get().problem();
                    }
                    LockedCode code = outcome.code();
                    return new RedeemResponse(true, code.code(), code.campaignId(), code.platform(), code.usedAt(),
                            now);
                });
    }

    private Uni<Void> redeemLocked(SqlConnection connection, LockedCode code, Actor actor, Instant now) {
        return redemptions.redeem(connection, code.id(), now)
                .chain(() -> audit.record(connection, code.campaignId(), List.of(code.id()), AuditAction.REDEEMED,
                        actor, now))
                .chain(() -> changes.publish(connection, code.campaignId(), CodeStatusChange.REDEEMED,
                        Map.of(code.platform(), 1)));
    }

    private Uni<RedeemResponse> refuse(RedemptionAttempt attempt) {
        return redemptions.record(pool, attempt)
                .chain(() -> Uni.createFrom().failure(attempt.failure().problem()));
    }

    private record Outcome(LockedCode code, Optional<RedemptionFailure> failure) {
    }
}
