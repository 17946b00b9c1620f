package io.codedrop.support.campaign;

import io.codedrop.support.identity.Developer;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class CampaignViewRepository implements PanacheRepositoryBase<CampaignView, UUID> {
    /** The campaign if the developer may read it; null when it is unknown, deleted or someone else's. */
    public Uni<CampaignView> findReadable(UUID id, Developer developer) {
        return findById(id).map(view -> view != null && view.readableBy(developer) ? view : null);
    }

    /** The campaign if the developer may change it or its codes; null otherwise. */
    public Uni<CampaignView> findManageable(UUID id, Developer developer) {
        return findById(id).map(view -> view != null && view.manageableBy(developer) ? view : null);
    }
}
