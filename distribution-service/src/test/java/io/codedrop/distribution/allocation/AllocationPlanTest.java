package io.codedrop.distribution.allocation;

import io.codedrop.common.Platform;
import io.codedrop.distribution.allocation.AllocationPlan.AvailableCode;
import io.codedrop.distribution.claim.Claimant;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllocationPlanTest {
    private static final Instant NOW = Instant.now();
    private final UUID campaign = UUID.randomUUID();
    private final Map<String, UUID> users = new HashMap<>();

    @Test
    void codesGoToUsersInArrivalOrder() {
        List<ClaimTicket> tickets = List.of(ticket("a", Platform.IOS), ticket("b", Platform.IOS), ticket("c", Platform.IOS));
        AllocationPlan plan = AllocationPlan.decide(tickets, users, Map.of(), rules(1, null, 0), NOW);

        assertEquals(Map.of(Platform.IOS, 3), plan.demand());
        plan.assign(Platform.IOS, List.of(code(1, "FIRST"), code(2, "SECOND")));

        Map<ClaimTicket, ClaimOutcome> outcomes = plan.outcomes();
        assertEquals("FIRST", fulfilled(outcomes.get(tickets.get(0))).code());
        assertEquals("SECOND", fulfilled(outcomes.get(tickets.get(1))).code());
        assertEquals(ClaimOutcome.NO_CODES, outcomes.get(tickets.get(2)));
    }

    @Test
    void aUserAtTheirLimitGetsTheirLatestCodeAgainWithoutANewClaim() {
        ClaimTicket ticket = ticket("holder", Platform.IOS);
        UUID user = users.get("device:holder");
        HeldCodes held = new HeldCodes(1, new ClaimOutcome.Fulfilled(UUID.randomUUID(), "MINE", Platform.IOS, null, false));

        AllocationPlan plan = AllocationPlan.decide(List.of(ticket), users, Map.of(user, held), rules(1, null, 1), NOW);

        assertEquals(Map.of(), plan.demand());
        ClaimOutcome.Fulfilled outcome = fulfilled(plan.outcomes().get(ticket));
        assertEquals("MINE", outcome.code());
        assertFalse(outcome.newClaim());
    }

    @Test
    void theSameUserTwiceInABatchIsOneClaim() {
        ClaimTicket first = ticket("twice", Platform.ANDROID);
        ClaimTicket retry = ticket("twice", Platform.ANDROID);
        AllocationPlan plan = AllocationPlan.decide(List.of(first, retry), users, Map.of(), rules(1, null, 0), NOW);

        assertEquals(Map.of(Platform.ANDROID, 1), plan.demand());
        plan.assign(Platform.ANDROID, List.of(code(1, "ONLY")));

        Map<ClaimTicket, ClaimOutcome> outcomes = plan.outcomes();
        assertTrue(fulfilled(outcomes.get(first)).newClaim());
        assertEquals("ONLY", fulfilled(outcomes.get(retry)).code());
        assertFalse(fulfilled(outcomes.get(retry)).newClaim());
    }

    @Test
    void theTotalLimitCutsTheDemand() {
        List<ClaimTicket> tickets = List.of(ticket("a", Platform.WEB), ticket("b", Platform.WEB), ticket("c", Platform.WEB));
        AllocationPlan plan = AllocationPlan.decide(tickets, users, Map.of(), rules(1, 10, 9), NOW);

        assertEquals(Map.of(Platform.WEB, 1), plan.demand());
        assertEquals(ClaimOutcome.NO_CODES, plan.outcomes().get(tickets.get(1)));
    }

    @Test
    void aPausedCampaignGivesNothingToAnyone() {
        ClaimTicket ticket = ticket("a", Platform.WEB);
        CampaignRules paused = new CampaignRules(true, false, "paused", null, NOW.plus(1, ChronoUnit.DAYS), 1, null, 0);

        AllocationPlan plan = AllocationPlan.decide(List.of(ticket), users, Map.of(), paused, NOW);

        assertEquals(Map.of(), plan.demand());
        assertEquals(ClaimOutcome.INACTIVE, plan.outcomes().get(ticket));
    }

    @Test
    void aCampaignPastItsEndGivesNothing() {
        ClaimTicket ticket = ticket("a", Platform.WEB);
        CampaignRules over = new CampaignRules(true, false, "active", null, NOW.minusSeconds(1), 1, null, 0);

        assertEquals(ClaimOutcome.INACTIVE,
                AllocationPlan.decide(List.of(ticket), users, Map.of(), over, NOW).outcomes().get(ticket));
    }

    private ClaimTicket ticket(String device, Platform platform) {
        Claimant claimant = Claimant.of(device, platform, "test", "127.0.0.1");
        users.computeIfAbsent(claimant.deviceKey(), key -> UUID.randomUUID());
        return ClaimTicket.of(campaign, claimant);
    }

    private static CampaignRules rules(int perUser, Integer total, long claimed) {
        return new CampaignRules(true, false, "active", null, NOW.plus(1, ChronoUnit.DAYS), perUser, total, claimed);
    }

    private static AvailableCode code(long seq, String code) {
        return new AvailableCode(UUID.randomUUID(), seq, code, null);
    }

    private static ClaimOutcome.Fulfilled fulfilled(ClaimOutcome outcome) {
        return assertInstanceOf(ClaimOutcome.Fulfilled.class, outcome);
    }
}
