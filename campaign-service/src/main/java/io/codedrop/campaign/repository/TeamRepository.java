package io.codedrop.campaign.repository;

import io.codedrop.campaign.domain.Team;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;

@ApplicationScoped
public class TeamRepository implements PanacheRepositoryBase<Team, UUID> {
    /** The teams a developer belongs to, newest first. */
    public PanacheQuery<Team> ofMember(UUID developerId) {
        return find("id in (select m.teamId from TeamMember m where m.developer.id = ?1)",
                Sort.descending("createdAt").and("id"), developerId);
    }

    /** Locks the team against membership changes (which lock it exclusively) until the transaction ends. */
    public Uni<Team> findSharedLock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_READ);
    }

    /** Locks the team exclusively: membership changes of one team happen one after another. */
    public Uni<Team> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
