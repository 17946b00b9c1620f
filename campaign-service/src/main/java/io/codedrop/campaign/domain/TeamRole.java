package io.codedrop.campaign.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a team member may do: viewers read, members manage campaigns, admins manage members, owners everything. */
public enum TeamRole {
    OWNER, ADMIN, MEMBER, VIEWER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TeamRole fromWire(String value) {
        for (TeamRole role : values()) {
            if (value != null && role.wireName().equalsIgnoreCase(value.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("must be one of owner, admin, member, viewer");
    }

    public boolean managesCampaigns() {
        return this != VIEWER;
    }

    public boolean managesMembers() {
        return this == OWNER || this == ADMIN;
    }

    /** What the role grants on the team's campaigns; a change of it changes the campaigns' snapshots. */
    public CampaignAccess campaignAccess() {
        return managesCampaigns() ? CampaignAccess.MANAGE : CampaignAccess.READ;
    }
}
