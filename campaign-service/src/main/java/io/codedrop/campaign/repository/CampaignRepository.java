package io.codedrop.campaign.repository;

import io.codedrop.campaign.domain.Campaign;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<Campaign, UUID> {
    public Uni<Campaign> findOwned(UUID id, UUID developerId) {
        return find("id = ?1 and developerId = ?2", id, developerId).firstResult();
    }
}
