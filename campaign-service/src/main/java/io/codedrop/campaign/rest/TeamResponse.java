package io.codedrop.campaign.rest;

import io.codedrop.campaign.domain.TeamRole;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A team as one of its members sees it; {@code role} is the caller's own. */
public record TeamResponse(UUID id, String name, TeamRole role, List<TeamMemberResponse> members,
                           Instant createdAt, Instant updatedAt) {
}
