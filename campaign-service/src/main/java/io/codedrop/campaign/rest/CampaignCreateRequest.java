package io.codedrop.campaign.rest;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A new campaign; with {@code team_id} it belongs to that team rather than to the caller alone. */
public record CampaignCreateRequest(
        @NotBlank @Size(max = 255) String name,
        @Size(max = 10_000) String description,
        @NotBlank @Size(max = 255) String appName,
        Instant startsAt,
        @NotNull @Future Instant expiresAt,
        @Min(1) Integer maxClaimsPerUser,
        @Min(1) Integer maxTotalClaims,
        Map<String, Object> metadata,
        UUID teamId) {
}
