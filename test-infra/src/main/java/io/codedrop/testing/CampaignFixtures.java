package io.codedrop.testing;

import io.codedrop.common.Topics;
import io.codedrop.common.event.CampaignEvent;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.common.event.CampaignStatus;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Campaign snapshots as campaign-service publishes them, for services that keep a campaign read model. */
public final class CampaignFixtures {
    private CampaignFixtures() {
    }

    /** An active campaign owned by {@code owner}, open for a month. */
    public static CampaignSnapshot active(String owner) {
        Instant now = Instant.now();
        return new CampaignSnapshot(UUID.randomUUID(), "Launch " + now.toEpochMilli(), "test campaign", "Space Game",
                CampaignStatus.ACTIVE, null, now.plus(30, ChronoUnit.DAYS), 1, null,
                Map.of("apple_app_id", "1234567890"), owner, null, Set.of(owner), Set.of(owner), now, now);
    }

    /** The same campaign in another status, as a later snapshot. */
    public static CampaignSnapshot withStatus(CampaignSnapshot campaign, CampaignStatus status) {
        return new CampaignSnapshot(campaign.id(), campaign.name(), campaign.description(), campaign.appName(), status,
                campaign.startsAt(), campaign.expiresAt(), campaign.maxClaimsPerUser(), campaign.maxTotalClaims(),
                campaign.metadata(), campaign.ownerSubject(), campaign.teamId(), campaign.managers(),
                campaign.readers(), campaign.createdAt(), campaign.updatedAt().plusMillis(1));
    }

    public static void publish(CampaignSnapshot campaign) {
        send(campaign.id(), CampaignEvent.of(campaign));
    }

    public static void publishTombstone(UUID campaignId) {
        send(campaignId, null);
    }

    private static void send(UUID key, CampaignEvent event) {
        KafkaResource.companion()
                .produce(Serdes.String(), EventSerdes.of(CampaignEvent.class))
                .fromRecords(new ProducerRecord<>(Topics.CAMPAIGNS, key.toString(), event))
                .awaitCompletion(Duration.ofSeconds(10));
    }
}
