package io.codedrop.analytics.domain;

import io.codedrop.common.Platform;
import io.codedrop.common.event.CodeRequestEvent;
import io.codedrop.common.event.CodeStatusEvent;
import io.codedrop.common.event.DomainEvent;
import io.codedrop.common.event.RequestStatus;
import io.codedrop.common.event.StockEvent;
import io.codedrop.common.event.StockOutcome;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A batch of events as what each adds to the aggregates: one row per platform it touches, with the
 * partition and offset it was read from. An event that adds nothing (a rejected stock batch) still
 * has a row, without platform, so that it is recorded as seen like every other. The rows are summed
 * per aggregate row here ({@link #sums()}), for the usual batch whose events are all new; when some
 * were seen before, Postgres sums the rows of the others.
 */
public final class StatsBatch {
    private final String topic;
    private final Map<UUID, DomainEvent> events = new LinkedHashMap<>();
    private final List<EventRow> rows = new ArrayList<>();
    private int received;

    private StatsBatch(String topic) {
        this.topic = topic;
    }

    /** Events a live consumer read from {@code topic}; add each with its partition and offset. */
    public static StatsBatch from(String topic) {
        return new StatsBatch(topic);
    }

    /** Events read again from the beginning by a rebuild, which no consumer position guards. */
    public static StatsBatch replayed(Collection<? extends DomainEvent> events) {
        StatsBatch batch = new StatsBatch(null);
        events.forEach(event -> batch.add(event, null, null));
        return batch;
    }

    /** Adds an event; a tombstone (null) carries none, and a second copy in the batch adds nothing. */
    public void add(DomainEvent event, Integer partition, Long offset) {
        if (event == null) {
            return;
        }
        received++;
        if (events.putIfAbsent(event.eventId(), event) != null) {
            return;
        }
        int before = rows.size();
        if (event instanceof CodeRequestEvent request) {
            addRequest(request, partition, offset);
        } else if (event instanceof CodeStatusEvent status) {
            status.counts().forEach((platform, count) -> rows.add(row(event, platform, null, null,
                    CodeCounts.of(status.change(), count), partition, offset)));
        } else if (event instanceof StockEvent stock && stock.outcome() == StockOutcome.STOCKED) {
            stock.platforms().forEach((platform, count) -> rows.add(row(event, platform, null, null,
                    CodeCounts.stocked(count.accepted()), partition, offset)));
        }
        if (rows.size() == before) {
            rows.add(row(event, null, null, null, CodeCounts.NONE, partition, offset));
        }
    }

    private void addRequest(CodeRequestEvent event, Integer partition, Long offset) {
        Instant at = event.requestedAt() != null ? event.requestedAt() : event.occurredAt();
        rows.add(row(event, event.platform(), event.status(), LocalDate.ofInstant(at, ZoneOffset.UTC),
                event.newClaim() ? CodeCounts.USED_ONE : CodeCounts.NONE, partition, offset));
    }

    private static EventRow row(DomainEvent event, Platform platform, RequestStatus status, LocalDate day,
                           CodeCounts counts, Integer partition, Long offset) {
        return new EventRow(event.eventId(), event.campaignId(), platform, status, day, counts, event.occurredAt(),
                partition, offset);
    }

    /** Every row summed per aggregate row, by the same rules as the per-event statement. */
    public Sums sums() {
        Sums sums = new Sums(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        for (EventRow row : rows) {
            if (row.platform() == null) {
                continue;
            }
            if (!row.counts().isNone()) {
                sums.codes().merge(new PlatformKey(row.campaignId(), row.platform()), row.counts(), CodeCounts::plus);
            }
            if (row.counts().used() > 0) {
                sums.dailyUsed().merge(new DayKey(row.campaignId(), row.day()), row.counts().used(), Long::sum);
            }
            if (row.status() != null) {
                sums.requests().merge(new RequestKey(row.campaignId(), row.platform(), row.day(), row.status()), 1L,
                        Long::sum);
            }
            sums.lastUpdated().merge(row.campaignId(), row.at(), (a, b) -> a.isAfter(b) ? a : b);
        }
        return sums;
    }

    /** Per partition read, the first and the last offset of the batch's events. */
    public Map<Integer, OffsetRange> offsets() {
        Map<Integer, OffsetRange> offsets = new HashMap<>();
        for (EventRow row : rows) {
            if (row.partition() != null) {
                offsets.merge(row.partition(), new OffsetRange(row.offset(), row.offset()), OffsetRange::span);
            }
        }
        return offsets;
    }

    /** The topic the events were read from; null for a replay. */
    public String topic() {
        return topic;
    }

    public List<EventRow> rows() {
        return rows;
    }

    /** The distinct events of the batch, in the order they were read. */
    public Collection<DomainEvent> events() {
        return events.values();
    }

    /** Events received, copies within the batch included. */
    public int received() {
        return received;
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    /** What a batch adds to each aggregate row. */
    public record Sums(Map<PlatformKey, CodeCounts> codes, Map<DayKey, Long> dailyUsed, Map<RequestKey, Long> requests,
                       Map<UUID, Instant> lastUpdated) {
    }

    public record PlatformKey(UUID campaignId, Platform platform) {
    }

    public record DayKey(UUID campaignId, LocalDate day) {
    }

    public record RequestKey(UUID campaignId, Platform platform, LocalDate day, RequestStatus status) {
    }

    /** Offsets of one partition, both included. */
    public record OffsetRange(long first, long last) {
        OffsetRange span(OffsetRange other) {
            return new OffsetRange(Math.min(first, other.first), Math.max(last, other.last));
        }
    }

    /**
     * What one event adds for one platform: codes by what happened to them, and for a claim attempt
     * its outcome and UTC day. No platform: the event only needs recording.
     */
    public record EventRow(UUID eventId, UUID campaignId, Platform platform, RequestStatus status, LocalDate day,
                      CodeCounts counts, Instant at, Integer partition, Long offset) {
    }
}
