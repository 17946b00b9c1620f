package io.codedrop.distribution.claim;

import io.codedrop.common.Platform;

/**
 * Who is asking for a code: the device key identifies the end user (device id, the web cookie, or
 * the client IP when there is neither); user agent and IP are kept as minimal PII.
 */
public record Claimant(String deviceKey, Platform platform, String userAgent, String ipAddress) {
    static final int MAX_USER_AGENT = 500;

    public static Claimant of(String deviceId, Platform platform, String userAgent, String ipAddress) {
        String key = deviceId != null && !deviceId.isBlank() ? "device:" + deviceId.trim() : "ip:" + ipAddress;
        return new Claimant(key, platform, truncate(userAgent), ipAddress);
    }

    private static String truncate(String userAgent) {
        if (userAgent == null) {
            return null;
        }
        return userAgent.length() <= MAX_USER_AGENT ? userAgent : userAgent.substring(0, MAX_USER_AGENT);
    }
}
