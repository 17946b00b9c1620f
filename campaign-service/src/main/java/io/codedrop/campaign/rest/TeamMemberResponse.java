package io.codedrop.campaign.rest;

import io.codedrop.campaign.domain.TeamRole;

import java.time.Instant;
import java.util.UUID;

public record TeamMemberResponse(UUID developerId, String email, String name, TeamRole role, Instant joinedAt) {
}
