package io.codedrop.analytics.repository;

import io.codedrop.analytics.domain.CodeCounts;
import io.codedrop.analytics.domain.StatsBatch;
import io.codedrop.analytics.domain.StatsBatch.DayKey;
import io.codedrop.analytics.domain.StatsBatch.EventRow;
import io.codedrop.analytics.domain.StatsBatch.OffsetRange;
import io.codedrop.analytics.domain.StatsBatch.PlatformKey;
import io.codedrop.analytics.domain.StatsBatch.RequestKey;
import io.codedrop.analytics.domain.StatsBatch.Sums;
import io.codedrop.common.Platform;
import io.codedrop.common.event.RequestStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlResult;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
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

/**
 * Aggregates in Postgres. A batch of events is one statement: its event ids are recorded and only
 * the events seen for the first time are added to the aggregates, with one multi-row upsert per table.
 */
@ApplicationScoped
public class StatsRepository {
    /**
     * A batch whose events are all new, in one statement (atomic without a transaction around it, one
     * round trip): its event ids are recorded, its sums upserted, its partitions' positions moved.
     * Nothing happens if a record was read from behind its partition's position (read again after a
     * rebalance or an offset reset), and an id recorded before fails the statement on the key: then
     * the batch is applied event by event instead ({@link #APPLY_NEW_EVENTS}). Rows are upserted in
     * key order in every statement that touches them ({@code COLLATE "C"}: the same order whatever
     * the database's collation), so concurrent replicas cannot deadlock. A replay has no topic: no
     * position applies to it.
     */
    private static final String APPLY_NEW_BATCH = """
            WITH behind AS (
                SELECT 1 FROM unnest($1::int[], $2::bigint[]) AS r(partition, first_offset)
                JOIN consumed_positions p ON p.topic = $4::varchar AND p.partition = r.partition
                WHERE r.first_offset < p.next_offset
                LIMIT 1
            ), recorded AS (
                INSERT INTO processed_events (event_id)
                SELECT id FROM unnest($5::uuid[]) AS ids(id) WHERE NOT EXISTS (SELECT FROM behind) ORDER BY id
                RETURNING event_id
            ), codes AS (
                INSERT INTO platform_stats
                    (campaign_id, platform, stocked_codes, used_codes, expired_codes, withdrawn_codes, redeemed_codes)
                SELECT * FROM unnest($6::uuid[], $7::varchar[], $8::bigint[], $9::bigint[], $10::bigint[],
                                     $11::bigint[], $12::bigint[]) AS c(campaign_id, platform)
                WHERE NOT EXISTS (SELECT FROM behind)
                ORDER BY campaign_id, platform COLLATE "C"
                ON CONFLICT (campaign_id, platform) DO UPDATE SET
                    stocked_codes = platform_stats.stocked_codes + EXCLUDED.stocked_codes,
                    used_codes = platform_stats.used_codes + EXCLUDED.used_codes,
                    expired_codes = platform_stats.expired_codes + EXCLUDED.expired_codes,
                    withdrawn_codes = platform_stats.withdrawn_codes + EXCLUDED.withdrawn_codes,
                    redeemed_codes = platform_stats.redeemed_codes + EXCLUDED.redeemed_codes
            ), daily AS (
                INSERT INTO daily_usage (campaign_id, day, used_codes)
                SELECT * FROM unnest($13::uuid[], $14::date[], $15::bigint[]) AS d(campaign_id, day)
                WHERE NOT EXISTS (SELECT FROM behind)
                ORDER BY campaign_id, day
                ON CONFLICT (campaign_id, day) DO UPDATE SET used_codes = daily_usage.used_codes + EXCLUDED.used_codes
            ), requests AS (
                INSERT INTO request_stats (campaign_id, platform, day, status, requests)
                SELECT * FROM unnest($16::uuid[], $17::varchar[], $18::date[], $19::varchar[], $20::bigint[])
                    AS r(campaign_id, platform, day, status)
                WHERE NOT EXISTS (SELECT FROM behind)
                ORDER BY campaign_id, platform COLLATE "C", day, status COLLATE "C"
                ON CONFLICT (campaign_id, platform, day, status)
                DO UPDATE SET requests = request_stats.requests + EXCLUDED.requests
            ), touched AS (
                INSERT INTO campaign_stats (campaign_id, version, last_updated)
                SELECT campaign_id, nextval('stats_version'), at
                FROM (SELECT * FROM unnest($21::uuid[], $22::timestamptz[]) AS t(campaign_id, at)
                      WHERE NOT EXISTS (SELECT FROM behind) ORDER BY campaign_id) AS t
                ON CONFLICT (campaign_id) DO UPDATE SET
                    version = EXCLUDED.version,
                    last_updated = greatest(campaign_stats.last_updated, EXCLUDED.last_updated)
            ), moved AS (
                INSERT INTO consumed_positions (topic, partition, next_offset)
                SELECT $4::varchar, partition, last_offset + 1 FROM unnest($1::int[], $3::bigint[]) AS r(partition, last_offset)
                WHERE $4::varchar IS NOT NULL AND NOT EXISTS (SELECT FROM behind)
                ORDER BY partition
                ON CONFLICT (topic, partition)
                DO UPDATE SET next_offset = greatest(consumed_positions.next_offset, EXCLUDED.next_offset)
            )
            SELECT count(*) FROM recorded""";
    /**
     * A batch event by event: rows read from behind their partition's position are dropped, the
     * event ids not recorded before are recorded, and only their rows are summed, by Postgres, into
     * each aggregate. Answers the ids it recorded.
     */
    private static final String APPLY_NEW_EVENTS = """
            WITH batch AS (
                SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::varchar[], $5::date[], $6::bigint[],
                                     $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[], $11::timestamptz[],
                                     $12::int[], $13::bigint[])
                    AS b(event_id, campaign_id, platform, status, day, stocked, used, expired, withdrawn, redeemed, at,
                         partition, record_offset)
            ), unread AS (
                SELECT b.* FROM batch b
                LEFT JOIN consumed_positions p ON p.topic = $14::varchar AND p.partition = b.partition
                WHERE p.next_offset IS NULL OR b.record_offset >= p.next_offset
            ), fresh AS (
                INSERT INTO processed_events (event_id)
                SELECT DISTINCT event_id FROM unread ORDER BY event_id
                ON CONFLICT DO NOTHING
                RETURNING event_id
            ), applied AS (
                SELECT unread.* FROM unread JOIN fresh USING (event_id)
            ), codes AS (
                INSERT INTO platform_stats
                    (campaign_id, platform, stocked_codes, used_codes, expired_codes, withdrawn_codes, redeemed_codes)
                SELECT campaign_id, platform, sum(stocked), sum(used), sum(expired), sum(withdrawn), sum(redeemed)
                FROM applied WHERE stocked + used + expired + withdrawn + redeemed > 0
                GROUP BY campaign_id, platform ORDER BY campaign_id, platform COLLATE "C"
                ON CONFLICT (campaign_id, platform) DO UPDATE SET
                    stocked_codes = platform_stats.stocked_codes + EXCLUDED.stocked_codes,
                    used_codes = platform_stats.used_codes + EXCLUDED.used_codes,
                    expired_codes = platform_stats.expired_codes + EXCLUDED.expired_codes,
                    withdrawn_codes = platform_stats.withdrawn_codes + EXCLUDED.withdrawn_codes,
                    redeemed_codes = platform_stats.redeemed_codes + EXCLUDED.redeemed_codes
            ), daily AS (
                INSERT INTO daily_usage (campaign_id, day, used_codes)
                SELECT campaign_id, day, sum(used) FROM applied WHERE used > 0
                GROUP BY campaign_id, day ORDER BY campaign_id, day
                ON CONFLICT (campaign_id, day) DO UPDATE SET used_codes = daily_usage.used_codes + EXCLUDED.used_codes
            ), requests AS (
                INSERT INTO request_stats (campaign_id, platform, day, status, requests)
                SELECT campaign_id, platform, day, status, count(*) FROM applied WHERE status IS NOT NULL
                GROUP BY campaign_id, platform, day, status
                ORDER BY campaign_id, platform COLLATE "C", day, status COLLATE "C"
                ON CONFLICT (campaign_id, platform, day, status)
                DO UPDATE SET requests = request_stats.requests + EXCLUDED.requests
            ), touched AS (
                INSERT INTO campaign_stats (campaign_id, version, last_updated)
                SELECT campaign_id, nextval('stats_version'), at
                FROM (SELECT campaign_id, max(at) AS at FROM applied WHERE platform IS NOT NULL
                      GROUP BY campaign_id ORDER BY campaign_id) AS t
                ON CONFLICT (campaign_id) DO UPDATE SET
                    version = EXCLUDED.version,
                    last_updated = greatest(campaign_stats.last_updated, EXCLUDED.last_updated)
            ), moved AS (
                INSERT INTO consumed_positions (topic, partition, next_offset)
                SELECT $14::varchar, partition, max(record_offset) + 1 FROM batch WHERE $14::varchar IS NOT NULL
                GROUP BY partition ORDER BY partition
                ON CONFLICT (topic, partition)
                DO UPDATE SET next_offset = greatest(consumed_positions.next_offset, EXCLUDED.next_offset)
            )
            SELECT event_id FROM fresh""";
    /** Postgres' unique_violation: an event id of a batch taken for new was recorded before. */
    private static final String ALREADY_RECORDED = "23505";
    /** A bounded chunk, so forgetting a busy hour's ids never holds one long transaction. */
    private static final String FORGET_PROCESSED = """
            DELETE FROM processed_events WHERE event_id IN (
                SELECT event_id FROM processed_events WHERE processed_at < $1 LIMIT $2)""";
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

