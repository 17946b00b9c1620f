package io.codedrop.distribution.codes;

import io.codedrop.common.Platform;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
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
 * The SQL of the developer code operations. Filters become SQL only when given, so each combination
 * gets its own prepared statement and plan: pages walk the {@code (campaign_id, seq)} index in upload
 * order and filter as they go. They read {@code code_states}: a code's status there says whether a
 * claim holds it.
 */
@ApplicationScoped
public class CodeRepository {
    private static final String COLUMNS = """
            id, campaign_id, seq, code, platform, status, expires_at, used_at, redeemed_at, created_at""";
    private static final String CAMPAIGN_OF = "SELECT campaign_id FROM promo_codes WHERE id = $1";
    private static final String CODE = "SELECT " + COLUMNS + " FROM code_states WHERE id = $1";
    private static final String WITHDRAW = """
            UPDATE promo_codes SET status = 'withdrawn', updated_at = $2
            WHERE id = $1 AND status = 'unused' AND NOT EXISTS (SELECT 1 FROM claims WHERE code_id = $1)""";

    private final Pool pool;

    public CodeRepository(Pool pool) {
        this.pool = pool;
    }

    /** One page in upload order. */
    public Uni<List<StoredCode>> page(CodeFilter filter, int page, int size) {
        Where where = Where.of(filter);
        String sql = "SELECT " + COLUMNS + " FROM code_states WHERE " + where.sql
                + " ORDER BY seq LIMIT " + where.bind(size) + " OFFSET " + where.bind((long) page * size);
        return pool.preparedQuery(sql)
                .execute(where.params)
                .map(CodeRepository::codes);
    }

    public Uni<Long> count(CodeFilter filter) {
        Where where = Where.of(filter);
        return pool.preparedQuery("SELECT count(*) FROM code_states WHERE " + where.sql)
                .execute(where.params)
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** The next {@code limit} codes after {@code seq} in upload order: an export reads on without OFFSET. */
    public Uni<List<StoredCode>> after(CodeFilter filter, long seq, int limit) {
        Where where = Where.of(filter);
        String sql = "SELECT " + COLUMNS + " FROM code_states WHERE " + where.sql
                + " AND seq > " + where.bind(seq) + " ORDER BY seq LIMIT " + where.bind(limit);
        return pool.preparedQuery(sql)
                .execute(where.params)
                .map(CodeRepository::codes);
    }

    /** The campaign the code belongs to, or null for an unknown code. */
    public Uni<UUID> campaignOf(UUID codeId) {
        return pool.preparedQuery(CAMPAIGN_OF)
                .execute(Tuple.of(codeId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID("campaign_id"));
    }

    /** The code as it stands; under the campaign's lock, nothing changes its status before the transaction ends. */
    public Uni<StoredCode> find(SqlConnection connection, UUID codeId) {
        return connection.preparedQuery(CODE)
                .execute(Tuple.of(codeId))
                .map(rows -> codes(rows).get(0));
    }

    public Uni<Void> withdraw(SqlConnection connection, UUID codeId, Instant at) {
        return connection.preparedQuery(WITHDRAW)
                .execute(Tuple.of(codeId, utc(at)))
                .replaceWithVoid();
    }

    private static List<StoredCode> codes(RowSet<Row> rows) {
        List<StoredCode> codes = new ArrayList<>(rows.size());
        for (Row row : rows) {
            codes.add(new StoredCode(row.getUUID("id"), row.getUUID("campaign_id"), row.getLong("seq"),
                    row.getString("code"), Platform.parse(row.getString("platform")),
                    CodeStatus.fromWire(row.getString("status")), instant(row, "expires_at"),
                    instant(row, "used_at"), instant(row, "redeemed_at"), instant(row, "created_at")));
        }
        return codes;
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The filter's conditions and their parameters; more parameters are bound after them. */
    private static final class Where {
        private final StringBuilder sql = new StringBuilder();
        private final Tuple params = Tuple.tuple();

        private static Where of(CodeFilter filter) {
            Where where = new Where();
            where.sql.append("campaign_id = ").append(where.bind(filter.campaignId()));
            if (filter.status() != null) {
                where.sql.append(" AND status = ").append(where.bind(filter.status().wireName()));
            }
            if (filter.platform() != null) {
                where.sql.append(" AND platform = ").append(where.bind(filter.platform().label()));
            }
            return where;
        }

        /** Adds a parameter and answers its placeholder. */
        private String bind(Object value) {
            params.addValue(value);
            return "$" + params.size();
        }
    }
}
