package io.codedrop.ingest.rest;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/**
 * A generation: {@code count} codes of {@code prefix} + {@code length} characters drawn from {@code charset}.
 * The platform is read by the service, so an unknown one is reported with the accepted spellings.
 */
public record GenerationRequest(
        @NotNull UUID campaignId,
        @NotBlank String platform,
        @NotNull @Min(1) Long count,
        @Size(max = 49) @Pattern(regexp = "([A-Za-z0-9_][A-Za-z0-9_-]*)?",
                message = "must be letters, digits, '-' or '_', and not start with '-'") String prefix,
        @Min(1) @Max(50) Integer length,
        @Size(min = 2, max = 64) @Pattern(regexp = "[A-Za-z0-9]*", message = "must be letters and digits")
        String charset,
        @Future Instant expiresAt) {
}
