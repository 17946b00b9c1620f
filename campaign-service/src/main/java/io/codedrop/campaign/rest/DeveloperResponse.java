package io.codedrop.campaign.rest;

import java.time.Instant;
import java.util.UUID;

public record DeveloperResponse(UUID id, String email, String name, String companyName, boolean verified,
                                Instant createdAt, Instant updatedAt) {
}
