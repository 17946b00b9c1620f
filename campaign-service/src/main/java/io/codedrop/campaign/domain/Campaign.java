package io.codedrop.campaign.domain;

import io.codedrop.common.event.CampaignStatus;
import io.codedrop.support.campaign.CampaignStatusColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A giveaway: its rules for handing out codes, and counts kept current from distribution's events.
 * The counts are only ever changed by SQL increments (see {@code CampaignCountsRepository}), never written
 * back from an entity, so an edit of the campaign cannot overwrite a count that moved meanwhile.
 */
@Entity
@Table(name = "campaigns")
@DynamicUpdate
public class Campaign {
    @Id
    private UUID id;
    @Column(name = "developer_id", nullable = false)
    private UUID developerId;
    @Column(name = "team_id")
    private UUID teamId;
    @Column(nullable = false)
    private String name;
    private String description;
    @Column(name = "app_name", nullable = false)
    private String appName;
    @Convert(converter = CampaignStatusColumn.class)
    @Column(nullable = false)
    private CampaignStatus status;
    @Column(name = "starts_at")
    private Instant startsAt;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;
    @Column(name = "max_claims_per_user", nullable = false)
    private int maxClaimsPerUser;
    @Column(name = "max_total_claims")
    private Integer maxTotalClaims;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> metadata;
    @Column(name = "total_codes", insertable = false, updatable = false)
    private long totalCodes;
    @Column(name = "used_codes", insertable = false, updatable = false)
    private long usedCodes;
    @Column(name = "expired_codes", insertable = false, updatable = false)
    private long expiredCodes;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Campaign() {
    }

    public Campaign(UUID developerId, UUID teamId, String name, String description, String appName,
                    Instant startsAt, Instant expiresAt, int maxClaimsPerUser, Integer maxTotalClaims,
                    Map<String, Object> metadata) {
        this.id = UUID.randomUUID();
        this.developerId = developerId;
        this.teamId = teamId;
        this.name = name;
        this.description = description;
        this.appName = appName;
        this.status = CampaignStatus.ACTIVE;
        this.startsAt = Timestamps.stored(startsAt);
        this.expiresAt = Timestamps.stored(expiresAt);
        this.maxClaimsPerUser = maxClaimsPerUser;
        this.maxTotalClaims = maxTotalClaims;
        this.metadata = metadata;
        this.createdAt = Timestamps.now();
        this.updatedAt = createdAt;
    }

    /** Marks a change; every snapshot published after it carries a later {@code updated_at}. */
    public void touch() {
        updatedAt = Timestamps.after(updatedAt);
    }

    public UUID getId() {
        return id;
    }

    public UUID getDeveloperId() {
        return developerId;
    }

    public UUID getTeamId() {
        return teamId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getAppName() {
        return appName;
    }

    public void setAppName(String appName) {
        this.appName = appName;
    }

    public CampaignStatus getStatus() {
        return status;
    }

    public void setStatus(CampaignStatus status) {
        this.status = status;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(Instant startsAt) {
        this.startsAt = Timestamps.stored(startsAt);
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = Timestamps.stored(expiresAt);
    }

    public int getMaxClaimsPerUser() {
        return maxClaimsPerUser;
    }

    public void setMaxClaimsPerUser(int maxClaimsPerUser) {
        this.maxClaimsPerUser = maxClaimsPerUser;
    }

    public Integer getMaxTotalClaims() {
        return maxTotalClaims;
    }

    public void setMaxTotalClaims(Integer maxTotalClaims) {
        this.maxTotalClaims = maxTotalClaims;
    }

    public Map<String, Object> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, Object> metadata) {
        this.metadata = metadata;
    }

    public long getTotalCodes() {
        return totalCodes;
    }

    public long getUsedCodes() {
        return usedCodes;
    }

    public long getExpiredCodes() {
        return expiredCodes;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
