package io.codedrop.support.campaign;

import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.common.event.CampaignStatus;
import io.codedrop.support.identity.Developer;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * A service's local copy of a campaign, kept from the compacted {@code campaigns} topic so that no
 * request ever has to call campaign-service. A deleted campaign keeps its row, marked deleted, so
 * late events for it are recognised rather than mistaken for an unknown campaign. The rules for
 * handing out codes are also kept as columns, for queries and the claim path's SQL.
 */
@Entity
@Table(name = "campaign_view")
public class CampaignView {
    @Id
    private UUID id;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private CampaignSnapshot snapshot;
    @Column(nullable = false)
    private boolean deleted;
    @Convert(converter = CampaignStatusColumn.class)
    @Column(nullable = false)
    private CampaignStatus status;
    @Column(name = "starts_at")
    private Instant startsAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "max_claims_per_user", nullable = false)
    private int maxClaimsPerUser;
    @Column(name = "max_total_claims")
    private Integer maxTotalClaims;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CampaignView() {
    }

    CampaignView(CampaignSnapshot snapshot) {
        this.id = snapshot.id();
        copy(snapshot);
    }

    /** Applies a newer snapshot; an older or repeated one (redelivery) changes nothing. */
    boolean apply(CampaignSnapshot newer) {
        if (deleted || !newer.updatedAt().isAfter(updatedAt)) {
            return false;
        }
        copy(newer);
        return true;
    }

    private void copy(CampaignSnapshot source) {
        snapshot = source;
        status = source.status();
        startsAt = source.startsAt();
        expiresAt = source.expiresAt();
        maxClaimsPerUser = source.maxClaimsPerUser();
        maxTotalClaims = source.maxTotalClaims();
        updatedAt = source.updatedAt();
    }

    void markDeleted() {
        deleted = true;
    }

    public UUID getId() {
        return id;
    }

    public CampaignSnapshot getSnapshot() {
        return snapshot;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public boolean readableBy(Developer developer) {
        return !deleted && (developer.admin() || snapshot.readers().contains(developer.subject()));
    }

    public boolean manageableBy(Developer developer) {
        return !deleted && snapshot.managers().contains(developer.subject());
    }
}
