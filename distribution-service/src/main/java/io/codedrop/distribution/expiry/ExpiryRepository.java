package io.codedrop.distribution.expiry;

import io.codedrop.common.Platform;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The SQL of code expiry. Both statements read the partial index of unused codes with an expiry, so
 * the cost follows the codes that are due, not the millions that are not.
 */
@ApplicationScoped
public class ExpiryRepository {
    /** One index probe per campaign that still has codes. */
    private static final String CAMPAIGNS_WITH_DUE_CODES = """
            SELECT DISTINCT pools.campaign_id FROM code_pools pools
            WHERE pools.available > 0 AND EXISTS (
                SELECT 1 FROM promo_codes p
                WHERE p.campaign_id = pools.campaign_id AND p.status = 'unused'
                  AND p.expires_at IS NOT NULL AND p.expires_at <= $1)""";
    /**
     * A due code a claim holds was handed out before it expired: it is marked {@code used}, which is what it
     * already shows, so that it leaves the partial index and is not passed again.
     */
    private static final String EXPIRE = """
            UPDATE promo_codes p SET status = CASE WHEN due.claimed THEN 'used' ELSE 'expired' END,
                                     updated_at = CASE WHEN due.claimed THEN p.updated_at ELSE $2 END
            FROM (SELECT d.id, EXISTS (SELECT 1 FROM claims c WHERE c.code_id = d.id) AS claimed FROM promo_codes d
                  WHERE d.campaign_id = $1 AND d.status = 'unused' AND d.expires_at IS NOT NULL AND d.expires_at <= $2
                  LIMIT $3) due
            WHERE p.id = due.id
            RETURNING p.id, p.platform, due.claimed""";

    private final Pool pool;

    public ExpiryRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<UUID>> campaignsWithDueCodes(Instant now) {
        return pool.preparedQuery(CAMPAIGNS_WITH_DUE_CODES)
                .execute(Tuple.of(utc(now)))
                .map(rows -> {
                    List<UUID> campaigns = new ArrayList<>(rows.size());
                    rows.forEach(row -> campaigns.add(row.getUUID("campaign_id")));
                    return campaigns;
                });
    }

    /**
     * Passes up to {@code limit} due codes of the campaign, marking the unclaimed ones expired; call it
     * under the campaign's lock.
     */
    public Uni<DueCodes> expire(SqlConnection connection, UUID campaignId, Instant now, int limit) {
        return connection.preparedQuery(EXPIRE)
                .execute(Tuple.of(campaignId, utc(now), limit))
                .map(rows -> {
                    List<ExpiredCode> expired = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        if (!row.getBoolean("claimed")) {
                            expired.add(new ExpiredCode(row.getUUID("id"), Platform.parse(row.getString("platform"))));
                        }
                    }
                    return new DueCodes(rows.size(), expired);
                });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The due codes one statement passed, and those of them it expired. */
    public record DueCodes(int passed, List<ExpiredCode> expired) {
    }

    /** A code the job just expired. */
    public record ExpiredCode(UUID id, Platform platform) {
    }
}
