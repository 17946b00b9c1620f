package io.codedrop.campaign.repository;

import io.codedrop.campaign.domain.CountsDelta;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.SortedMap;
import java.util.UUID;

/**
 * The campaigns' code counts, changed only by SQL increments, so concurrent events and edits never
 * lose an increment (the entity never writes them back).
 */
@ApplicationScoped
public class CampaignCountsRepository {
    private static final String ADD = """
            UPDATE campaigns
            SET total_codes = total_codes + $2, used_codes = used_codes + $3, expired_codes = expired_codes + $4
            WHERE id = $1""";

    /**
     * One UPDATE per campaign, sent together (one round trip) and run in the map's order, which
     * callers keep to the database's id order so that writers locking several campaigns cannot
     * deadlock. A campaign that is unknown or deleted matches no row and is skipped.
     */
    public Uni<Void> add(SqlConnection connection, SortedMap<UUID, CountsDelta> deltas) {
        if (deltas.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = deltas.entrySet().stream()
                .map(entry -> Tuple.of(entry.getKey(), entry.getValue().total(), entry.getValue().used(),
                        entry.getValue().expired()))
                .toList();
        return connection.preparedQuery(ADD)
                .executeBatch(rows)
                .replaceWithVoid();
    }
}
