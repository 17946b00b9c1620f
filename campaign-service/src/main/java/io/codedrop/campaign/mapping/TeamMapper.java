package io.codedrop.campaign.mapping;

import io.codedrop.campaign.domain.Team;
import io.codedrop.campaign.domain.TeamMember;
import io.codedrop.campaign.rest.TeamMemberResponse;
import io.codedrop.campaign.rest.TeamResponse;
import io.codedrop.common.api.PageResponse;

import java.util.List;
import java.util.Map;
import java.util.UUID;

public final class TeamMapper {
    private TeamMapper() {
    }

    /** The team as {@code viewer} sees it: all members, and the viewer's own role. */
    public static TeamResponse toResponse(Team team, List<TeamMember> members, UUID viewer) {
        TeamMember own = members.stream()
                .filter(member -> member.getDeveloper().getId().equals(viewer))
                .findFirst()
                .orElseThrow();
        return new TeamResponse(team.getId(), team.getName(), own.getRole(),
                members.stream().map(TeamMapper::toResponse).toList(), team.getCreatedAt(), team.getUpdatedAt());
    }

    public static PageResponse<TeamResponse> toResponse(PageResponse<Team> page,
                                                        Map<UUID, List<TeamMember>> membersByTeam, UUID viewer) {
        return new PageResponse<>(page.items().stream()
                .map(team -> toResponse(team, membersByTeam.get(team.getId()), viewer))
                .toList(), page.page(), page.size(), page.total());
    }

    public static TeamMemberResponse toResponse(TeamMember member) {
        return new TeamMemberResponse(member.getDeveloper().getId(), member.getDeveloper().getEmail(),
                member.getDeveloper().getName(), member.getRole(), member.getCreatedAt());
    }
}
