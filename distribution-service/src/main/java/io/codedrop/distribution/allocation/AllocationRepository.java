package io.codedrop.distribution.allocation;

import io.codedrop.common.Platform;
import io.codedrop.common.Topics;
import io.codedrop.common.event.RequestStatus;
import io.codedrop.distribution.allocation.AllocationPlan.Assignment;
import io.codedrop.distribution.allocation.AllocationPlan.AvailableCode;
import io.codedrop.distribution.availability.PoolCounts;
import io.codedrop.distribution.outbox.OutboxRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The SQL of an allocation batch. Every statement works on the whole batch at once (arrays and
 * {@code unnest}), so a batch of a hundred claims costs the same round trips as one.
 */
@ApplicationScoped
public class AllocationRepository {
    private static final String LOCK_CAMPAIGN = """
            WITH locked AS (
                INSERT INTO allocation_state (campaign_id) VALUES ($1)
                ON CONFLICT (campaign_id) DO UPDATE SET claimed_total = allocation_state.claimed_total
                RETURNING claimed_total)
            SELECT locked.claimed_total, v.id IS NOT NULL AS exists, coalesce(v.deleted, false) AS deleted,
                   v.status, v.starts_at,
                   v.expires_at, v.max_claims_per_user, v.max_total_claims
            FROM locked LEFT JOIN campaign_view v ON v.id = $1""";
    /*
     * The plan must start from the batch's own users (device key, then the claims key per user). Joined
     * freely, a young campaign's statistics (no claims yet) led the planner to walk every claim of the
     * campaign per batch, a cost that grew with each claim; OFFSET 0 keeps the per-user lookup from being
     * flattened into that join.
     */
    private static final String HELD_CODES = """
            SELECT c.user_id, count(*) OVER (PARTITION BY c.user_id) AS held, p.id, p.code, p.platform,
                   p.expires_at, c.claimed_at
            FROM end_users u
            CROSS JOIN LATERAL (SELECT user_id, code_id, claimed_at FROM claims
                                WHERE campaign_id = $1 AND user_id = u.id OFFSET 0) c
            JOIN promo_codes p ON p.id = c.code_id
            WHERE u.device_key = ANY($2)""";
    /*
     * Codes are not locked: whatever takes a code out of a pool (allocation, withdrawal, expiry) holds the
     * campaign's lock, and the claims' unique code_id would refuse a second hand-out if anything did not.
     */
    private static final String TAKE_CODES = """
            SELECT p.id, p.seq, p.code, p.expires_at FROM promo_codes p
            WHERE p.campaign_id = $1 AND p.platform = $2 AND p.status = 'unused'
              AND p.seq > coalesce((SELECT last_seq FROM code_pools WHERE campaign_id = $1 AND platform = $2), 0)
              AND (p.expires_at IS NULL OR p.expires_at > $4)
            ORDER BY p.seq LIMIT $3""";
    /*
     * One statement for everything a batch writes: the claims, the campaign's count, the code requests,
     * their events and the pools. The codes' own rows are not written (V9): a claim is what makes one
     * used. The parts read only the batch's arrays, never each other's rows, so sharing one snapshot
     * changes nothing; separate statements cost ~0.3 ms each, on the path of every claim in the batch.
     */
    private static final String RECORD_BATCH = """
            WITH a AS (SELECT * FROM unnest($2::uuid[], $3::uuid[], $4::varchar[]) AS a(user_id, code_id, platform)),
            claimed AS (INSERT INTO claims (campaign_id, user_id, code_id, platform, claimed_at)
                        SELECT $1, a.user_id, a.code_id, a.platform, $5 FROM a),
            counted AS (UPDATE allocation_state SET claimed_total = claimed_total + cardinality($2::uuid[])
                        WHERE campaign_id = $1 AND cardinality($2::uuid[]) > 0),
            requested AS (INSERT INTO code_requests (id, campaign_id, user_id, platform, code_id, status, created_at)
                          SELECT r.id, $1, r.user_id, r.platform, r.code_id, r.status, r.created_at
                          FROM unnest($9::uuid[], $10::uuid[], $11::varchar[], $12::uuid[], $13::varchar[],
                                      $14::timestamptz[]) AS r(id, user_id, platform, code_id, status, created_at)),
            published AS (%s)
            UPDATE code_pools p SET last_seq = greatest(p.last_seq, t.last_seq), available = p.available - t.taken,
                                    version = p.version + 1
            FROM unnest($6::varchar[], $7::bigint[], $8::bigint[]) AS t(platform, last_seq, taken)
            WHERE p.campaign_id = $1 AND p.platform = t.platform
            RETURNING p.platform, p.available, p.version""".formatted(OutboxRows.insert(15, 16, 17));

