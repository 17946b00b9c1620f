package io.codedrop.distribution.allocation;

/** The codes a user already holds in a campaign: how many, and the latest (returned on a retry). */
record HeldCodes(int count, ClaimOutcome.Fulfilled latest) {
}
