package io.codedrop.campaign.domain;

import io.codedrop.common.event.CampaignStatus;

import java.util.Set;

/**
 * The status rules: active and paused switch back and forth, either may be completed, only time
 * expires a campaign, and completed or expired campaigns stay so.
 */
public final class CampaignLifecycle {
    /** The statuses the expiry job moves to {@link CampaignStatus#EXPIRED} once expires_at has passed. */
    public static final Set<CampaignStatus> EXPIRABLE = Set.of(CampaignStatus.ACTIVE, CampaignStatus.PAUSED);

    private CampaignLifecycle() {
    }

    /** Whether a developer may move a campaign from {@code from} to {@code to}; staying put is always allowed. */
    public static boolean allowsManual(CampaignStatus from, CampaignStatus to) {
        if (from == to) {
            return true;
        }
        return switch (from) {
            case ACTIVE -> to == CampaignStatus.PAUSED || to == CampaignStatus.COMPLETED;
            case PAUSED -> to == CampaignStatus.ACTIVE || to == CampaignStatus.COMPLETED;
            case COMPLETED, EXPIRED -> false;
        };
    }

}
