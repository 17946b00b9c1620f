package io.codedrop.campaign.rest;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Map;

/**
 * PATCH of a campaign. Left-out fields stay; description, starts_at and max_total_claims may be cleared
 * with null; metadata is replaced as a whole (null empties it); status changes follow the lifecycle.
 */
@NotNullWhenSent({"name", "appName", "status", "expiresAt", "maxClaimsPerUser"})
public class CampaignUpdateRequest extends PatchRequest {
    @Size(max = 255)
    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
    private String name;
    @Size(max = 10_000)
    private String description;
    @Size(max = 255)
    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
    private String appName;
    @Pattern(regexp = "(?i)\\s*(active|paused|completed|expired)\\s*",
            message = "must be one of active, paused, completed, expired")
    private String status;
    private Instant startsAt;
    @Future
    private Instant expiresAt;
    @Min(1)
    private Integer maxClaimsPerUser;
    @Min(1)
    private Integer maxTotalClaims;
    private Map<String, Object> metadata;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
        sent("name", name);
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
        sent("description", description);
    }

    public String getAppName() {
        return appName;
    }

    public void setAppName(String appName) {
        this.appName = appName;
        sent("appName", appName);
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
        sent("status", status);
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(Instant startsAt) {
        this.startsAt = startsAt;
        sent("startsAt", startsAt);
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
        sent("expiresAt", expiresAt);
    }

    public Integer getMaxClaimsPerUser() {
        return maxClaimsPerUser;
    }

    public void setMaxClaimsPerUser(Integer maxClaimsPerUser) {
        this.maxClaimsPerUser = maxClaimsPerUser;
        sent("maxClaimsPerUser", maxClaimsPerUser);
    }

    public Integer getMaxTotalClaims() {
        return maxTotalClaims;
    }

    public void setMaxTotalClaims(Integer maxTotalClaims) {
        this.maxTotalClaims = maxTotalClaims;
        sent("maxTotalClaims", maxTotalClaims);
    }

    public Map<String, Object> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, Object> metadata) {
        this.metadata = metadata;
        sent("metadata", metadata);
    }
}
