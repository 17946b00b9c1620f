package io.codedrop.campaign.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One developer's place in a team. */
@Entity
@Table(name = "team_members")
public class TeamMember {
    @Id
    private UUID id;
    @Column(name = "team_id", nullable = false)
    private UUID teamId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "developer_id", nullable = false)
    private Developer developer;
    @Convert(converter = TeamRoleColumn.class)
    @Column(nullable = false)
    private TeamRole role;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TeamMember() {
    }

    public TeamMember(UUID teamId, Developer developer, TeamRole role) {
        this.id = UUID.randomUUID();
        this.teamId = teamId;
        this.developer = developer;
        this.role = role;
        this.createdAt = Timestamps.now();
        this.updatedAt = createdAt;
    }

    public void changeRole(TeamRole newRole) {
        role = newRole;
        updatedAt = Timestamps.after(updatedAt);
    }

    public UUID getId() {
        return id;
    }

    public UUID getTeamId() {
        return teamId;
    }

    public Developer getDeveloper() {
        return developer;
    }

    public TeamRole getRole() {
        return role;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
