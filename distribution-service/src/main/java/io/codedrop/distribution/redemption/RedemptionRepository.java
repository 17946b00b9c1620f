package io.codedrop.distribution.redemption;

import io.codedrop.common.Platform;
import io.codedrop.common.event.CampaignStatus;
import io.codedrop.distribution.codes.CodeStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The SQL of redemption: find a code by its text, lock it with what the checks need, redeem it, audit the try. */
@ApplicationScoped
public class RedemptionRepository {
    private static final String CAMPAIGNS_WITH_CODE = "SELECT DISTINCT campaign_id FROM promo_codes WHERE code = $1";
    /**
     * The lock makes concurrent redemptions of one code take turns: the second sees the first one's
     * redeemed_at, which is why that comes from the locked row and the claim's part from {@code code_states}.
     */
    private static final String LOCK_CODE = """
            SELECT p.id, p.campaign_id, p.code, p.platform, s.status, p.expires_at, s.used_at, p.redeemed_at,
                   s.used_by_user_id, u.device_key, v.status AS campaign_status, v.starts_at AS campaign_starts_at,
                   v.expires_at AS campaign_expires_at
            FROM promo_codes p
                 JOIN code_states s ON s.id = p.id
                 JOIN campaign_view v ON v.id = p.campaign_id
                 LEFT JOIN end_users u ON u.id = s.used_by_user_id
            WHERE p.campaign_id = $1 AND p.code = $2
            FOR NO KEY UPDATE OF p""";
    private static final String REDEEM = "UPDATE promo_codes SET redeemed_at = $2, updated_at = $2 WHERE id = $1";
    private static final String RECORD_ATTEMPT = """
            INSERT INTO redemption_attempts (code, campaign_id, code_id, developer, device_id, user_id, attempted_at,
                                             success, failure_reason, ip_address, user_agent)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""";

    private final Pool pool;

    public RedemptionRepository(Pool pool) {
        this.pool = pool;
    }

    /** Every campaign holding a code with this text, whoever owns it. */
    public Uni<List<UUID>> campaignsWithCode(String code) {
        return pool.preparedQuery(CAMPAIGNS_WITH_CODE)
                .execute(Tuple.of(code))
                .map(rows -> {
                    List<UUID> campaigns = new ArrayList<>(rows.size());
                    rows.forEach(row -> campaigns.add(row.getUUID("campaign_id")));
                    return campaigns;
                });
    }

    public Uni<LockedCode> lock(SqlConnection connection, UUID campaignId, String code) {
        return connection.preparedQuery(LOCK_CODE)
                .execute(Tuple.of(campaignId, code))
                .map(rows -> toCode(rows.iterator().next()));
    }

    public Uni<Void> redeem(SqlConnection connection, UUID codeId, Instant at) {
        return connection.preparedQuery(REDEEM)
                .execute(Tuple.of(codeId, utc(at)))
                .replaceWithVoid();
    }

    /** Records the attempt on {@code client}: the pool for a try that found no code, else the transaction. */
    public Uni<Void> record(SqlClient client, RedemptionAttempt attempt) {
        Tuple values = Tuple.tuple()
                .addString(attempt.code())
                .addUUID(attempt.campaignId())
                .addUUID(attempt.codeId())
                .addString(attempt.actor().subject())
                .addString(attempt.deviceId())
                .addUUID(attempt.userId())
                .addOffsetDateTime(utc(attempt.attemptedAt()))
                .addBoolean(attempt.failure() == null)
                .addString(attempt.failure() == null ? null : attempt.failure().reason())
                .addString(attempt.actor().ipAddress())
                .addString(attempt.actor().userAgent());
        return client.preparedQuery(RECORD_ATTEMPT).execute(values).replaceWithVoid();
    }

    private static LockedCode toCode(Row row) {
        return new LockedCode(row.getUUID("id"), row.getUUID("campaign_id"), row.getString("code"),
                Platform.parse(row.getString("platform")), CodeStatus.fromWire(row.getString("status")),
                instant(row, "expires_at"), instant(row, "used_at"), instant(row, "redeemed_at"),
                row.getUUID("used_by_user_id"), row.getString("device_key"),
                CampaignStatus.fromWire(row.getString("campaign_status")), instant(row, "campaign_starts_at"),
                instant(row, "campaign_expires_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
