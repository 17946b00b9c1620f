package io.codedrop.campaign.service;

import io.codedrop.campaign.config.CampaignConfig;
import io.codedrop.campaign.domain.Campaign;
import io.codedrop.campaign.domain.CampaignAccess;
import io.codedrop.campaign.domain.CampaignLifecycle;
import io.codedrop.campaign.mapping.CampaignMapper;
import io.codedrop.campaign.repository.CampaignRepository;
import io.codedrop.campaign.repository.TeamMemberRepository;
import io.codedrop.campaign.repository.TeamRepository;
import io.codedrop.campaign.rest.CampaignCreateRequest;
import io.codedrop.campaign.rest.CampaignUpdateRequest;
import io.codedrop.common.api.PageResponse;
import io.codedrop.common.event.CampaignStatus;
import io.codedrop.common.serde.EventJson;
import io.codedrop.support.identity.Developer;
import io.codedrop.support.problem.Problems;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Campaign rules: who may see and change a campaign, its status lifecycle, and validation that needs
 * more than one field. Every change publishes the campaign's full snapshot through the outbox.
 */
@ApplicationScoped
public class CampaignService {
    static final int MAX_METADATA_BYTES = 16 * 1024;

    private final CampaignRepository campaigns;
    private final TeamRepository teams;
    private final TeamMemberRepository members;
    private final DeveloperService developerService;
    private final CampaignPublisher publisher;
    private final CampaignConfig config;
    private final CampaignMetrics metrics;

    public CampaignService(CampaignRepository campaigns, TeamRepository teams, TeamMemberRepository members,
                           DeveloperService developerService, CampaignPublisher publisher, CampaignConfig config,
                           CampaignMetrics metrics) {
        this.campaigns = campaigns;
        this.teams = teams;
        this.members = members;
        this.developerService = developerService;
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
    }

    @WithTransaction
    public Uni<Campaign> create(Developer caller, CampaignCreateRequest request) {
        validateSchedule(request.startsAt(), request.expiresAt(), "expires_at", "must be after starts_at");
        validateMetadata(request.metadata());
        return developerService.provision(caller)
                .call(owner -> request.teamId() == null ? Uni.createFrom().voidItem()
                        : requireTeamManager(request.teamId(), owner.getId()))
                .chain(owner -> campaigns.persist(CampaignMapper.toEntity(request, owner)))
                .call(publisher::publish)
                .invoke(campaign -> metrics.changed("created", campaign));
    }

    @WithSession
    public Uni<PageResponse<Campaign>> list(Developer caller, String status, int page, int size) {
        CampaignStatus filter = status == null ? null : CampaignStatus.fromWire(status);
        return developerService.provision(caller)
                .map(developer -> campaigns.visibleTo(developer.getId(), filter).page(page, size))
                .chain(query -> page(query, page, size));
    }

    @WithSession
    public Uni<Campaign> get(Developer caller, UUID id) {
        return developerService.provision(caller)
                .chain(developer -> campaigns.findById(id)
                        .call(campaign -> require(CampaignAccess.READ, campaign, developer.getId(), id)));
    }

    @WithTransaction
    public Uni<Campaign> update(Developer caller, UUID id, CampaignUpdateRequest request) {
        return developerService.provision(caller)
                .chain(developer -> campaigns.findForUpdate(id)
                        .call(campaign -> require(CampaignAccess.MANAGE, campaign, developer.getId(), id)))
                .map(campaign -> apply(request, campaign))
                .call(change -> publisher.publish(change.campaign()))
                .invoke(change -> metrics.changed(change.kind(), change.campaign()))
                .map(Change::campaign);
    }

    @WithTransaction
    public Uni<Void> delete(Developer caller, UUID id) {
        return developerService.provision(caller)
                .chain(developer -> campaigns.findForUpdate(id)
                        .call(campaign -> require(CampaignAccess.MANAGE, campaign, developer.getId(), id)))
                .call(campaigns::delete)
                .call(campaign -> publisher.retract(campaign.getId()))
                .invoke(campaign -> metrics.changed("deleted", campaign))
                .replaceWithVoid();
    }

