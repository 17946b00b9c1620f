package io.codedrop.campaign.schedule;

import io.codedrop.campaign.config.CampaignConfig;
import io.codedrop.campaign.service.CampaignService;
import io.codedrop.campaign.service.CodeCountsService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Time-driven work: expiring campaigns, forgetting old deduplication ids. Replicas may run both at once safely. */
@ApplicationScoped
public class CampaignJobs {
    private final CampaignService campaigns;
    private final CodeCountsService counts;
    private final CampaignConfig config;

    public CampaignJobs(CampaignService campaigns, CodeCountsService counts, CampaignConfig config) {
        this.campaigns = campaigns;
        this.counts = counts;
        this.config = config;
    }

    @Scheduled(identity = "campaign-expiry", every = "${codedrop.campaign.expiry-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expireCampaigns() {
        return campaigns.expireDue().replaceWithVoid();
    }

    @Scheduled(identity = "processed-events-cleanup", every = "${codedrop.campaign.processed-events-cleanup-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetOldProcessedEvents() {
        return counts.forgetProcessedBefore(Instant.now().minus(config.processedEventsRetention()),
                        config.processedEventsCleanupChunk())
                .replaceWithVoid();
    }
}
