package io.codedrop.campaign.domain;

import io.codedrop.common.event.CampaignStatus;
import io.codedrop.support.campaign.CampaignStatusColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A giveaway: its rules for handing out codes, and counts kept current from distribution's events. */
@Entity
@Table(name = "campaigns")
public class Campaign {
    @Id
    private UUID id;
    @Column(name = "developer_id", nullable = false)
    private UUID developerId;
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
    @Column(name = "total_codes", nullable = false)
    private long totalCodes;
    @Column(name = "used_codes", nullable = false)
    private long usedCodes;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Campaign() {
    }

    public Campaign(UUID developerId, String name, String description, String appName, Instant startsAt,
                    Instant expiresAt, int maxClaimsPerUser, Integer maxTotalClaims, Map<String, Object> metadata) {
        this.id = UUID.randomUUID();
        this.developerId = developerId;
        this.name = name;
        this.description = description;
        this.appName = appName;
        this.status = CampaignStatus.ACTIVE;
        this.startsAt = startsAt;
        this.expiresAt = expiresAt;
        this.maxClaimsPerUser = maxClaimsPerUser;
        this.maxTotalClaims = maxTotalClaims;
        this.metadata = metadata;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getDeveloperId() {
        return developerId;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getAppName() {
        return appName;
    }

    public CampaignStatus getStatus() {
        return status;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public int getMaxClaimsPerUser() {
        return maxClaimsPerUser;
    }

    public Integer getMaxTotalClaims() {
        return maxTotalClaims;
    }

    public Map<String, Object> getMetadata() {
        return metadata;
    }

    public long getTotalCodes() {
        return totalCodes;
    }

    public long getUsedCodes() {
        return usedCodes;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
