package io.codedrop.analytics.repository;

import io.codedrop.analytics.domain.CodeCounts;
import io.codedrop.analytics.domain.StatsDelta;
import io.codedrop.analytics.domain.StatsDelta.DayKey;
import io.codedrop.analytics.domain.StatsDelta.PlatformKey;
import io.codedrop.analytics.domain.StatsDelta.RequestKey;
import io.codedrop.common.Platform;
import io.codedrop.common.event.RequestStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Aggregates in Postgres. A batch of events is one transaction: its event ids are recorded and only
 * the events seen for the first time are summed into the aggregates, with one multi-row upsert per table.
 */
@ApplicationScoped
public class StatsRepository {
    private static final String RECORD_EVENTS = """
            INSERT INTO processed_events (event_id)
            SELECT id FROM unnest($1::uuid[]) AS ids(id) ORDER BY id
            ON CONFLICT DO NOTHING
            RETURNING event_id""";
    private static final String ADD_CODES = """
            INSERT INTO platform_stats
                (campaign_id, platform, stocked_codes, used_codes, expired_codes, withdrawn_codes, redeemed_codes)
            SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[],
                                 $7::bigint[])
            ON CONFLICT (campaign_id, platform) DO UPDATE SET
                stocked_codes = platform_stats.stocked_codes + EXCLUDED.stocked_codes,
                used_codes = platform_stats.used_codes + EXCLUDED.used_codes,
                expired_codes = platform_stats.expired_codes + EXCLUDED.expired_codes,
                withdrawn_codes = platform_stats.withdrawn_codes + EXCLUDED.withdrawn_codes,
                redeemed_codes = platform_stats.redeemed_codes + EXCLUDED.redeemed_codes""";
    private static final String ADD_DAILY_USED = """
            INSERT INTO daily_usage (campaign_id, day, used_codes)
            SELECT * FROM unnest($1::uuid[], $2::date[], $3::bigint[])
            ON CONFLICT (campaign_id, day) DO UPDATE SET used_codes = daily_usage.used_codes + EXCLUDED.used_codes""";
    private static final String ADD_REQUESTS = """
            INSERT INTO request_stats (campaign_id, platform, day, status, requests)
            SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::date[], $4::varchar[], $5::bigint[])
            ON CONFLICT (campaign_id, platform, day, status)
            DO UPDATE SET requests = request_stats.requests + EXCLUDED.requests""";
    private static final String TOUCH_CAMPAIGNS = """
            INSERT INTO campaign_stats (campaign_id, version, last_updated)
            SELECT id, nextval('stats_version'), at FROM unnest($1::uuid[], $2::timestamptz[]) AS touched(id, at)
            ON CONFLICT (campaign_id) DO UPDATE SET
                version = EXCLUDED.version,
                last_updated = greatest(campaign_stats.last_updated, EXCLUDED.last_updated)""";
    /** One statement, so the document is read from one snapshot: its numbers always add up. */
    private static final String CAMPAIGN_AGGREGATES = """
            SELECT
              (SELECT coalesce(json_agg(json_build_array(platform, stocked_codes, used_codes, expired_codes,
                                                         withdrawn_codes, redeemed_codes)), '[]')
                 FROM platform_stats WHERE campaign_id = $1) AS codes,
              (SELECT coalesce(json_agg(json_build_array(day, used_codes)), '[]')
                 FROM daily_usage WHERE campaign_id = $1) AS daily,
              (SELECT coalesce(json_agg(json_build_array(status, requests)), '[]')
                 FROM (SELECT status, sum(requests) AS requests FROM request_stats
                       WHERE campaign_id = $1 GROUP BY status) AS by_status) AS requests,
              s.version, s.last_updated
            FROM (SELECT 1) AS one LEFT JOIN campaign_stats s ON s.campaign_id = $1""";
    private static final String STREAM_VERSIONS = """
            SELECT v.id, v.updated_at, v.deleted, coalesce(s.version, 0) AS version
            FROM campaign_view v LEFT JOIN campaign_stats s ON s.campaign_id = v.id
            WHERE v.id = ANY($1)""";
    private static final String PLATFORM_DAYS_SCOPE = """
            FROM request_stats r JOIN campaign_view v ON v.id = r.campaign_id
            WHERE r.day BETWEEN $1 AND $2 AND NOT v.deleted AND ($3 OR v.snapshot -> 'readers' ? $4)
            GROUP BY r.platform, r.day""";
    private static final String PLATFORM_DAYS = """
            SELECT r.platform, r.day, sum(r.requests) AS total,
                   coalesce(sum(r.requests) FILTER (WHERE r.status = 'fulfilled'), 0) AS fulfilled
            """ + PLATFORM_DAYS_SCOPE + """

            ORDER BY r.day, r.platform
            LIMIT $5 OFFSET $6""";
    private static final String COUNT_PLATFORM_DAYS = "SELECT count(*) FROM (SELECT 1 " + PLATFORM_DAYS_SCOPE + ") AS g";