    /**
     * Applies the batch's events that were neither recorded before nor read from behind a position,
     * and answers their ids. Usually all are new: one statement of the batch's sums. Otherwise (after
     * a rebalance, a redelivery, a producer's duplicate) the batch is applied event by event.
     */
    public Uni<Set<UUID>> apply(StatsBatch batch) {
        return pool.preparedQuery(APPLY_NEW_BATCH)
                .execute(sums(batch))
                .map(rows -> rows.iterator().next().getLong(0) == batch.events().size())
                .onFailure(StatsRepository::alreadyRecorded).recoverWithItem(false)
                .chain(allNew -> allNew ? Uni.createFrom().item(ids(batch)) : applyEventByEvent(batch));
    }

    private Uni<Set<UUID>> applyEventByEvent(StatsBatch batch) {
        return pool.preparedQuery(APPLY_NEW_EVENTS)
                .execute(rows(batch))
                .map(rows -> {
                    Set<UUID> fresh = new HashSet<>();
                    rows.forEach(row -> fresh.add(row.getUUID(0)));
                    return fresh;
                });
    }

    private static boolean alreadyRecorded(Throwable failure) {
        return failure instanceof PgException pg && ALREADY_RECORDED.equals(pg.getSqlState());
    }

    private static Set<UUID> ids(StatsBatch batch) {
        Set<UUID> ids = new HashSet<>();
        batch.events().forEach(event -> ids.add(event.eventId()));
        return ids;
    }

