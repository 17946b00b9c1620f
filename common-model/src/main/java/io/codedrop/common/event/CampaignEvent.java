package io.codedrop.common.event;

import io.codedrop.common.TimeOrderedIds;
import java.time.Instant;
import java.util.UUID;

/** A campaign was created or changed; deletion is a Kafka tombstone (null value) on the compacted topic. */
public record CampaignEvent(UUID eventId, String type, int version, Instant occurredAt, UUID campaignId,
                            CampaignSnapshot campaign) implements DomainEvent {
    public static final String TYPE = "campaign.snapshot";

    public static CampaignEvent of(CampaignSnapshot campaign) {
        return new CampaignEvent(TimeOrderedIds.next(), TYPE, 1, Instant.now(), campaign.id(), campaign);
    }
}
