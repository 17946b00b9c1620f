package io.codedrop.common.event;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The full state of a campaign as other services need it: rules for handing out codes and who
 * may see or manage it. {@code managers} and {@code readers} are token subjects of the owner
 * and of the team members with those rights, so no service has to call campaign-service to
 * authorise a developer.
 */
public record CampaignSnapshot(
        UUID id,
        String name,
        String description,
        String appName,
        CampaignStatus status,
        Instant startsAt,
        Instant expiresAt,
        int maxClaimsPerUser,
        Integer maxTotalClaims,
        Map<String, Object> metadata,
        String ownerSubject,
        UUID teamId,
        Set<String> managers,
        Set<String> readers,
        Instant createdAt,
        Instant updatedAt) {
}