    private static Tuple sums(StatsBatch batch) {
        Map<Integer, OffsetRange> offsets = batch.offsets();
        Sums sums = batch.sums();
        List<Object> columns = new ArrayList<>(22);
        columns.add(offsets.keySet().toArray(Integer[]::new));
        columns.add(offsets.values().stream().map(OffsetRange::first).toArray(Long[]::new));
        columns.add(offsets.values().stream().map(OffsetRange::last).toArray(Long[]::new));
        columns.add(batch.topic());
        columns.add(ids(batch).toArray(UUID[]::new));
        Map<PlatformKey, CodeCounts> codes = sums.codes();
        columns.add(codes.keySet().stream().map(PlatformKey::campaignId).toArray(UUID[]::new));
        columns.add(codes.keySet().stream().map(key -> key.platform().label()).toArray(String[]::new));
        columns.add(codes.values().stream().map(CodeCounts::stocked).toArray(Long[]::new));
        columns.add(codes.values().stream().map(CodeCounts::used).toArray(Long[]::new));
        columns.add(codes.values().stream().map(CodeCounts::expired).toArray(Long[]::new));
        columns.add(codes.values().stream().map(CodeCounts::withdrawn).toArray(Long[]::new));
        columns.add(codes.values().stream().map(CodeCounts::redeemed).toArray(Long[]::new));
        Map<DayKey, Long> daily = sums.dailyUsed();
        columns.add(daily.keySet().stream().map(DayKey::campaignId).toArray(UUID[]::new));
        columns.add(daily.keySet().stream().map(DayKey::day).toArray(LocalDate[]::new));
        columns.add(daily.values().toArray(Long[]::new));
        Map<RequestKey, Long> requests = sums.requests();
        columns.add(requests.keySet().stream().map(RequestKey::campaignId).toArray(UUID[]::new));
        columns.add(requests.keySet().stream().map(key -> key.platform().label()).toArray(String[]::new));
        columns.add(requests.keySet().stream().map(RequestKey::day).toArray(LocalDate[]::new));
        columns.add(requests.keySet().stream().map(key -> key.status().wireName()).toArray(String[]::new));
        columns.add(requests.values().toArray(Long[]::new));
        Map<UUID, Instant> touched = sums.lastUpdated();
        columns.add(touched.keySet().toArray(UUID[]::new));
        columns.add(touched.values().stream().map(at -> at.atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new));
        return Tuple.wrap(columns);
    }

