package io.codedrop.distribution.claim;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** End users, created on the first claim of their device key and seen again on every later claim or refusal. */
@ApplicationScoped
public class EndUserRepository {
    private static final String UPSERT = """
            INSERT INTO end_users (device_key, platform, user_agent, ip_address)
            SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[]) ORDER BY 1
            ON CONFLICT (device_key) DO UPDATE SET last_seen_at = now()
            RETURNING id, device_key""";

    /**
     * The users behind the claimants, by device key, in one statement. Device keys go in sorted order,
     * so batches that share users (allocation and refusals, on any replica) lock them in one order and
     * never deadlock.
     */
    public Uni<Map<String, UUID>> upsert(SqlConnection connection, List<Claimant> claimants) {
        Map<String, Claimant> distinct = new HashMap<>();
        claimants.forEach(claimant -> distinct.putIfAbsent(claimant.deviceKey(), claimant));
        List<Claimant> users = new ArrayList<>(distinct.values());
        users.sort(Comparator.comparing(Claimant::deviceKey));
        return connection.preparedQuery(UPSERT)
                .execute(Tuple.of(
                        users.stream().map(Claimant::deviceKey).toArray(String[]::new),
                        users.stream().map(c -> c.platform().label()).toArray(String[]::new),
                        users.stream().map(Claimant::userAgent).toArray(String[]::new),
                        users.stream().map(Claimant::ipAddress).toArray(String[]::new)))
                .map(rows -> {
                    Map<String, UUID> ids = new HashMap<>();
                    rows.forEach(row -> ids.put(row.getString("device_key"), row.getUUID("id")));
                    return ids;
                });
    }
}
