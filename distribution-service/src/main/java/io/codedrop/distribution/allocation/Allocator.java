package io.codedrop.distribution.allocation;

import io.codedrop.common.Platform;
import io.codedrop.common.Topics;
import io.codedrop.common.event.CodeRequestEvent;
import io.codedrop.common.serde.EventJson;
import io.codedrop.distribution.allocation.AllocationPlan.Assignment;
import io.codedrop.distribution.allocation.AllocationRepository.RequestRecord;
import io.codedrop.distribution.availability.AvailabilityCache;
import io.codedrop.distribution.claim.Claimant;
import io.codedrop.distribution.outbox.OutboxRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs one allocation batch of a campaign as one transaction: lock the campaign, find or create the
 * users, see what they already hold, take the next codes in upload order, record claims, requests
 * and their events, commit once. Then publish the new available counts to Redis.
 */
@ApplicationScoped
public class Allocator {
    private final Pool pool;
    private final AllocationRepository allocations;
    private final OutboxRows outbox;
    private final AvailabilityCache availability;

    public Allocator(Pool pool, AllocationRepository allocations, OutboxRows outbox, AvailabilityCache availability) {
        this.pool = pool;
        this.allocations = allocations;
        this.outbox = outbox;
        this.availability = availability;
    }

    public Uni<Map<ClaimTicket, ClaimOutcome>> allocate(UUID campaignId, List<ClaimTicket> tickets) {
        Batch batch = new Batch(campaignId, tickets, Instant.now());
        return pool.withTransaction(connection -> allocations.lockCampaign(connection, campaignId)
                        .invoke(batch::rules)
                        .chain(() -> allocations.upsertUsers(connection, batch.claimants()))
                        .invoke(batch::users)
                        .chain(() -> allocations.heldCodes(connection, campaignId, batch.userIds()))
                        .invoke(batch::plan)
                        .chain(() -> takeCodes(connection, batch))
                        .chain(() -> allocations.recordClaims(connection, campaignId, batch.assignments, batch.now))
                        .invoke(batch::available)
                        .chain(() -> recordRequests(connection, batch)))
                .call(() -> availability.store(campaignId, batch.available))
                .map(ignored -> batch.outcomes);
    }

    private Uni<Void> takeCodes(SqlConnection connection, Batch batch) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<Platform, Integer> demand : batch.plan.demand().entrySet()) {
            chain = chain.chain(() -> allocations.takeCodes(connection, batch.campaignId, demand.getKey(),
                            demand.getValue(), batch.now))
                    .invoke(codes -> batch.assignments.put(demand.getKey(), batch.plan.assign(demand.getKey(), codes)))
                    .replaceWithVoid();
        }
        return chain.invoke(batch::settle);
    }

    private Uni<Void> recordRequests(SqlConnection connection, Batch batch) {
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
                        allocations.recordRequests(connection, batch.campaignId, requests),
                        outbox.enqueue(connection, Topics.CODE_REQUESTS, batch.campaignId, events))
                .discardItems();
    }

    /** The state of one batch as its transaction goes along. */
    private static final class Batch {
        private final UUID campaignId;
        private final List<ClaimTicket> tickets;
        private final Instant now;
        private final Map<Platform, List<Assignment>> assignments = new EnumMap<>(Platform.class);
        private CampaignRules rules;
        private Map<String, UUID> userIds;
        private AllocationPlan plan;
        private Map<ClaimTicket, ClaimOutcome> outcomes;
        private Map<Platform, Long> available = Map.of();

        private Batch(UUID campaignId, List<ClaimTicket> tickets, Instant now) {
            this.campaignId = campaignId;
            this.tickets = tickets;
            this.now = now;
        }

        private void rules(CampaignRules locked) {
            rules = locked;
        }

        private List<Claimant> claimants() {
            return tickets.stream().map(ClaimTicket::claimant).toList();
        }

        private void users(Map<String, UUID> ids) {
            userIds = ids;
        }

        private UUID[] userIds() {
            return userIds.values().toArray(UUID[]::new);
        }

        private void plan(Map<UUID, HeldCodes> held) {
            plan = AllocationPlan.decide(tickets, userIds, held, rules, now);
        }

        private void settle() {
            outcomes = plan.outcomes();
        }

        private void available(Map<Platform, Long> counts) {
            available = counts;
        }
    }
}