    /** Locks the campaign's allocation row until commit and reads its rules; serialises all replicas. */
    public Uni<CampaignRules> lockCampaign(SqlConnection connection, UUID campaignId) {
        return connection.preparedQuery(LOCK_CAMPAIGN)
                .execute(Tuple.of(campaignId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    boolean exists = row.getBoolean("exists");
                    return new CampaignRules(exists, row.getBoolean("deleted"), row.getString("status"),
                            instant(row, "starts_at"), instant(row, "expires_at"),
                            exists ? row.getInteger("max_claims_per_user") : 1,
                            row.getInteger("max_total_claims"), row.getLong("claimed_total"));
                });
    }

    /**
     * The codes the claimants already hold, by user; looked up by device key so that it needs no answer
     * of the batch's earlier statements and can be pipelined with them.
     */
    public Uni<Map<UUID, HeldCodes>> heldCodes(SqlConnection connection, UUID campaignId, String[] deviceKeys) {
        return connection.preparedQuery(HELD_CODES)
                .execute(Tuple.of(campaignId, deviceKeys))
                .map(rows -> {
                    Map<UUID, HeldCodes> held = new HashMap<>();
                    Map<UUID, Instant> latestAt = new HashMap<>();
                    for (Row row : rows) {
                        UUID user = row.getUUID("user_id");
                        Instant claimedAt = instant(row, "claimed_at");
                        if (latestAt.containsKey(user) && !claimedAt.isAfter(latestAt.get(user))) {
                            continue;
                        }
                        latestAt.put(user, claimedAt);
                        held.put(user, new HeldCodes(row.getLong("held").intValue(), new ClaimOutcome.Fulfilled(
                                row.getUUID("id"), row.getString("code"), Platform.parse(row.getString("platform")),
                                instant(row, "expires_at"), false)));
                    }
                    return held;
                });
    }

    /** The next {@code count} unexpired codes in upload order, starting after the pool's cursor. */
    public Uni<List<AvailableCode>> takeCodes(SqlConnection connection, UUID campaignId, Platform platform,
                                              int count, Instant now) {
        return connection.preparedQuery(TAKE_CODES)
                .execute(Tuple.of(campaignId, platform.label(), count, utc(now)))
                .map(rows -> {
                    List<AvailableCode> codes = new ArrayList<>(rows.size());
                    rows.forEach(row -> codes.add(new AvailableCode(row.getUUID("id"), row.getLong("seq"),
                            row.getString("code"), instant(row, "expires_at"))));
                    return codes;
                });
    }

    /**
     * Records what a batch decided: the claim rows, pool cursors and counts of the assignments, a
     * code-request row per attempt and the attempts' events. Answers the pools' new counts.
     */
    public Uni<PoolCounts> recordBatch(SqlConnection connection, UUID campaignId,
                                       Map<Platform, List<Assignment>> assignments, List<RequestRecord> requests,
                                       List<byte[]> events, Instant now) {
        List<Assignment> all = assignments.values().stream().flatMap(List::stream).toList();
        String[] platforms = assignments.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(a -> e.getKey().label())).toArray(String[]::new);
        List<Platform> pools = assignments.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(Map.Entry::getKey).toList();
        return connection.preparedQuery(RECORD_BATCH)
                .execute(Tuple.from(List.of(campaignId,
                        all.stream().map(Assignment::userId).toArray(UUID[]::new),
                        all.stream().map(a -> a.code().id()).toArray(UUID[]::new),
                        platforms, utc(now),
                        pools.stream().map(Platform::label).toArray(String[]::new),
                        pools.stream().map(p -> lastSeq(assignments.get(p))).toArray(Long[]::new),
                        pools.stream().map(p -> (long) assignments.get(p).size()).toArray(Long[]::new),
                        requests.stream().map(RequestRecord::id).toArray(UUID[]::new),
                        requests.stream().map(RequestRecord::userId).toArray(UUID[]::new),
                        requests.stream().map(r -> r.platform().label()).toArray(String[]::new),
                        requests.stream().map(RequestRecord::codeId).toArray(UUID[]::new),
                        requests.stream().map(r -> r.status().wireName()).toArray(String[]::new),
                        requests.stream().map(r -> utc(r.at())).toArray(OffsetDateTime[]::new),
                        Topics.CODE_REQUESTS, campaignId.toString(), OutboxRows.payloads(events))))
                .map(PoolCounts::of);
    }

    /** A code-request row. */
    public record RequestRecord(UUID id, UUID userId, Platform platform, UUID codeId,
                                RequestStatus status, Instant at) {
    }

    private static long lastSeq(List<Assignment> assignments) {
        return assignments.stream().mapToLong(a -> a.code().seq()).max().orElse(0);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
