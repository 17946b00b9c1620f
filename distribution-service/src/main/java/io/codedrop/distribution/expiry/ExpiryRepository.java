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
    private static final String EXPIRE = """
            UPDATE promo_codes p SET status = 'expired', updated_at = $2
            FROM (SELECT id FROM promo_codes
                  WHERE campaign_id = $1 AND status = 'unused' AND expires_at IS NOT NULL AND expires_at <= $2
                  LIMIT $3) due
            WHERE p.id = due.id
            RETURNING p.id, p.platform""";

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

    /** Marks up to {@code limit} due codes of the campaign expired; call it under the campaign's lock. */
    public Uni<List<ExpiredCode>> expire(SqlConnection connection, UUID campaignId, Instant now, int limit) {
        return connection.preparedQuery(EXPIRE)
                .execute(Tuple.of(campaignId, utc(now), limit))
                .map(rows -> {
                    List<ExpiredCode> expired = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        expired.add(new ExpiredCode(row.getUUID("id"), Platform.parse(row.getString("platform"))));
                    }
                    return expired;
                });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A code the job just expired. */
    public record ExpiredCode(UUID id, Platform platform) {
    }
}
