package io.codedrop.campaign.repository;

import io.codedrop.campaign.domain.Campaign;
import io.codedrop.campaign.domain.CampaignLifecycle;
import io.codedrop.common.event.CampaignStatus;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<Campaign, UUID> {
    private static final String VISIBLE = """
            ((teamId is null and developerId = :developer)
             or teamId in (select m.teamId from TeamMember m where m.developer.id = :developer))""";

    /** The developer's own campaigns and those of their teams, newest first; {@code status} null means any. */
    public PanacheQuery<Campaign> visibleTo(UUID developerId, CampaignStatus status) {
        Sort newestFirst = Sort.descending("createdAt").and("id");
        Parameters parameters = Parameters.with("developer", developerId);
        if (status == null) {
            return find(VISIBLE, newestFirst, parameters);
        }
        return find(VISIBLE + " and status = :status", newestFirst, parameters.and("status", status));
    }

    /** The campaign, its row locked until the transaction ends, so concurrent changes apply one after another. */
    public Uni<Campaign> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A team's campaigns, locked in id order (a fixed order, so two writers cannot deadlock). */
    public Uni<List<Campaign>> ofTeamForUpdate(UUID teamId) {
        return find("teamId", Sort.ascending("id"), teamId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** Up to {@code limit} campaigns whose expires_at has passed and that can still expire, locked. */
    public Uni<List<Campaign>> dueForExpiry(Instant now, int limit) {
        return find("status in ?1 and expiresAt <= ?2", Sort.ascending("expiresAt").and("id"),
                CampaignLifecycle.EXPIRABLE, now)
                .page(0, limit)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }
}
