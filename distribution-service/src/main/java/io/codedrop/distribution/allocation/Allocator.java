package io.codedrop.distribution.allocation;

import io.codedrop.common.Platform;
import io.codedrop.common.event.CodeRequestEvent;
import io.codedrop.common.serde.EventJson;
import io.codedrop.distribution.allocation.AllocationPlan.Assignment;
import io.codedrop.distribution.allocation.AllocationPlan.AvailableCode;
import io.codedrop.distribution.allocation.AllocationRepository.RequestRecord;
import io.codedrop.distribution.availability.AvailabilityCache;
import io.codedrop.distribution.availability.PoolCounts;
import io.codedrop.distribution.claim.Claimant;
import io.codedrop.distribution.claim.EndUserRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Runs one allocation batch of a campaign as one transaction in two round trips to Postgres. The
 * first pipelines BEGIN, the campaign lock, the users, the codes they already hold and the next codes
 * in upload order (as many per platform as there are claimants on it, so no answer is awaited in
 * between); the plan is decided in memory; the second sends one statement for everything the batch
 * writes, and COMMIT. A batch waits for each round trip, and every statement costs time of its own
 * too, so both are kept few. The new available counts go to Redis after the answers, not before: that
 * write waited behind the claims' own Redis checks (2–10 ms a batch).
 */
@ApplicationScoped
public class Allocator {
    /**
     * Generic plans for the batch's statements, which are the plans PostgreSQL picks for them anyway:
     * left to choose, it planned every execution afresh, ~40% of its CPU time per claim at 1 000 claims/s.
     * Only this transaction: the outbox relay's generic plan scans the whole table.
     */
    private static final String BEGIN = "BEGIN; SET LOCAL plan_cache_mode = force_generic_plan";
    private final Pool pool;
    private final AllocationRepository allocations;
    private final EndUserRepository users;
    private final AvailabilityCache availability;

    public Allocator(Pool pool, AllocationRepository allocations, EndUserRepository users,
                     AvailabilityCache availability) {
        this.pool = pool;
        this.allocations = allocations;
        this.users = users;
        this.availability = availability;
    }

    public Uni<Map<ClaimTicket, ClaimOutcome>> allocate(UUID campaignId, List<ClaimTicket> tickets) {
        Batch batch = new Batch(campaignId, tickets, Instant.now());
        return pool.withConnection(connection -> readAndLock(connection, batch)
                        .invoke(batch::decide)
                        .chain(() -> recordAndCommit(connection, batch))
                        .onFailure().call(() -> rollback(connection)))
                .invoke(() -> availability.store(campaignId, batch.available).subscribe().with(ignored -> { }))
                .map(ignored -> batch.outcomes);
    }

    private Uni<Void> readAndLock(SqlConnection connection, Batch batch) {
        List<Uni<?>> statements = new ArrayList<>();
        statements.add(connection.query(BEGIN).execute());
        statements.add(allocations.lockCampaign(connection, batch.campaignId).invoke(batch::rules));
        statements.add(users.upsert(connection, batch.claimants()).invoke(batch::users));
        statements.add(allocations.heldCodes(connection, batch.campaignId, batch.deviceKeys()).invoke(batch::held));
        batch.claimantsPerPlatform().forEach((platform, count) -> statements.add(
                allocations.takeCodes(connection, batch.campaignId, platform, count, batch.now)
                        .invoke(codes -> batch.taken.put(platform, codes))));
        return Uni.combine().all().unis(statements).discardItems();
    }

    private Uni<Void> recordAndCommit(SqlConnection connection, Batch batch) {
        List<RequestRecord> requests = new ArrayList<>(batch.tickets.size());
        List<byte[]> events = new ArrayList<>(batch.tickets.size());
        batch.outcomes.forEach((ticket, outcome) -> {
            UUID codeId = outcome instanceof ClaimOutcome.Fulfilled fulfilled ? fulfilled.codeId() : null;
            boolean newClaim = outcome instanceof ClaimOutcome.Fulfilled fulfilled && fulfilled.newClaim();
            Platform platform = ticket.claimant().platform();
            requests.add(new RequestRecord(ticket.requestId(), batch.userIds.get(ticket.claimant().deviceKey()),
                    platform, codeId, outcome.status(), ticket.requestedAt()));
            events.add(EventJson.write(CodeRequestEvent.of(batch.campaignId, ticket.requestId(), platform,
                    outcome.status(), codeId, newClaim, null, ticket.requestedAt())));
        });
        return Uni.combine().all().unis(
                        allocations.recordBatch(connection, batch.campaignId, batch.assignments, requests, events,
                                batch.now).invoke(batch::available),
                        connection.query("COMMIT").execute())
                .discardItems();
    }

    /** A failed statement has already aborted the transaction; this ends it before the connection goes back. */
    private static Uni<Void> rollback(SqlConnection connection) {
        return connection.query("ROLLBACK").execute().replaceWithVoid().onFailure().recoverWithNull();
    }

    /** The state of one batch as its transaction goes along. */
    private static final class Batch {
        private final UUID campaignId;
        private final List<ClaimTicket> tickets;
        private final Instant now;
        private final Map<Platform, List<AvailableCode>> taken = new EnumMap<>(Platform.class);
        private final Map<Platform, List<Assignment>> assignments = new EnumMap<>(Platform.class);
        private CampaignRules rules;
        private Map<String, UUID> userIds;
        private Map<UUID, HeldCodes> held;
        private Map<ClaimTicket, ClaimOutcome> outcomes;
        private PoolCounts available = PoolCounts.NONE;

        private Batch(UUID campaignId, List<ClaimTicket> tickets, Instant now) {
            this.campaignId = campaignId;
            this.tickets = tickets;
            this.now = now;
        }

        private List<Claimant> claimants() {
            return tickets.stream().map(ClaimTicket::claimant).toList();
        }

        private String[] deviceKeys() {
            return tickets.stream().map(ticket -> ticket.claimant().deviceKey()).distinct().toArray(String[]::new);
        }

        /** The most new codes each platform can need: one per distinct claimant on it. */
        private Map<Platform, Integer> claimantsPerPlatform() {
            Map<Platform, Set<String>> claimants = new EnumMap<>(Platform.class);
            tickets.forEach(ticket -> claimants.computeIfAbsent(ticket.claimant().platform(), p -> new HashSet<>())
                    .add(ticket.claimant().deviceKey()));
            Map<Platform, Integer> counts = new EnumMap<>(Platform.class);
            claimants.forEach((platform, keys) -> counts.put(platform, keys.size()));
            return counts;
        }

        private void rules(CampaignRules locked) {
            rules = locked;
        }

        private void users(Map<String, UUID> ids) {
            userIds = ids;
        }

        private void held(Map<UUID, HeldCodes> codes) {
            held = codes;
        }

        /** Codes taken but not assigned stay unused: the pool cursor only passes the assigned ones. */
        private void decide() {
            AllocationPlan plan = AllocationPlan.decide(tickets, userIds, held, rules, now);
            plan.demand().keySet().forEach(platform ->
                    assignments.put(platform, plan.assign(platform, taken.getOrDefault(platform, List.of()))));
            outcomes = plan.outcomes();
        }

        private void available(PoolCounts counts) {
            available = counts;
        }
    }
}
