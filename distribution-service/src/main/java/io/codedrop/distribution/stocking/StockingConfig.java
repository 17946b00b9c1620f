package io.codedrop.distribution.stocking;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Stocking of code batches. */
@ConfigMapping(prefix = "codedrop.stocking")
public interface StockingConfig {
    /** How long a batch waits for its campaign's snapshot before it is reported as rejected. */
    @WithDefault("30s")
    Duration unknownCampaignWait();
}
