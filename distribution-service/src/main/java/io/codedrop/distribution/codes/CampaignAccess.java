package io.codedrop.distribution.codes;

import io.codedrop.support.campaign.CampaignView;
import io.codedrop.support.campaign.CampaignViewRepository;
import io.codedrop.support.identity.Developer;
import io.codedrop.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Who may do what with a campaign's codes: its team reads them masked; its managers (owner, admins,
 * members) also reveal, withdraw and redeem them. The platform admin role reads stats, not codes.
 * Anyone else learns nothing: the caller's own 404, as if the campaign or code did not exist.
 */
@ApplicationScoped
public class CampaignAccess {
    private final CampaignViewRepository campaigns;

    public CampaignAccess(CampaignViewRepository campaigns) {
        this.campaigns = campaigns;
    }

    /** The campaign if the caller is on its team; fails with {@code notFound} otherwise. */
    public Uni<CampaignView> team(Developer caller, UUID campaignId, Supplier<ProblemException> notFound) {
        return Panache.withSession(() -> campaigns.findReadable(campaignId, caller))
                .map(view -> view != null && view.getSnapshot().readers().contains(caller.subject()) ? view : null)
                .onItem().ifNull().failWith(notFound);
    }

    /**
     * The campaign if the caller manages it. A team member who only reads it is refused with 403 (they
     * know it exists); anyone else gets {@code notFound}.
     */
    public Uni<CampaignView> managers(Developer caller, UUID campaignId, Supplier<ProblemException> notFound) {
        return team(caller, campaignId, notFound)
                .invoke(view -> {
                    if (!view.manageableBy(caller)) {
                        throw new ForbiddenException();
                    }
                });
    }

    /** Whether the caller manages the campaign; no failure either way. */
    public Uni<Boolean> manages(Developer caller, UUID campaignId) {
        return Panache.withSession(() -> campaigns.findManageable(campaignId, caller))
                .map(view -> view != null);
    }
}
