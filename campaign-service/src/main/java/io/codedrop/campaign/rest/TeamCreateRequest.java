package io.codedrop.campaign.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record TeamCreateRequest(@NotBlank @Size(max = 255) String name) {
}
