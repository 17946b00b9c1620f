package io.codedrop.campaign.rest;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Map;

public record CampaignCreateRequest(
        @NotBlank @Size(max = 255) String name,
        @Size(max = 10_000) String description,
        @NotBlank @Size(max = 255) String appName,
        Instant startsAt,
        @NotNull @Future Instant expiresAt,
        @Min(1) Integer maxClaimsPerUser,
        @Min(1) Integer maxTotalClaims,
        Map<String, Object> metadata) {
}
