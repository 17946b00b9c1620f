package io.codedrop.ingest.ratelimit;

import io.codedrop.ingest.config.IngestConfig;
import io.codedrop.support.identity.Developer;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * New uploads and generations per developer per minute (SPEC §4.5), counted in Redis so that every
 * replica shares the count: a fixed one-minute window per developer. When Redis cannot be reached the
 * upload goes ahead (fail open): an upload is a developer's own work, not an abuse path worth
 * refusing service for, and the outage is logged.
 */
@ApplicationScoped
public class UploadRateLimiter {
    private static final Logger LOG = Logger.getLogger(UploadRateLimiter.class);
    private static final long WINDOW_SECONDS = 60;

    private final ReactiveRedisDataSource redis;
    private final IngestConfig config;

    public UploadRateLimiter(ReactiveRedisDataSource redis, IngestConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /**
     * Counts one new job for the developer; fails with {@link RateLimitedException} past the limit. Call it
     * on a Vert.x context: the answer comes back on it, where the caller's reactive session lives.
     */
    public Uni<Void> acquire(Developer developer) {
        Context caller = Vertx.currentContext();
        long now = Instant.now().getEpochSecond();
        String key = "codedrop:ingest:jobs:" + developer.subject() + ":" + now / WINDOW_SECONDS;
        return redis.value(Long.class).incr(key)
                .call(count -> count == 1 ? redis.key().expire(key, WINDOW_SECONDS) : Uni.createFrom().voidItem())
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("upload rate limit not checked, Redis unavailable: %s", failure.getMessage());
                    return 0L;
                })
                .invoke(count -> {
                    if (count > config.rateLimit().perMinute()) {
                        throw new RateLimitedException(WINDOW_SECONDS - now % WINDOW_SECONDS,
                                config.rateLimit().perMinute());
                    }
                })
                .emitOn(task -> caller.runOnContext(ignored -> task.run()))
                .replaceWithVoid();
    }
}
