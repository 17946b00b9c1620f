package io.codedrop.campaign.mapping;

import io.codedrop.campaign.domain.Developer;
import io.codedrop.campaign.rest.DeveloperResponse;

public final class DeveloperMapper {
    private DeveloperMapper() {
    }

    public static DeveloperResponse toResponse(Developer developer) {
        return new DeveloperResponse(developer.getId(), developer.getEmail(), developer.getName(),
                developer.getCompanyName(), developer.isVerified(), developer.getCreatedAt(), developer.getUpdatedAt());
    }
}
