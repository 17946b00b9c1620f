package io.codedrop.ingest.ratelimit;

/** The developer started too many uploads and generations this minute. */
public class RateLimitedException extends RuntimeException {
    private final long retryAfterSeconds;

    public RateLimitedException(long retryAfterSeconds, int limit) {
        super("at most " + limit + " uploads and generations per minute; retry in " + retryAfterSeconds + " s",
                null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
