package io.codedrop.distribution.allocation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Group commit of claims. */
@ConfigMapping(prefix = "codedrop.allocation")
public interface AllocationConfig {
    /** Most claims of one campaign allocated in one transaction; more wait for the next one. */
    @WithDefault("256")
    int maxBatchSize();

    /**
     * Most claims waiting for allocation across all campaigns; more are answered 503 at once. About a
     * second of this machine's allocation rate: a claim that would wait longer is better told to retry.
     */
    @WithDefault("2000")
    int maxWaiting();
}
