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
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a batch of events adds to the aggregates, summed per aggregate row so that a batch of any
 * size is a handful of upserts. Every count is a sum, so the order of events (across partitions and
 * topics, or in a rebuild) does not change the result. Rows are kept sorted: every transaction
 * updates them in the same order, which keeps concurrent replicas from deadlocking.
 */
public final class StatsDelta {
    private final Map<PlatformKey, CodeCounts> codes = new TreeMap<>();
    private final Map<DayKey, Long> dailyUsed = new TreeMap<>();
    private final Map<RequestKey, Long> requests = new TreeMap<>();
    private final Map<UUID, Instant> lastUpdated = new TreeMap<>();

    private StatsDelta() {
    }

    public static StatsDelta of(Collection<? extends DomainEvent> events) {
        StatsDelta delta = new StatsDelta();
        events.forEach(delta::add);
        return delta;
    }

    private void add(DomainEvent event) {
        boolean counted = false;
        if (event instanceof CodeRequestEvent request) {
            counted = addRequest(request);
        } else if (event instanceof CodeStatusEvent status) {
            counted = addStatus(status);
        } else if (event instanceof StockEvent stock) {
            counted = addStock(stock);
        }
        if (counted) {
            lastUpdated.merge(event.campaignId(), event.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    private boolean addRequest(CodeRequestEvent event) {
        Instant at = event.requestedAt() != null ? event.requestedAt() : event.occurredAt();
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        requests.merge(new RequestKey(event.campaignId(), event.platform(), day, event.status()), 1L, Long::sum);
        if (event.newClaim()) {
            codes.merge(new PlatformKey(event.campaignId(), event.platform()), CodeCounts.USED_ONE, CodeCounts::plus);
            dailyUsed.merge(new DayKey(event.campaignId(), day), 1L, Long::sum);
        }
        return true;
    }

    private boolean addStatus(CodeStatusEvent event) {
        event.counts().forEach((platform, count) -> codes.merge(new PlatformKey(event.campaignId(), platform),
                CodeCounts.of(event.change(), count), CodeCounts::plus));
        return !event.counts().isEmpty();
    }

    private boolean addStock(StockEvent event) {
        if (event.outcome() != StockOutcome.STOCKED) {
            return false;
        }
        event.platforms().forEach((platform, count) -> codes.merge(new PlatformKey(event.campaignId(), platform),
                new CodeCounts(count.accepted(), 0, 0, 0, 0), CodeCounts::plus));
        return !event.platforms().isEmpty();
    }

    public Map<PlatformKey, CodeCounts> codes() {
        return codes;
    }

    public Map<DayKey, Long> dailyUsed() {
        return dailyUsed;
    }

    public Map<RequestKey, Long> requests() {
        return requests;
    }

    /** The campaigns this batch changes, with the newest event time applied to each. */
    public Map<UUID, Instant> lastUpdated() {
        return lastUpdated;
    }

    /** One aggregate row of codes: a campaign's platform. */
    public record PlatformKey(UUID campaignId, Platform platform) implements Comparable<PlatformKey> {
        private static final Comparator<PlatformKey> ORDER = Comparator.comparing(PlatformKey::campaignId)
                .thenComparing(PlatformKey::platform);

        @Override
        public int compareTo(PlatformKey other) {
            return ORDER.compare(this, other);
        }
    }

    /** One aggregate row of daily usage. */
    public record DayKey(UUID campaignId, LocalDate day) implements Comparable<DayKey> {
        private static final Comparator<DayKey> ORDER = Comparator.comparing(DayKey::campaignId)
                .thenComparing(DayKey::day);

        @Override
        public int compareTo(DayKey other) {
            return ORDER.compare(this, other);
        }
    }

    /** One aggregate row of claim attempts. */
    public record RequestKey(UUID campaignId, Platform platform, LocalDate day, RequestStatus status)
            implements Comparable<RequestKey> {
        private static final Comparator<RequestKey> ORDER = Comparator.comparing(RequestKey::campaignId)
                .thenComparing(RequestKey::platform)
                .thenComparing(RequestKey::day)
                .thenComparing(RequestKey::status);

        @Override
        public int compareTo(RequestKey other) {
            return ORDER.compare(this, other);
        }
    }
}
