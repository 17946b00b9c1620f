package io.codedrop.distribution.codes;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Writes the code audit trail: one row per code and action, many codes in one statement. */
@ApplicationScoped
public class CodeAudit {
    private static final String RECORD = """
            INSERT INTO code_audit (code_id, campaign_id, action, actor, ip_address, user_agent, at)
            SELECT code_id, $2, $3, $4, $5, $6, $7 FROM unnest($1::uuid[]) AS code_id""";

    public Uni<Void> record(SqlConnection connection, UUID campaignId, Collection<UUID> codeIds, AuditAction action,
                            Actor actor, Instant at) {
        if (codeIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(RECORD)
                .execute(Tuple.from(List.of(codeIds.toArray(UUID[]::new), campaignId, action.wireName(),
                        actor.subject())).addString(actor.ipAddress()).addString(actor.userAgent())
                        .addOffsetDateTime(at.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }
}
