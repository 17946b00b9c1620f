package io.codedrop.distribution.redemption;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * A developer's server asking to redeem a code. {@code device_id}, when given, must be the device the
 * code was handed out to; {@code campaign_id} is needed only when the same code text is in several of
 * the caller's campaigns.
 */
public record RedeemRequest(
        @NotBlank @Size(max = 50) String code,
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]*", message = "may contain letters, digits and . _ : - only")
        String deviceId,
        UUID campaignId) {
}
