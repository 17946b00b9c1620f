package io.codedrop.campaign.service;

import io.codedrop.campaign.domain.Audience;
import io.codedrop.campaign.domain.Campaign;
import io.codedrop.campaign.domain.Developer;
import io.codedrop.campaign.domain.TeamMember;
import io.codedrop.campaign.mapping.CampaignMapper;
import io.codedrop.campaign.repository.CampaignRepository;
import io.codedrop.campaign.repository.DeveloperRepository;
import io.codedrop.campaign.repository.TeamMemberRepository;
import io.codedrop.common.Topics;
import io.codedrop.common.event.CampaignEvent;
import io.codedrop.support.outbox.Outbox;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Puts campaign snapshots in the outbox, within the caller's transaction, for the compacted campaigns
 * topic. A snapshot names who may read and manage the campaign, so it is also republished when a
 * team's membership changes.
 */
@ApplicationScoped
public class CampaignPublisher {
    private final Outbox outbox;
    private final DeveloperRepository developers;
    private final TeamMemberRepository members;
    private final CampaignRepository campaigns;

    public CampaignPublisher(Outbox outbox, DeveloperRepository developers, TeamMemberRepository members,
                             CampaignRepository campaigns) {
        this.outbox = outbox;
        this.developers = developers;
        this.members = members;
        this.campaigns = campaigns;
    }

    public Uni<Void> publish(Campaign campaign) {
        return developers.findById(campaign.getDeveloperId())
                .chain(owner -> campaign.getTeamId() == null
                        ? Uni.createFrom().item(Audience.personal(owner))
                        : members.ofTeam(campaign.getTeamId()).map(team -> Audience.team(owner, team)))
                .chain(audience -> send(campaign, audience));
    }

    /** A tombstone: the compacted topic forgets the campaign, read models mark it deleted. */
    public Uni<Void> retract(UUID campaignId) {
        return outbox.tombstone(Topics.CAMPAIGNS, campaignId);
    }

    /**
     * New snapshots of all the team's campaigns after its membership changed; the caller has flushed
     * that change. Each campaign is touched so read models take the snapshot as newer.
     */
    public Uni<Void> republishTeam(UUID teamId) {
        return campaigns.ofTeamForUpdate(teamId)
                .chain(teamCampaigns -> teamCampaigns.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : members.ofTeam(teamId).chain(team -> republish(teamCampaigns, team)));
    }

    private Uni<Void> republish(List<Campaign> teamCampaigns, List<TeamMember> team) {
        List<UUID> ownerIds = teamCampaigns.stream().map(Campaign::getDeveloperId).distinct().toList();
        return developers.findByIds(ownerIds)
                .map(owners -> owners.stream().collect(Collectors.toMap(Developer::getId, Function.identity())))
                .chain(owners -> Multi.createFrom().iterable(teamCampaigns)
                        .onItem().transformToUniAndConcatenate(campaign -> republish(campaign, owners, team))
                        .collect().asList()
                        .replaceWithVoid());
    }

    private Uni<Void> republish(Campaign campaign, Map<UUID, Developer> owners, List<TeamMember> team) {
        campaign.touch();
        return send(campaign, Audience.team(owners.get(campaign.getDeveloperId()), team));
    }

    private Uni<Void> send(Campaign campaign, Audience audience) {
        return outbox.publish(Topics.CAMPAIGNS, CampaignEvent.of(CampaignMapper.toSnapshot(campaign, audience)));
    }
}
