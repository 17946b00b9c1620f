package io.codedrop.campaign.rest;

import io.codedrop.common.event.CampaignStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public record CampaignResponse(UUID id, UUID teamId, String name, String description, String appName,
                               CampaignStatus status, Instant startsAt, Instant expiresAt, int maxClaimsPerUser,
                               Integer maxTotalClaims, Map<String, Object> metadata, long totalCodes,
                               long usedCodes, long expiredCodes, BigDecimal usagePercentage, long remainingCodes,
                               Instant createdAt, Instant updatedAt) {
}
