package io.codedrop.distribution.abuse;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * SPEC §4.6 suspicious patterns: a claim is blocked when one of these counts, taken over its window
 * (which starts with the first claim it counts), goes above its maximum.
 */
@ConfigMapping(prefix = "codedrop.fraud")
public interface FraudConfig {
    /** ip_duplicate: most distinct devices that may claim from one IP. */
    @WithDefault("20")
    int maxDevicesPerIp();

    /** The ip_duplicate window. */
    @WithDefault("1h")
    Duration devicesPerIpWindow();

    /** device_duplicate: most distinct IPs one device may claim from. */
    @WithDefault("5")
    int maxIpsPerDevice();

    /** The device_duplicate window. */
    @WithDefault("1h")
    Duration ipsPerDeviceWindow();

    /** cross_campaign: most distinct campaigns one IP, or one device, may claim in. */
    @WithDefault("5")
    int maxCampaigns();

    /** The cross_campaign window. */
    @WithDefault("10m")
    Duration campaignsWindow();

    /** velocity_limit: most claims one device may make in a burst window. */
    @WithDefault("10")
    int maxBurst();

    /** The velocity_limit window. */
    @WithDefault("10s")
    Duration burstWindow();
}
