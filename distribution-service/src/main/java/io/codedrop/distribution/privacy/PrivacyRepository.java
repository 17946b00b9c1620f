package io.codedrop.distribution.privacy;

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
import java.util.function.IntFunction;

/** The SQL of the privacy job: IPs still in clear past their retention, end users not seen for long. */
@ApplicationScoped
public class PrivacyRepository {
    private static final String DUE_IPS = """
            SELECT id, ip_address FROM %s WHERE ip_address IS NOT NULL AND %s < $1
            ORDER BY %2$s LIMIT $2 FOR UPDATE SKIP LOCKED""";
    private static final String STORE_HASHES = """
            UPDATE %s t SET ip_address = NULL, ip_hash = a.ip_hash
            FROM unnest($1::%s[], $2::varchar[]) AS a(id, ip_hash) WHERE t.id = a.id""";
    private static final String DELETE_USERS = """
            DELETE FROM end_users WHERE id IN (
                SELECT id FROM end_users WHERE last_seen_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)""";

    private final Pool pool;

    public PrivacyRepository(Pool pool) {
        this.pool = pool;
    }

    /** Up to {@code limit} rows whose IP was stored before {@code before}, locked until the transaction ends. */
    public Uni<List<StoredIp>> dueIps(SqlConnection connection, IpTable table, Instant before, int limit) {
        return connection.preparedQuery(DUE_IPS.formatted(table.table, table.storedAt))
                .execute(Tuple.of(utc(before), limit))
                .map(rows -> {
                    List<StoredIp> due = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        due.add(new StoredIp(row.getValue("id"), row.getString("ip_address")));
                    }
                    return due;
                });
    }

    /** Replaces the rows' IPs by the given hashes, in the same order. */
    public Uni<Void> storeHashes(SqlConnection connection, IpTable table, List<StoredIp> rows, List<String> hashes) {
        Object[] ids = rows.stream().map(StoredIp::id).toArray(table.idArray);
        return connection.preparedQuery(STORE_HASHES.formatted(table.table, table.idType))
                .execute(Tuple.of(ids, hashes.toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** Deletes up to {@code limit} end users last seen before {@code before}; answers how many. */
    public Uni<Integer> deleteUsersLastSeenBefore(Instant before, int limit) {
        return pool.preparedQuery(DELETE_USERS)
                .execute(Tuple.of(utc(before), limit))
                .map(rows -> rows.rowCount());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A row's key and the IP it still holds in clear. */
    public record StoredIp(Object id, String ipAddress) {
    }

    /** The tables that store IPs, with the time each IP was stored. */
    public enum IpTable {
        END_USERS("end_users", "created_at", "uuid", UUID[]::new),
        REDEMPTION_ATTEMPTS("redemption_attempts", "attempted_at", "bigint", Long[]::new),
        CODE_AUDIT("code_audit", "at", "bigint", Long[]::new);

        private final String table;
        private final String storedAt;
        private final String idType;
        private final IntFunction<Object[]> idArray;

        IpTable(String table, String storedAt, String idType, IntFunction<Object[]> idArray) {
            this.table = table;
            this.storedAt = storedAt;
            this.idType = idType;
            this.idArray = idArray;
        }
    }
}
