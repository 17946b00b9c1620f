package io.codedrop.campaign.mapping;

import io.codedrop.campaign.domain.Campaign;
import io.codedrop.campaign.domain.Developer;
import io.codedrop.campaign.rest.CampaignCreateRequest;
import io.codedrop.campaign.rest.CampaignResponse;
import io.codedrop.common.event.CampaignSnapshot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;

public final class CampaignMapper {
    private CampaignMapper() {
    }

    public static Campaign toEntity(CampaignCreateRequest request, Developer owner) {
        return new Campaign(owner.getId(), request.name().trim(), request.description(), request.appName().trim(),
                request.startsAt(), request.expiresAt(),
                request.maxClaimsPerUser() == null ? 1 : request.maxClaimsPerUser(),
                request.maxTotalClaims(),
                request.metadata() == null ? Map.of() : request.metadata());
    }

    public static CampaignResponse toResponse(Campaign campaign) {
        long total = campaign.getTotalCodes();
        long used = campaign.getUsedCodes();
        BigDecimal usage = total == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(used * 100).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
        return new CampaignResponse(campaign.getId(), campaign.getName(), campaign.getDescription(),
                campaign.getAppName(), campaign.getStatus(), campaign.getStartsAt(), campaign.getExpiresAt(),
                campaign.getMaxClaimsPerUser(), campaign.getMaxTotalClaims(), campaign.getMetadata(), total, used,
                usage, Math.max(total - used, 0), campaign.getCreatedAt(), campaign.getUpdatedAt());
    }

    public static CampaignSnapshot toSnapshot(Campaign campaign, Developer owner) {
        Set<String> owners = Set.of(owner.getSubject());
        return new CampaignSnapshot(campaign.getId(), campaign.getName(), campaign.getDescription(),
                campaign.getAppName(), campaign.getStatus(), campaign.getStartsAt(), campaign.getExpiresAt(),
                campaign.getMaxClaimsPerUser(), campaign.getMaxTotalClaims(), campaign.getMetadata(),
                owner.getSubject(), null, owners, owners, campaign.getCreatedAt(), campaign.getUpdatedAt());
    }
}
