package io.codedrop.campaign.service;

import io.codedrop.campaign.domain.CampaignAccess;
import io.codedrop.campaign.domain.Developer;
import io.codedrop.campaign.domain.Team;
import io.codedrop.campaign.domain.TeamMember;
import io.codedrop.campaign.domain.TeamRole;
import io.codedrop.campaign.repository.DeveloperRepository;
import io.codedrop.campaign.repository.TeamMemberRepository;
import io.codedrop.campaign.repository.TeamRepository;
import io.codedrop.campaign.rest.TeamCreateRequest;
import io.codedrop.campaign.rest.TeamMemberRequest;
import io.codedrop.common.api.PageResponse;
import io.codedrop.support.problem.Problems;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Teams and their members. Someone outside a team learns nothing about it (404); members see it;
 * admins and owners manage members, and only owners touch owners. Membership changes lock the team
 * row, so checks such as "the last owner stays" hold under concurrency, and republish the team's
 * campaign snapshots when what the member may do with campaigns changed.
 */
@ApplicationScoped
public class TeamService {
    private final TeamRepository teams;
    private final TeamMemberRepository members;
    private final DeveloperRepository developers;
    private final DeveloperService developerService;
    private final CampaignPublisher publisher;

    public TeamService(TeamRepository teams, TeamMemberRepository members, DeveloperRepository developers,
                       DeveloperService developerService, CampaignPublisher publisher) {
        this.teams = teams;
        this.members = members;
        this.developers = developers;
        this.developerService = developerService;
        this.publisher = publisher;
    }

    /** A team with its members in join order, as the developer {@code viewer} asked for it. */
    public record TeamDetails(Team team, List<TeamMember> members, UUID viewer) {
    }

    /** One page of the viewer's teams with every listed team's members. */
    public record TeamPage(PageResponse<Team> teams, Map<UUID, List<TeamMember>> members, UUID viewer) {
    }

    /** A member after a change, and whether they were new to the team. */
    public record Membership(TeamMember member, boolean added) {
    }

    @WithTransaction
    public Uni<TeamDetails> create(io.codedrop.support.identity.Developer caller, TeamCreateRequest request) {
        return developerService.provision(caller)
                .chain(creator -> teams.persist(new Team(request.name().trim()))
                        .chain(team -> members.persist(new TeamMember(team.getId(), creator, TeamRole.OWNER))
                                .map(owner -> new TeamDetails(team, List.of(owner), creator.getId()))));
    }

    @WithSession
    public Uni<TeamPage> list(io.codedrop.support.identity.Developer caller, int page, int size) {
        return developerService.provision(caller)
                .chain(developer -> page(teams.ofMember(developer.getId()).page(page, size), page, size)
                        .chain(teamPage -> withMembers(teamPage, developer.getId())));
    }

    @WithSession
    public Uni<TeamDetails> get(io.codedrop.support.identity.Developer caller, UUID teamId) {
        return developerService.provision(caller)
                .chain(developer -> requireMember(teamId, developer.getId())
                        .chain(own -> teams.findById(teamId))
                        .chain(team -> members.ofTeam(teamId).map(all -> new TeamDetails(team, all, developer.getId()))));
    }

    /** Adds the developer with the request's email, or changes the role of one already in the team. */
    @WithTransaction
    public Uni<Membership> putMember(io.codedrop.support.identity.Developer caller, UUID teamId,
                                     TeamMemberRequest request) {
        return developerService.provision(caller)
                .chain(developer -> lockForMemberChange(teamId, developer.getId()))
                .chain(own -> developers.findByEmail(request.email().trim())
                        .onItem().ifNull().failWith(() -> Problems.unprocessable("unknown-developer",
                                "nobody has signed in with " + request.email() + " yet; they must call the API"
                                        + " once before they can join a team"))
                        .chain(target -> members.ofTeam(teamId)
                                .chain(team -> putMember(teamId, own, target, TeamRole.fromWire(request.role()),
                                        team))));
    }

    @WithTransaction
    public Uni<Void> removeMember(io.codedrop.support.identity.Developer caller, UUID teamId, UUID developerId) {
        return developerService.provision(caller)
                .chain(developer -> lockForMemberChange(teamId, developer.getId()))
                .chain(own -> members.ofTeam(teamId).chain(team -> remove(teamId, own, developerId, team)));
    }

