package io.codedrop.distribution.expiry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The code expiry job (environment: CODEDROP_EXPIRY_…). */
@ConfigMapping(prefix = "codedrop.expiry")
public interface ExpiryConfig {
    /** How often the job runs: a duration such as {@code 1m}, or {@code off}; read by the scheduler. */
    String every();

    /**
     * Most codes expired in one transaction. The campaign's claims wait for that transaction, so it
     * stays short (~0.15 s measured on a loaded 2-core machine); the rest follow in the next ones.
     */
    @WithDefault("1000")
    int batchSize();
}
