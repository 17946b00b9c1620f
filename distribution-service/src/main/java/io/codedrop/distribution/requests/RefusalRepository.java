package io.codedrop.distribution.requests;

import io.codedrop.distribution.abuse.FraudCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The SQL of refused claims: their users, code requests and fraud checks, a whole batch per statement. */
@ApplicationScoped
public class RefusalRepository {
    private static final String INSERT_REQUESTS = """
            INSERT INTO code_requests (id, campaign_id, user_id, platform, status, created_at)
            SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[], $5::varchar[], $6::timestamptz[])""";
    private static final String INSERT_CHECKS = """
            INSERT INTO fraud_checks (request_id, campaign_id, user_id, check_type, flagged, details, created_at)
            SELECT a.request_id, a.campaign_id, a.user_id, a.check_type, a.flagged, a.details::jsonb, a.created_at
            FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[], $5::boolean[], $6::text[], $7::timestamptz[])
                 AS a(request_id, campaign_id, user_id, check_type, flagged, details, created_at)""";

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
