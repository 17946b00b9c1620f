package io.codedrop.distribution.requests;

import io.codedrop.distribution.abuse.FraudCheck;
import io.codedrop.distribution.claim.Claimant;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The SQL of refused claims: their users, code requests and fraud checks, a whole batch per statement. */
@ApplicationScoped
public class RefusalRepository {
    private static final String UPSERT_USERS = """
            INSERT INTO end_users (device_key, platform, user_agent, ip_address)
            SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[]) ORDER BY 1
            ON CONFLICT (device_key) DO UPDATE SET last_seen_at = now()
            RETURNING id, device_key""";
    private static final String INSERT_REQUESTS = """
            INSERT INTO code_requests (id, campaign_id, user_id, platform, status, created_at)
            SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[], $5::varchar[], $6::timestamptz[])""";
    private static final String INSERT_CHECKS = """
            INSERT INTO fraud_checks (request_id, campaign_id, user_id, check_type, flagged, details, created_at)
            SELECT a.request_id, a.campaign_id, a.user_id, a.check_type, a.flagged, a.details::jsonb, a.created_at
            FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[], $5::boolean[], $6::text[], $7::timestamptz[])
                 AS a(request_id, campaign_id, user_id, check_type, flagged, details, created_at)""";

    /** The users behind the refused claims, created on first sight; sorted device keys, as allocation locks them. */
    public Uni<Map<String, UUID>> upsertUsers(SqlConnection connection, List<Refusal> refusals) {
        Map<String, Claimant> distinct = new LinkedHashMap<>();
        refusals.forEach(refusal -> distinct.putIfAbsent(refusal.claimant().deviceKey(), refusal.claimant()));
        List<Claimant> users = new ArrayList<>(distinct.values());
        users.sort(Comparator.comparing(Claimant::deviceKey));
        return connection.preparedQuery(UPSERT_USERS)
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

    public Uni<Void> insertRequests(SqlConnection connection, List<Refusal> refusals, Map<String, UUID> users) {
        return connection.preparedQuery(INSERT_REQUESTS)
                .execute(Tuple.of(
                        refusals.stream().map(Refusal::requestId).toArray(UUID[]::new),
                        refusals.stream().map(Refusal::campaignId).toArray(UUID[]::new),
                        refusals.stream().map(r -> users.get(r.claimant().deviceKey())).toArray(UUID[]::new),
                        refusals.stream().map(r -> r.claimant().platform().label()).toArray(String[]::new),
                        refusals.stream().map(r -> r.status().wireName()).toArray(String[]::new),
                        refusals.stream().map(r -> r.at().atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new)))
                .replaceWithVoid();
    }

    public Uni<Void> insertFraudChecks(SqlConnection connection, List<Refusal> refusals, Map<String, UUID> users) {
        List<Refusal> owners = new ArrayList<>();
        List<FraudCheck> checks = new ArrayList<>();
        refusals.forEach(refusal -> refusal.checks().forEach(check -> {
            owners.add(refusal);
            checks.add(check);
        }));
        if (checks.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(INSERT_CHECKS)
                .execute(Tuple.from(List.of(
                        owners.stream().map(Refusal::requestId).toArray(UUID[]::new),
                        owners.stream().map(Refusal::campaignId).toArray(UUID[]::new),
                        owners.stream().map(r -> users.get(r.claimant().deviceKey())).toArray(UUID[]::new),
                        checks.stream().map(c -> c.type().wireName()).toArray(String[]::new),
                        checks.stream().map(FraudCheck::flagged).toArray(Boolean[]::new),
                        checks.stream().map(c -> new JsonObject(c.details()).encode()).toArray(String[]::new),
                        owners.stream().map(r -> r.at().atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new))))
                .replaceWithVoid();
    }
}
