package io.codedrop.distribution.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Retention of end users' personal data (environment: CODEDROP_PRIVACY_…). */
@ConfigMapping(prefix = "codedrop.privacy")
public interface PrivacyConfig {
    /** How often the privacy job runs: a duration such as {@code 1h}, or {@code off}; read by the scheduler. */
    String every();

    /** How long an IP address is kept in clear before it is replaced by its keyed hash. */
    @WithDefault("30d")
    Duration ipRetention();

    /** How long an end user is kept after they were last seen; then the row is deleted. */
    @WithDefault("365d")
    Duration endUserRetention();

    /**
     * The secret key of the IP hash (HMAC-SHA256). Set it in production, the same on every replica, so that
     * one address always gets one hash; without it each process draws a random key and hashes only match
     * within that process's lifetime.
     */
    Optional<String> ipHashKey();

    /** Rows changed per statement, so that no run holds locks or builds a huge transaction. */
    @WithDefault("1000")
    int batchSize();
}
