package io.codedrop.campaign.mapping;

import io.codedrop.campaign.domain.Developer;
import io.codedrop.campaign.rest.DeveloperResponse;
import io.codedrop.campaign.rest.DeveloperUpdateRequest;

public final class DeveloperMapper {
    private DeveloperMapper() {
    }

    public static DeveloperResponse toResponse(Developer developer) {
        return new DeveloperResponse(developer.getId(), developer.getEmail(), developer.getName(),
                developer.getCompanyName(), developer.isVerified(), developer.getCreatedAt(), developer.getUpdatedAt());
    }

    /** Copies the fields the client sent; company_name may be cleared with null. */
    public static void applyUpdate(DeveloperUpdateRequest request, Developer developer) {
        if (request.has("name")) {
            developer.setName(request.getName().trim());
        }
        if (request.has("companyName")) {
            developer.setCompanyName(request.getCompanyName() == null ? null : request.getCompanyName().trim());
        }
    }
}
