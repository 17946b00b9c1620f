package io.codedrop.distribution.stocking;

import io.codedrop.common.Platform;
import io.codedrop.common.event.BatchCode;
import io.codedrop.distribution.availability.PoolCounts;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The SQL of stocking: a whole batch of codes in one statement, duplicates left out by the unique key. */
@ApplicationScoped
public class StockingRepository {
    private static final String ALREADY_STOCKED = "SELECT 1 FROM stocked_batches WHERE upload_id = $1 AND batch_seq = $2";
    private static final String INSERT_CODES = """
            INSERT INTO promo_codes (campaign_id, code, platform, expires_at, upload_id)
            SELECT $1, c.code, c.platform, c.expires_at, $2
            FROM unnest($3::varchar[], $4::varchar[], $5::timestamptz[]) WITH ORDINALITY AS c(code, platform, expires_at, n)
            ORDER BY c.n
            ON CONFLICT (campaign_id, code) DO NOTHING
            RETURNING platform""";
    private static final String ADD_TO_POOLS = """
            INSERT INTO code_pools (campaign_id, platform, available)
            SELECT $1, a.platform, a.added FROM unnest($2::varchar[], $3::bigint[]) AS a(platform, added)
            ON CONFLICT (campaign_id, platform) DO UPDATE SET available = code_pools.available + EXCLUDED.available,
                                                          version = code_pools.version + 1
            RETURNING platform, available, version""";
    private static final String RECORD_BATCH = """
            INSERT INTO stocked_batches (upload_id, batch_seq, campaign_id, accepted, duplicates, rejected)
            VALUES ($1, $2, $3, $4, $5, $6)""";

    public Uni<Boolean> alreadyStocked(SqlConnection connection, UUID uploadId, int batchSeq) {
        return connection.preparedQuery(ALREADY_STOCKED)
                .execute(Tuple.of(uploadId, batchSeq))
                .map(rows -> rows.size() > 0);
    }

    /** Inserts the codes in batch order (their FIFO order) and answers how many each platform got. */
    public Uni<Map<Platform, Integer>> insertCodes(SqlConnection connection, UUID campaignId, UUID uploadId,
                                                  List<BatchCode> codes) {
        return connection.preparedQuery(INSERT_CODES)
                .execute(Tuple.of(campaignId, uploadId,
                        codes.stream().map(BatchCode::code).toArray(String[]::new),
                        codes.stream().map(c -> c.platform().label()).toArray(String[]::new),
                        codes.stream().map(c -> c.expiresAt() == null ? null : c.expiresAt().atOffset(ZoneOffset.UTC))
                                .toArray(OffsetDateTime[]::new)))
                .map(rows -> {
                    Map<Platform, Integer> accepted = new EnumMap<>(Platform.class);
                    rows.forEach(row -> accepted.merge(Platform.parse(row.getString("platform")), 1, Integer::sum));
                    return accepted;
                });
    }

    public Uni<PoolCounts> addToPools(SqlConnection connection, UUID campaignId,
                                   Map<Platform, Integer> accepted) {
        if (accepted.isEmpty()) {
            return Uni.createFrom().item(PoolCounts.NONE);
        }
        return connection.preparedQuery(ADD_TO_POOLS)
                .execute(Tuple.of(campaignId,
                        accepted.keySet().stream().map(Platform::label).toArray(String[]::new),
                        accepted.values().stream().map(Integer::longValue).toArray(Long[]::new)))
                .map(PoolCounts::of);
    }

    public Uni<Void> recordBatch(SqlConnection connection, UUID uploadId, int batchSeq, UUID campaignId,
                                 int accepted, int duplicates, String rejected) {
        return connection.preparedQuery(RECORD_BATCH)
                .execute(Tuple.tuple(List.of(uploadId, batchSeq, campaignId, accepted, duplicates))
                        .addString(rejected))
                .replaceWithVoid();
    }
}
