package io.codedrop.distribution.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Redis on the claim path: rate limits, fraud checks and available counts. */
@ConfigMapping(prefix = "codedrop.redis")
public interface RedisConfig {
    /**
     * How long a claim waits for Redis before it goes on without it (fail open): the limits are then
     * not counted, the available counts not written; both are counted in metrics.
     */
    @WithDefault("100ms")
    Duration timeout();
}
