package io.codedrop.distribution.rest;

import io.codedrop.common.Platform;
import io.codedrop.common.event.CampaignStatus;

import java.util.List;
import java.util.UUID;

/** The public view of a campaign: what it is and how many codes each platform still has. */
public record CampaignAvailabilityResponse(UUID id, String name, String appName, CampaignStatus status,
                                           List<PlatformAvailability> platforms) {
    public record PlatformAvailability(Platform platform, long available) {
    }
}
