package io.codedrop.campaign.service;

import io.codedrop.campaign.domain.Campaign;
import io.codedrop.campaign.mapping.CampaignMapper;
import io.codedrop.campaign.repository.CampaignRepository;
import io.codedrop.campaign.repository.DeveloperRepository;
import io.codedrop.campaign.rest.CampaignCreateRequest;
import io.codedrop.common.Topics;
import io.codedrop.common.event.CampaignEvent;
import io.codedrop.common.serde.EventJson;
import io.codedrop.support.identity.Developer;
import io.codedrop.support.outbox.Outbox;
import io.codedrop.support.problem.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Campaign rules; every change publishes the campaign's full snapshot through the outbox. */
@ApplicationScoped
public class CampaignService {
    static final int MAX_METADATA_BYTES = 16 * 1024;

    private final CampaignRepository campaigns;
    private final DeveloperService developerService;
    private final Outbox outbox;

    public CampaignService(CampaignRepository campaigns, DeveloperService developerService, Outbox outbox) {
        this.campaigns = campaigns;
        this.developerService = developerService;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<Campaign> create(Developer caller, CampaignCreateRequest request) {
        validate(request);
        return developerService.provision(caller)
                .chain(owner -> campaigns.persist(CampaignMapper.toEntity(request, owner))
                        .call(campaign -> outbox.publish(Topics.CAMPAIGNS,
                                CampaignEvent.of(CampaignMapper.toSnapshot(campaign, owner)))));
    }

    @WithSession
    public Uni<Campaign> get(Developer caller, UUID id) {
        return developerService.provision(caller)
                .chain(developer -> campaigns.findOwned(id, developer.getId()))
                .onItem().ifNull().failWith(() -> Problems.notFound("campaign " + id));
    }

    private static void validate(CampaignCreateRequest request) {
        if (request.startsAt() != null && !request.expiresAt().isAfter(request.startsAt())) {
            throw Problems.invalid("expires_at", "must be after starts_at");
        }
        if (request.metadata() != null && EventJson.write(request.metadata()).length > MAX_METADATA_BYTES) {
            throw Problems.invalid("metadata", "must be at most 16 KB of JSON");
        }
    }
}
