package io.codedrop.campaign.service;

import io.codedrop.campaign.domain.Campaign;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Campaign changes by kind ({@code created}, {@code updated}, {@code status_changed}, {@code expired},
 * {@code deleted}) and by the status the campaign has afterwards: a handful of values each. Counted
 * when the change is written inside its transaction, so a commit that fails after it counts once too
 * many — rare enough not to matter to a rate.
 */
@ApplicationScoped
public class CampaignMetrics {
    static final String CHANGES = "codedrop.campaigns.changes";

    private final MeterRegistry registry;

    public CampaignMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void changed(String change, Campaign campaign) {
        Counter.builder(CHANGES)
                .description("campaign changes written, by kind and by the status they left the campaign in")
                .tag("change", change)
                .tag("status", campaign.getStatus().wireName())
                .register(registry)
                .increment();
    }
}
