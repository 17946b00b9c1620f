package io.codedrop.campaign.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Campaign-service's own settings (environment: CODEDROP_CAMPAIGN_…). */
@ConfigMapping(prefix = "codedrop.campaign")
public interface CampaignConfig {
    /**
     * How often campaigns past expires_at are turned expired. Read by the scheduler from
     * application.properties; declared here so that a malformed value stops the start.
     */
    Duration expiryInterval();

    /** Most campaigns expired in one transaction; the rest follow on the next run. */
    @WithDefault("500")
    int expiryBatchSize();

    /** How often ids of long-processed events are forgotten; read by the scheduler, like {@link #expiryInterval()}. */
    Duration processedEventsCleanupInterval();

    /**
     * How long an applied event id is remembered for deduplication. Redelivery happens for records
     * whose offsets were not committed yet, minutes at most, so days are a wide margin.
     */
    @WithDefault("7d")
    Duration processedEventsRetention();

    /**
     * Most ids forgotten by one statement; a cleanup deletes chunk after chunk, so an hour of launch-day
     * claims (millions of ids) never becomes one long transaction.
     */
    @WithDefault("10000")
    int processedEventsCleanupChunk();
}
