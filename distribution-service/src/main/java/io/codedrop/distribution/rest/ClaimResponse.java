package io.codedrop.distribution.rest;

import io.codedrop.common.Platform;

import java.time.Instant;

/** SPEC §5: what a client gets when it has a code. */
public record ClaimResponse(boolean success, String code, Platform platform, Instant expiresAt, String redeemUrl,
                            CampaignInfo campaign) {
    public record CampaignInfo(String name, String appName) {
    }
}