    /**
     * Expires campaigns whose expires_at has passed, one batch per call. The rows are locked and the
     * status re-checked by the query, so a concurrent completion or a second replica wins cleanly.
     */
    @WithTransaction
    public Uni<Integer> expireDue() {
        return campaigns.dueForExpiry(Instant.now(), config.expiryBatchSize())
                .call(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(this::expire)
                        .collect().asList())
                .map(List::size);
    }

    private Uni<Void> expire(Campaign campaign) {
        campaign.setStatus(CampaignStatus.EXPIRED);
        campaign.touch();
        return publisher.publish(campaign)
                .invoke(() -> metrics.changed("expired", campaign));
    }

    /** A campaign after an update, and whether its status moved (the metric's kind). */
    private record Change(String kind, Campaign campaign) {
    }

    private static Change apply(CampaignUpdateRequest request, Campaign campaign) {
        CampaignStatus before = campaign.getStatus();
        if (request.has("status")) {
            changeStatus(campaign, CampaignStatus.fromWire(request.getStatus()));
        }
        CampaignMapper.applyUpdate(request, campaign);
        if (request.has("expiresAt")) {
            validateSchedule(campaign.getStartsAt(), campaign.getExpiresAt(), "expires_at", "must be after starts_at");
        } else {
            validateSchedule(campaign.getStartsAt(), campaign.getExpiresAt(), "starts_at", "must be before expires_at");
        }
        validateMetadata(campaign.getMetadata());
        campaign.touch();
        return new Change(campaign.getStatus() == before ? "updated" : "status_changed", campaign);
    }

    private static void changeStatus(Campaign campaign, CampaignStatus target) {
        CampaignStatus current = campaign.getStatus();
        if (!CampaignLifecycle.allowsManual(current, target)) {
            String detail = target == CampaignStatus.EXPIRED
                    ? "a campaign expires only when its expires_at passes"
                    : "a " + current.wireName() + " campaign cannot become " + target.wireName();
            throw Problems.conflict("illegal-status-transition", detail);
        }
        campaign.setStatus(target);
    }

    /** The team exists for the caller and they may create campaigns in it; it stays locked against membership changes. */
    private Uni<Void> requireTeamManager(UUID teamId, UUID developerId) {
        return teams.findSharedLock(teamId)
                .chain(team -> team == null ? Uni.createFrom().nullItem() : members.find(teamId, developerId))
                .onItem().ifNull().failWith(() -> Problems.notFound("team " + teamId))
                .invoke(member -> {
                    if (!member.getRole().managesCampaigns()) {
                        throw Refusals.forbidden();
                    }
                })
                .replaceWithVoid();
    }

    /** Someone without any access learns nothing (404); a team viewer who tries to change it is refused (403). */
    private Uni<Void> require(CampaignAccess needed, Campaign campaign, UUID developerId, UUID id) {
        Uni<CampaignAccess> granted = campaign == null
                ? Uni.createFrom().item(CampaignAccess.NONE)
                : access(campaign, developerId);
        return granted
                .invoke(access -> {
                    if (access == CampaignAccess.NONE) {
                        throw Problems.notFound("campaign " + id);
                    }
                    if (access.compareTo(needed) < 0) {
                        throw Refusals.forbidden();
                    }
                })
                .replaceWithVoid();
    }

    private Uni<CampaignAccess> access(Campaign campaign, UUID developerId) {
        if (campaign.getTeamId() == null) {
            return Uni.createFrom().item(campaign.getDeveloperId().equals(developerId)
                    ? CampaignAccess.MANAGE : CampaignAccess.NONE);
        }
        return members.find(campaign.getTeamId(), developerId)
                .map(member -> CampaignAccess.of(member == null ? null : member.getRole()));
    }

    private static Uni<PageResponse<Campaign>> page(PanacheQuery<Campaign> query, int page, int size) {
        return query.list()
                .chain(items -> query.count().map(total -> new PageResponse<>(items, page, size, total)));
    }

    private static void validateSchedule(Instant startsAt, Instant expiresAt, String field, String message) {
        if (startsAt != null && expiresAt != null && !expiresAt.isAfter(startsAt)) {
            throw Problems.invalid(field, message);
        }
    }

    private static void validateMetadata(Map<String, Object> metadata) {
        if (metadata != null && EventJson.write(metadata).length > MAX_METADATA_BYTES) {
            throw Problems.invalid("metadata", "must be at most 16 KB of JSON");
        }
    }
}