    private static Tuple rows(StatsBatch batch) {
        List<EventRow> rows = batch.rows();
        int size = rows.size();
        UUID[] events = new UUID[size];
        UUID[] campaigns = new UUID[size];
        String[] platforms = new String[size];
        String[] statuses = new String[size];
        LocalDate[] days = new LocalDate[size];
        Long[] stocked = new Long[size];
        Long[] used = new Long[size];
        Long[] expired = new Long[size];
        Long[] withdrawn = new Long[size];
        Long[] redeemed = new Long[size];
        OffsetDateTime[] at = new OffsetDateTime[size];
        Integer[] partitions = new Integer[size];
        Long[] offsets = new Long[size];
        for (int i = 0; i < size; i++) {
            EventRow row = rows.get(i);
            CodeCounts counts = row.counts();
            events[i] = row.eventId();
            campaigns[i] = row.campaignId();
            platforms[i] = row.platform() == null ? null : row.platform().label();
            statuses[i] = row.status() == null ? null : row.status().wireName();
            days[i] = row.day();
            stocked[i] = counts.stocked();
            used[i] = counts.used();
            expired[i] = counts.expired();
            withdrawn[i] = counts.withdrawn();
            redeemed[i] = counts.redeemed();
            at[i] = row.at().atOffset(ZoneOffset.UTC);
            partitions[i] = row.partition();
            offsets[i] = row.offset();
        }
        return Tuple.wrap(Arrays.asList(events, campaigns, platforms, statuses, days, stocked, used, expired, withdrawn,
                redeemed, at, partitions, offsets, batch.topic()));
    }

    /** Forgets up to {@code limit} event ids applied before {@code cutoff}; answers how many. */
    public Uni<Integer> forgetProcessedBefore(Instant cutoff, int limit) {
        return pool.preparedQuery(FORGET_PROCESSED)
                .execute(Tuple.of(cutoff.atOffset(ZoneOffset.UTC), limit))
                .map(SqlResult::rowCount);
    }

    /** Empties every aggregate and the record of applied events and positions, so that the topics can be applied again. */
    public Uni<Void> truncate() {
        return pool.query("TRUNCATE processed_events, consumed_positions, platform_stats, daily_usage, request_stats, campaign_stats")
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
