package io.codedrop.distribution.codes;

import io.codedrop.common.Platform;

import java.util.UUID;

/** Which of a campaign's codes a listing or export shows; a null status or platform means all. */
public record CodeFilter(UUID campaignId, CodeStatus status, Platform platform) {
}
