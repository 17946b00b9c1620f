package io.codedrop.campaign.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Adds the developer who signed in with {@code email} to the team, or changes their role. */
public record TeamMemberRequest(
        @NotBlank @Email String email,
        @NotNull @Pattern(regexp = "(?i)\\s*(owner|admin|member|viewer)\\s*",
                message = "must be one of owner, admin, member, viewer") String role) {
}
