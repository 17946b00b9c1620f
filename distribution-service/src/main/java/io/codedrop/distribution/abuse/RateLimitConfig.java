package io.codedrop.distribution.abuse;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * SPEC §4.5 rate limits per client IP, counted in Redis so every replica shares them. A window starts
 * with the first request an IP makes in it; Retry-After is what is left of it.
 */
@ConfigMapping(prefix = "codedrop.rate-limit")
public interface RateLimitConfig {
    /** Claims one IP may make per claim window. */
    @WithDefault("5")
    int claims();

    /** The claim window. */
    @WithDefault("1h")
    Duration claimsWindow();

    /** Requests one IP may make to the distribution endpoints (claims and campaign reads) per request window. */
    @WithDefault("100")
    int requests();

    /** The request window. */
    @WithDefault("1m")
    Duration requestsWindow();
}
