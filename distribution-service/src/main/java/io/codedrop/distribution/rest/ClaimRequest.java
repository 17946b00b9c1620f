package io.codedrop.distribution.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of a claim; both members are optional (an empty body is fine). */
public record ClaimRequest(
        String platform,
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]*", message = "may contain letters, digits and . _ : - only")
        String deviceId) {
    static final ClaimRequest EMPTY = new ClaimRequest(null, null);
}
