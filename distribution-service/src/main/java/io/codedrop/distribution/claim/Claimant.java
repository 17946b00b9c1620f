package io.codedrop.distribution.claim;

import io.codedrop.common.Platform;
import io.codedrop.distribution.privacy.UserAgentFamily;

/**
 * Who is asking for a code: the device key identifies the end user (device id, the web cookie, or
 * the client IP when there is neither); the user agent, cut to its browser/OS family, and the IP are
 * kept as minimal PII.
 */
public record Claimant(String deviceKey, Platform platform, String userAgent, String ipAddress) {
    public static Claimant of(String deviceId, Platform platform, String userAgent, String ipAddress) {
        String key = deviceId != null && !deviceId.isBlank() ? deviceKey(deviceId) : "ip:" + ipAddress;
        return new Claimant(key, platform, UserAgentFamily.of(userAgent), ipAddress);
    }

    /** The end user a device id (or the web cookie, sent as one) stands for. */
    public static String deviceKey(String deviceId) {
        return "device:" + deviceId.trim();
    }
}
