package io.codedrop.campaign.repository;

import io.codedrop.campaign.domain.TeamMember;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Memberships, always with their developer fetched: callers need subjects, emails and names. */
@ApplicationScoped
public class TeamMemberRepository implements PanacheRepositoryBase<TeamMember, UUID> {
    public Uni<TeamMember> find(UUID teamId, UUID developerId) {
        return find("from TeamMember m join fetch m.developer where m.teamId = ?1 and m.developer.id = ?2",
                teamId, developerId).firstResult();
    }

    public Uni<List<TeamMember>> ofTeam(UUID teamId) {
        return list("from TeamMember m join fetch m.developer where m.teamId = ?1 order by m.createdAt, m.id",
                teamId);
    }

    public Uni<List<TeamMember>> ofTeams(Collection<UUID> teamIds) {
        return list("from TeamMember m join fetch m.developer where m.teamId in ?1 order by m.createdAt, m.id",
                teamIds);
    }
}