    private final Pool pool;

    public StatsRepository(Pool pool) {
        this.pool = pool;
    }

    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /** Records the event ids as applied and answers those that were not recorded before. */
    public Uni<Set<UUID>> recordNew(SqlConnection connection, Collection<UUID> eventIds) {
        return connection.preparedQuery(RECORD_EVENTS)
                .execute(Tuple.of(eventIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Set<UUID> fresh = new HashSet<>();
                    rows.forEach(row -> fresh.add(row.getUUID(0)));
                    return fresh;
                });
    }

    /**
     * Sends the upserts together: the connection pipelines them, so a batch costs one round trip
     * instead of four, and Postgres still runs them in this order (the same lock order everywhere).
     */
    public Uni<Void> apply(SqlConnection connection, StatsDelta delta) {
        return Uni.join().all(
                        addCodes(connection, delta.codes()),
                        addDailyUsed(connection, delta.dailyUsed()),
                        addRequests(connection, delta.requests()),
                        touch(connection, delta.lastUpdated()))
                .andFailFast()
                .replaceWithVoid();
    }

    private Uni<Void> addCodes(SqlConnection connection, Map<PlatformKey, CodeCounts> codes) {
        if (codes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = codes.size();
        UUID[] campaigns = new UUID[size];
        String[] platforms = new String[size];
        Long[] stocked = new Long[size];
        Long[] used = new Long[size];
        Long[] expired = new Long[size];
        Long[] withdrawn = new Long[size];
        Long[] redeemed = new Long[size];
        int i = 0;
        for (Map.Entry<PlatformKey, CodeCounts> entry : codes.entrySet()) {
            CodeCounts counts = entry.getValue();
            campaigns[i] = entry.getKey().campaignId();
            platforms[i] = entry.getKey().platform().label();
            stocked[i] = counts.stocked();
            used[i] = counts.used();
            expired[i] = counts.expired();
            withdrawn[i] = counts.withdrawn();
            redeemed[i] = counts.redeemed();
            i++;
        }
        return connection.preparedQuery(ADD_CODES)
                .execute(Tuple.tuple(List.<Object>of(campaigns, platforms, stocked, used, expired, withdrawn, redeemed)))
                .replaceWithVoid();
    }

    private Uni<Void> addDailyUsed(SqlConnection connection, Map<DayKey, Long> dailyUsed) {
        if (dailyUsed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = dailyUsed.size();
        UUID[] campaigns = new UUID[size];
        LocalDate[] days = new LocalDate[size];
        Long[] used = new Long[size];
        int i = 0;
        for (Map.Entry<DayKey, Long> entry : dailyUsed.entrySet()) {
            campaigns[i] = entry.getKey().campaignId();
            days[i] = entry.getKey().day();
            used[i] = entry.getValue();
            i++;
        }
        return connection.preparedQuery(ADD_DAILY_USED)
                .execute(Tuple.of(campaigns, days, used))
                .replaceWithVoid();
    }

    private Uni<Void> addRequests(SqlConnection connection, Map<RequestKey, Long> requests) {
        if (requests.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = requests.size();
        UUID[] campaigns = new UUID[size];
        String[] platforms = new String[size];
        LocalDate[] days = new LocalDate[size];
        String[] statuses = new String[size];
        Long[] counts = new Long[size];
        int i = 0;
        for (Map.Entry<RequestKey, Long> entry : requests.entrySet()) {
            RequestKey key = entry.getKey();
            campaigns[i] = key.campaignId();
            platforms[i] = key.platform().label();
            days[i] = key.day();
            statuses[i] = key.status().wireName();
            counts[i] = entry.getValue();
            i++;
        }
        return connection.preparedQuery(ADD_REQUESTS)
                .execute(Tuple.of(campaigns, platforms, days, statuses, counts))
                .replaceWithVoid();
    }

    private Uni<Void> touch(SqlConnection connection, Map<UUID, Instant> lastUpdated) {
        if (lastUpdated.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] campaigns = lastUpdated.keySet().toArray(UUID[]::new);
        OffsetDateTime[] times = lastUpdated.values().stream()
                .map(at -> at.atOffset(ZoneOffset.UTC))
                .toArray(OffsetDateTime[]::new);
        return connection.preparedQuery(TOUCH_CAMPAIGNS)
                .execute(Tuple.of(campaigns, times))
                .replaceWithVoid();
    }

    /** Empties every aggregate and the record of applied events, so that the topics can be applied again. */
    public Uni<Void> truncate() {
        return pool.query("TRUNCATE processed_events, platform_stats, daily_usage, request_stats, campaign_stats")
                .execute()
                .replaceWithVoid();
    }

    public Uni<CampaignAggregates> campaign(UUID campaignId) {
        return pool.preparedQuery(CAMPAIGN_AGGREGATES)
                .execute(Tuple.of(campaignId))
                .map(rows -> CampaignAggregates.of(rows.iterator().next()));
    }

    /** The current version of each campaign's document, for the live streams' change detection. */
    public Uni<Map<UUID, StreamVersion>> streamVersions(Collection<UUID> campaignIds) {
        return pool.preparedQuery(STREAM_VERSIONS)
                .execute(Tuple.of(campaignIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, StreamVersion> versions = new HashMap<>();
                    rows.forEach(row -> versions.put(row.getUUID("id"), new StreamVersion(row.getLong("version"),
                            row.getOffsetDateTime("updated_at").toInstant(), row.getBoolean("deleted"))));
                    return versions;
                });
    }

    /** Claim attempts per platform and UTC day over the campaigns the reader may see (all for {@code everyCampaign}). */
    public Uni<List<PlatformDay>> platformDays(String reader, boolean everyCampaign, LocalDate from, LocalDate to,
                                               int page, int size) {
        return pool.preparedQuery(PLATFORM_DAYS)
                .execute(Tuple.of(from, to, everyCampaign, reader, size, (long) page * size))
                .map(StatsRepository::platformDays);
    }

    public Uni<Long> countPlatformDays(String reader, boolean everyCampaign, LocalDate from, LocalDate to) {
        return pool.preparedQuery(COUNT_PLATFORM_DAYS)
                .execute(Tuple.of(from, to, everyCampaign, reader))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static List<PlatformDay> platformDays(RowSet<Row> rows) {
        List<PlatformDay> result = new ArrayList<>(rows.size());
        rows.forEach(row -> result.add(new PlatformDay(Platform.parse(row.getString("platform")),
                row.getLocalDate("day"), row.getLong("total"), row.getLong("fulfilled"))));
        return result;
    }

    /** A campaign's aggregates as of one moment; {@code lastUpdated} is null before its first event. */
    public record CampaignAggregates(Map<Platform, CodeCounts> codes, SortedMap<LocalDate, Long> dailyUsed,
                                     Map<RequestStatus, Long> requests, Instant lastUpdated, long version) {
        static CampaignAggregates of(Row row) {
            Map<Platform, CodeCounts> codes = new EnumMap<>(Platform.class);
            jsonRows(row, "codes").forEach(r -> codes.put(Platform.parse(r.getString(0)),
                    new CodeCounts(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5))));
            SortedMap<LocalDate, Long> daily = new TreeMap<>();
            jsonRows(row, "daily").forEach(r -> daily.put(LocalDate.parse(r.getString(0)), r.getLong(1)));
            Map<RequestStatus, Long> requests = new EnumMap<>(RequestStatus.class);
            jsonRows(row, "requests").forEach(r -> requests.put(RequestStatus.fromWire(r.getString(0)), r.getLong(1)));
            OffsetDateTime lastUpdated = row.getOffsetDateTime("last_updated");
            Long version = row.getLong("version");
            return new CampaignAggregates(codes, daily, requests, lastUpdated == null ? null : lastUpdated.toInstant(),
                    version == null ? 0 : version);
        }

        private static List<JsonArray> jsonRows(Row row, String column) {
            JsonArray array = row.getJsonArray(column);
            List<JsonArray> result = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                result.add(array.getJsonArray(i));
            }
            return result;
        }
    }

    /** What a live stream's document depends on: the aggregates' version and the campaign snapshot. */
    public record StreamVersion(long stats, Instant campaignUpdatedAt, boolean deleted) {
    }

    /** Claim attempts of one platform on one UTC day. */
    public record PlatformDay(Platform platform, LocalDate day, long totalRequests, long fulfilledRequests) {
    }
}