    private Uni<TeamPage> withMembers(PageResponse<Team> teamPage, UUID viewer) {
        if (teamPage.items().isEmpty()) {
            return Uni.createFrom().item(new TeamPage(teamPage, Map.of(), viewer));
        }
        return members.ofTeams(teamPage.items().stream().map(Team::getId).toList())
                .map(all -> new TeamPage(teamPage, all.stream().collect(Collectors.groupingBy(TeamMember::getTeamId)),
                        viewer));
    }

    private Uni<Membership> putMember(UUID teamId, TeamMember own, Developer target, TeamRole role,
                                      List<TeamMember> team) {
        TeamMember existing = find(team, target.getId());
        TeamRole previous = existing == null ? null : existing.getRole();
        if (!own.getRole().managesMembers()
                || (role == TeamRole.OWNER || previous == TeamRole.OWNER) && own.getRole() != TeamRole.OWNER) {
            return Uni.createFrom().failure(Refusals.forbidden());
        }
        if (previous == TeamRole.OWNER && role != TeamRole.OWNER && owners(team) == 1) {
            return Uni.createFrom().failure(lastOwner());
        }
        Uni<TeamMember> changed;
        if (existing == null) {
            changed = members.persist(new TeamMember(teamId, target, role));
        } else {
            existing.changeRole(role);
            changed = Uni.createFrom().item(existing);
        }
        return changed
                .call(member -> republishIfAccessChanged(teamId, CampaignAccess.of(previous), CampaignAccess.of(role)))
                .map(member -> new Membership(member, existing == null));
    }

    private Uni<Void> remove(UUID teamId, TeamMember own, UUID developerId, List<TeamMember> team) {
        TeamMember target = find(team, developerId);
        if (target == null) {
            return Uni.createFrom().failure(Problems.notFound("member " + developerId));
        }
        boolean leaving = target.getId().equals(own.getId());
        if (!leaving && (!own.getRole().managesMembers()
                || target.getRole() == TeamRole.OWNER && own.getRole() != TeamRole.OWNER)) {
            return Uni.createFrom().failure(Refusals.forbidden());
        }
        if (target.getRole() == TeamRole.OWNER && owners(team) == 1) {
            return Uni.createFrom().failure(lastOwner());
        }
        return members.delete(target)
                .call(() -> republishIfAccessChanged(teamId, CampaignAccess.of(target.getRole()), CampaignAccess.NONE));
    }

    private Uni<Void> republishIfAccessChanged(UUID teamId, CampaignAccess before, CampaignAccess after) {
        if (before == after) {
            return Uni.createFrom().voidItem();
        }
        return members.flush().chain(() -> publisher.republishTeam(teamId));
    }

    /** Locks the team for the change and returns the caller's membership; 404 if either is missing. */
    private Uni<TeamMember> lockForMemberChange(UUID teamId, UUID developerId) {
        return teams.findForUpdate(teamId)
                .chain(team -> team == null ? Uni.createFrom().nullItem() : members.find(teamId, developerId))
                .onItem().ifNull().failWith(() -> Problems.notFound("team " + teamId));
    }

    private Uni<TeamMember> requireMember(UUID teamId, UUID developerId) {
        return members.find(teamId, developerId)
                .onItem().ifNull().failWith(() -> Problems.notFound("team " + teamId));
    }

    private static TeamMember find(List<TeamMember> team, UUID developerId) {
        return team.stream().filter(member -> member.getDeveloper().getId().equals(developerId)).findFirst()
                .orElse(null);
    }

    private static long owners(List<TeamMember> team) {
        return team.stream().filter(member -> member.getRole() == TeamRole.OWNER).count();
    }

    private static RuntimeException lastOwner() {
        return Problems.conflict("last-owner", "a team keeps at least one owner; make someone else owner first");
    }

    private static Uni<PageResponse<Team>> page(PanacheQuery<Team> query, int page, int size) {
        return query.list()
                .chain(items -> query.count().map(total -> new PageResponse<>(items, page, size, total)));
    }
}
