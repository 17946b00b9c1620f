package io.codedrop.distribution.allocation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Group commit of claims. */
@ConfigMapping(prefix = "codedrop.allocation")
public interface AllocationConfig {
    /** Most claims of one campaign allocated in one transaction; more wait for the next one. */
    @WithDefault("256")
    int maxBatchSize();
}
