package io.codedrop.distribution.allocation;

import io.codedrop.common.Platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The decisions of one allocation batch, made under the campaign's lock: which users get a new code
 * on which platform (in arrival order, so FIFO holds), which get the code they already hold back,
 * and which get nothing. Pure logic, so the rules are unit-tested without a database.
 */
final class AllocationPlan {
    private final List<ClaimTicket> tickets;
    private final Map<String, UUID> userIds;
    private final Map<UUID, ClaimOutcome> decided = new HashMap<>();
    private final Map<Platform, List<UUID>> demand = new EnumMap<>(Platform.class);
    private final Set<UUID> waiting = new HashSet<>();

    private AllocationPlan(List<ClaimTicket> tickets, Map<String, UUID> userIds) {
        this.tickets = tickets;
        this.userIds = userIds;
    }

    /**
     * Decides everything that does not need codes: inactive campaign, users at their limit (their
     * latest code again), and the total limit. The rest is demand per platform, users in arrival order.
     */
    static AllocationPlan decide(List<ClaimTicket> tickets, Map<String, UUID> userIds, Map<UUID, HeldCodes> held,
                                 CampaignRules rules, Instant now) {
        AllocationPlan plan = new AllocationPlan(tickets, userIds);
        boolean active = rules.handsOutCodesAt(now);
        long allowed = rules.newClaimsAllowed();
        for (ClaimTicket ticket : tickets) {
            UUID user = userIds.get(ticket.claimant().deviceKey());
            if (plan.decided.containsKey(user) || plan.waiting.contains(user)) {
                continue; // the same user twice in one batch: a retry, answered like the first
            }
            HeldCodes mine = held.get(user);
            if (!active) {
                plan.decided.put(user, ClaimOutcome.INACTIVE);
            } else if (mine != null && mine.count() >= rules.maxClaimsPerUser()) {
                plan.decided.put(user, new ClaimOutcome.Fulfilled(mine.latest().codeId(), mine.latest().code(),
                        mine.latest().platform(), mine.latest().expiresAt(), false));
            } else if (allowed <= 0) {
                plan.decided.put(user, ClaimOutcome.NO_CODES);
            } else {
                plan.demand.computeIfAbsent(ticket.claimant().platform(), p -> new ArrayList<>()).add(user);
                plan.waiting.add(user);
                allowed--;
            }
        }
        return plan;
    }

    /** How many new codes each platform needs. */
    Map<Platform, Integer> demand() {
        Map<Platform, Integer> counts = new EnumMap<>(Platform.class);
        demand.forEach((platform, users) -> counts.put(platform, users.size()));
        return counts;
    }

    /** Hands the codes found for a platform to its waiting users in order; users left over get nothing. */
    List<Assignment> assign(Platform platform, List<AvailableCode> codes) {
        List<Assignment> assignments = new ArrayList<>();
        List<UUID> users = demand.getOrDefault(platform, List.of());
        for (int i = 0; i < users.size(); i++) {
            if (i < codes.size()) {
                AvailableCode code = codes.get(i);
                decided.put(users.get(i), new ClaimOutcome.Fulfilled(code.id(), code.code(), platform,
                        code.expiresAt(), true));
                assignments.add(new Assignment(code, users.get(i)));
            } else {
                decided.put(users.get(i), ClaimOutcome.NO_CODES);
            }
        }
        return assignments;
    }

    /** Every ticket's outcome, in ticket order; a retry inside the batch gets its user's outcome, not a new claim. */
    Map<ClaimTicket, ClaimOutcome> outcomes() {
        Map<ClaimTicket, ClaimOutcome> result = new LinkedHashMap<>();
        Map<UUID, Boolean> answered = new HashMap<>();
        for (ClaimTicket ticket : tickets) {
            UUID user = userIds.get(ticket.claimant().deviceKey());
            ClaimOutcome outcome = decided.getOrDefault(user, ClaimOutcome.NO_CODES);
            if (answered.put(user, Boolean.TRUE) != null && outcome instanceof ClaimOutcome.Fulfilled fulfilled) {
                outcome = new ClaimOutcome.Fulfilled(fulfilled.codeId(), fulfilled.code(), fulfilled.platform(),
                        fulfilled.expiresAt(), false);
            }
            result.put(ticket, outcome);
        }
        return result;
    }

    /** A code that can be handed out, with its FIFO position. */
    record AvailableCode(UUID id, long seq, String code, Instant expiresAt) {
    }

    /** A code given to a user in this batch. */
    record Assignment(AvailableCode code, UUID userId) {
    }
}
