package io.codedrop.distribution.codes;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * The lock allocation and stocking take on a campaign: its {@code allocation_state} row, created on first
 * use. Whatever takes codes out of the pool another way (withdrawal, expiry) takes it too, so that a code
 * is never withdrawn or expired while it is being handed out, and pool counts stay exact.
 */
@ApplicationScoped
public class CampaignLock {
    /** An upsert locks the row whether it existed or not, in one round trip. */
    private static final String LOCK = """
            INSERT INTO allocation_state (campaign_id) VALUES ($1)
            ON CONFLICT (campaign_id) DO UPDATE SET claimed_total = allocation_state.claimed_total""";

    /** Holds the campaign until the connection's transaction ends. */
    public Uni<Void> lock(SqlConnection connection, UUID campaignId) {
        return connection.preparedQuery(LOCK)
                .execute(Tuple.of(campaignId))
                .replaceWithVoid();
    }
}
