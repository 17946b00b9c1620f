package io.codedrop.distribution.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether a failure of Redis is worth a log line: an outage or an overload fails every request, and
 * one warning per interval says so without flooding the log (the failures are counted in metrics).
 */
public final class OutageWarning {
    private static final long INTERVAL_MILLIS = Duration.ofSeconds(30).toMillis();
    private final AtomicLong nextAt = new AtomicLong();

    /** True for the first failure of each interval, on whichever thread sees it first. */
    public boolean due() {
        long now = System.currentTimeMillis();
        long due = nextAt.get();
        return now >= due && nextAt.compareAndSet(due, now + INTERVAL_MILLIS);
    }
}
