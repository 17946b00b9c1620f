package io.codedrop.campaign.domain;

/** What a developer may do with one campaign; each level grants everything the ones before it do. */
public enum CampaignAccess {
    /** Neither the owner nor in its team: the campaign does not exist for them. */
    NONE,
    READ,
    MANAGE;

    public static CampaignAccess of(TeamRole role) {
        return role == null ? NONE : role.campaignAccess();
    }
}
