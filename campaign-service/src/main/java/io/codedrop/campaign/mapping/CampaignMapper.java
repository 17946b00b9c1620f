package io.codedrop.campaign.mapping;

import io.codedrop.campaign.domain.Audience;
import io.codedrop.campaign.domain.Campaign;
import io.codedrop.campaign.domain.Developer;
import io.codedrop.campaign.rest.CampaignCreateRequest;
import io.codedrop.campaign.rest.CampaignResponse;
import io.codedrop.campaign.rest.CampaignUpdateRequest;
import io.codedrop.common.api.PageResponse;
import io.codedrop.common.event.CampaignSnapshot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

public final class CampaignMapper {
    private CampaignMapper() {
    }

    public static Campaign toEntity(CampaignCreateRequest request, Developer owner) {
        return new Campaign(owner.getId(), request.teamId(), request.name().trim(), request.description(),
                request.appName().trim(), request.startsAt(), request.expiresAt(),
                request.maxClaimsPerUser() == null ? 1 : request.maxClaimsPerUser(),
                request.maxTotalClaims(),
                request.metadata() == null ? Map.of() : request.metadata());
    }

    /** Copies the fields the client sent; the status is left to the lifecycle rules. */
    public static void applyUpdate(CampaignUpdateRequest request, Campaign campaign) {
        if (request.has("name")) {
            campaign.setName(request.getName().trim());
        }
        if (request.has("description")) {
            campaign.setDescription(request.getDescription());
        }
        if (request.has("appName")) {
            campaign.setAppName(request.getAppName().trim());
        }
        if (request.has("startsAt")) {
            campaign.setStartsAt(request.getStartsAt());
        }
        if (request.has("expiresAt")) {
            campaign.setExpiresAt(request.getExpiresAt());
        }
        if (request.has("maxClaimsPerUser")) {
            campaign.setMaxClaimsPerUser(request.getMaxClaimsPerUser());
        }
        if (request.has("maxTotalClaims")) {
            campaign.setMaxTotalClaims(request.getMaxTotalClaims());
        }
        if (request.has("metadata")) {
            campaign.setMetadata(request.getMetadata() == null ? Map.of() : request.getMetadata());
        }
    }

    /**
     * Counts as the dashboard shows them. Expired codes were stocked but can no longer be handed out, so
     * they stay in total_codes and leave remaining_codes. Increments from different topics may arrive
     * out of order for a moment; the response never shows a negative count.
     */
    public static CampaignResponse toResponse(Campaign campaign) {
        long total = Math.max(campaign.getTotalCodes(), 0);
        long used = Math.max(campaign.getUsedCodes(), 0);
        long expired = Math.max(campaign.getExpiredCodes(), 0);
        BigDecimal usage = total == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(used * 100).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
        return new CampaignResponse(campaign.getId(), campaign.getTeamId(), campaign.getName(),
                campaign.getDescription(), campaign.getAppName(), campaign.getStatus(), campaign.getStartsAt(),
                campaign.getExpiresAt(), campaign.getMaxClaimsPerUser(), campaign.getMaxTotalClaims(),
                campaign.getMetadata(), total, used, expired, usage, Math.max(total - used - expired, 0),
                campaign.getCreatedAt(), campaign.getUpdatedAt());
    }

    public static PageResponse<CampaignResponse> toResponse(PageResponse<Campaign> page) {
        return new PageResponse<>(page.items().stream().map(CampaignMapper::toResponse).toList(), page.page(),
                page.size(), page.total());
    }

    public static CampaignSnapshot toSnapshot(Campaign campaign, Audience audience) {
        return new CampaignSnapshot(campaign.getId(), campaign.getName(), campaign.getDescription(),
                campaign.getAppName(), campaign.getStatus(), campaign.getStartsAt(), campaign.getExpiresAt(),
                campaign.getMaxClaimsPerUser(), campaign.getMaxTotalClaims(), campaign.getMetadata(),
                audience.ownerSubject(), campaign.getTeamId(), audience.managers(), audience.readers(),
                campaign.getCreatedAt(), campaign.getUpdatedAt());
    }
}
