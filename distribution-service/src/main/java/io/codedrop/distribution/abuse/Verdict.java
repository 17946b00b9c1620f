package io.codedrop.distribution.abuse;

import io.codedrop.common.event.RequestStatus;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether a request may go ahead. A blocked claim carries every fraud check it was judged by (so the
 * record shows which tripped and what the others saw); a rate-limited one, when to come back.
 */
public record Verdict(Decision decision, long retryAfterSeconds, List<FraudCheck> checks) {
    public enum Decision {
        ALLOWED,
        /** Redis did not answer in time: the request goes ahead unchecked (fail open). */
        UNCHECKED,
        RATE_LIMITED,
        BLOCKED
    }

    static final Verdict ALLOWED = new Verdict(Decision.ALLOWED, 0, List.of());
    static final Verdict UNCHECKED = new Verdict(Decision.UNCHECKED, 0, List.of());

    public boolean refused() {
        return decision == Decision.RATE_LIMITED || decision == Decision.BLOCKED;
    }

    /** The code-request status of a refused request. */
    public RequestStatus status() {
        return decision == Decision.BLOCKED ? RequestStatus.BLOCKED : RequestStatus.RATE_LIMITED;
    }

    /** A request to a distribution endpoint other than a claim: only the request limit applies. */
    static Verdict ofRequest(long requests, long requestsTtlMillis, RateLimitConfig limits) {
        return requests > limits.requests() ? rateLimited(requestsTtlMillis) : ALLOWED;
    }

    /** A claim: a tripped fraud check blocks it; else either rate limit refuses it until its window ends. */
    static Verdict ofClaim(ClaimCounts counts, RateLimitConfig limits, FraudConfig fraud) {
        List<FraudCheck> checks = List.of(
                check(CheckType.IP_DUPLICATE, Map.of("devices_of_ip", counts.devicesOfIp()),
                        fraud.maxDevicesPerIp(), fraud.devicesPerIpWindow()),
                check(CheckType.DEVICE_DUPLICATE, Map.of("ips_of_device", counts.ipsOfDevice()),
                        fraud.maxIpsPerDevice(), fraud.ipsPerDeviceWindow()),
                check(CheckType.VELOCITY_LIMIT, Map.of("claims_of_device", counts.burst()),
                        fraud.maxBurst(), fraud.burstWindow()),
                check(CheckType.CROSS_CAMPAIGN, Map.of("campaigns_of_ip", counts.campaignsOfIp(),
                                "campaigns_of_device", counts.campaignsOfDevice()),
                        fraud.maxCampaigns(), fraud.campaignsWindow()));
        if (checks.stream().anyMatch(FraudCheck::flagged)) {
            return new Verdict(Decision.BLOCKED, 0, checks);
        }
        long retryAfterMillis = Math.max(
                counts.requests() > limits.requests() ? counts.requestsTtlMillis() : 0,
                counts.claims() > limits.claims() ? counts.claimsTtlMillis() : 0);
        return retryAfterMillis > 0 ? rateLimited(retryAfterMillis) : ALLOWED;
    }

    private static Verdict rateLimited(long ttlMillis) {
        return new Verdict(Decision.RATE_LIMITED, Math.max(1, (ttlMillis + 999) / 1000), List.of());
    }

    /** Flagged when any of the counts is above the maximum. */
    private static FraudCheck check(CheckType type, Map<String, Long> seen, int max, Duration window) {
        Map<String, Object> details = new TreeMap<>(seen);
        details.put("max", max);
        details.put("window_seconds", window.toSeconds());
        return new FraudCheck(type, seen.values().stream().anyMatch(count -> count > max), details);
    }

    /**
     * What the Redis script counted, this claim included: requests and claims of the IP (with the
     * milliseconds left in their windows), distinct devices of the IP, distinct IPs of the device,
     * distinct campaigns of each, and the device's claims in the burst window. Distinct counts stop
     * growing one past their maximum, so Redis holds no more than it needs to decide.
     */
    record ClaimCounts(long requests, long requestsTtlMillis, long claims, long claimsTtlMillis, long devicesOfIp,
                       long ipsOfDevice, long campaignsOfIp, long campaignsOfDevice, long burst) {
    }
}
