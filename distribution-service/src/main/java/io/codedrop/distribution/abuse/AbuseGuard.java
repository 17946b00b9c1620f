package io.codedrop.distribution.abuse;

import io.codedrop.distribution.abuse.Verdict.ClaimCounts;
import io.codedrop.distribution.claim.Claimant;
import io.codedrop.distribution.config.RedisConfig;
import io.codedrop.distribution.redis.LuaScript;
import io.codedrop.distribution.redis.OutageWarning;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Rate limits and fraud checks, counted in Redis so all replicas share them: one script call per
 * request (every counter of a claim in one round trip), judged here against the configuration.
 * When Redis fails or does not answer within the timeout the request goes ahead unchecked — fail
 * open: handing out codes matters more than counting them, the limits come back with Redis, and
 * each unchecked request is counted in {@code codedrop.abuse.unchecked}.
 */
@ApplicationScoped
public class AbuseGuard {
    private static final Logger LOG = Logger.getLogger(AbuseGuard.class);
    /** Counts a request in a window that starts with its first request; answers the count and the window left. */
    private static final LuaScript REQUEST = new LuaScript("""
            local n = redis.call('INCR', KEYS[1])
            if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return {n, redis.call('PTTL', KEYS[1])}""");
    /**
     * Every counter of a claim; distinct members are the fields of a small hash, which Redis packs
     * (ziplist/listpack) where a set of strings is a hashtable: under half the memory. KEYS: requests and claims of the IP, devices of the IP, IPs of the
     * device, campaigns of the IP, campaigns of the device, claims of the device. ARGV: the windows in
     * milliseconds (requests, claims, devices of an IP, IPs of a device, campaigns, burst), the
     * members (device, IP, campaign) and the caps of the distinct counts (devices, IPs, campaigns).
     */
    private static final LuaScript CLAIM = new LuaScript("""
            local function count(key, window)
              local n = redis.call('INCR', key)
              if redis.call('PTTL', key) < 0 then redis.call('PEXPIRE', key, window) end
              return n
            end
            local function distinct(key, member, cap, window)
              local n = redis.call('HLEN', key)
              if n < tonumber(cap) and redis.call('HSETNX', key, member, 1) == 1 then
                n = n + 1
                if n == 1 then redis.call('PEXPIRE', key, window) end
              end
              return n
            end
            local requests = count(KEYS[1], ARGV[1])
            local claims = count(KEYS[2], ARGV[2])
            return {requests, redis.call('PTTL', KEYS[1]), claims, redis.call('PTTL', KEYS[2]),
                    distinct(KEYS[3], ARGV[7], ARGV[10], ARGV[3]),
                    distinct(KEYS[4], ARGV[8], ARGV[11], ARGV[4]),
                    distinct(KEYS[5], ARGV[9], ARGV[12], ARGV[5]),
                    distinct(KEYS[6], ARGV[9], ARGV[12], ARGV[5]),
                    count(KEYS[7], ARGV[6])}""");

    private final ReactiveRedisDataSource redis;
    private final RateLimitConfig limits;
    private final FraudConfig fraud;
    private final Duration timeout;
    private final Counter unchecked;
    private final MeterRegistry registry;
    private final OutageWarning warning = new OutageWarning();

    public AbuseGuard(ReactiveRedisDataSource redis, RateLimitConfig limits, FraudConfig fraud, RedisConfig config,
                      MeterRegistry registry) {
        this.redis = redis;
        this.limits = limits;
        this.fraud = fraud;
        this.timeout = config.timeout();
        this.registry = registry;
        this.unchecked = registry.counter("codedrop.abuse.unchecked");
    }

    /** A read of a distribution endpoint: the per-IP request limit. */
    public Uni<Verdict> checkRequest(String ip) {
        return judged(REQUEST.run(redis, List.of("limits:requests:" + ip), List.of(millis(limits.requestsWindow())))
                .map(counts -> Verdict.ofRequest(counts.get(0).toLong(), counts.get(1).toLong(), limits)), "campaign");
    }

    /** A claim: both rate limits of its IP and the fraud checks of its IP and device. */
    public Uni<Verdict> checkClaim(UUID campaignId, Claimant claimant) {
        String ip = String.valueOf(claimant.ipAddress());
        String device = claimant.deviceKey();
        List<String> keys = List.of("limits:requests:" + ip, "limits:claims:" + ip, "fraud:ip-devices:" + ip,
                "fraud:device-ips:" + device, "fraud:ip-campaigns:" + ip, "fraud:device-campaigns:" + device,
                "fraud:device-claims:" + device);
        List<String> args = List.of(millis(limits.requestsWindow()), millis(limits.claimsWindow()),
                millis(fraud.devicesPerIpWindow()), millis(fraud.ipsPerDeviceWindow()), millis(fraud.campaignsWindow()),
                millis(fraud.burstWindow()),
                device, ip, campaignId.toString(),
                cap(fraud.maxDevicesPerIp()), cap(fraud.maxIpsPerDevice()), cap(fraud.maxCampaigns()));
        return judged(CLAIM.run(redis, keys, args)
                .map(counts -> Verdict.ofClaim(claimCounts(counts), limits, fraud)), "claim");
    }

    private Uni<Verdict> judged(Uni<Verdict> check, String endpoint) {
        return check.ifNoItem().after(timeout).fail()
                .onFailure().recoverWithItem(this::unchecked)
                .invoke(verdict -> {
                    if (verdict.refused()) {
                        registry.counter("codedrop.abuse.refused", "endpoint", endpoint,
                                "reason", verdict.status().wireName()).increment();
                    }
                });
    }

    private Verdict unchecked(Throwable failure) {
        unchecked.increment();
        if (warning.due()) {
            LOG.warnf("rate limits and fraud checks skipped, Redis failed or was slower than %s: %s"
                            + " (requests go ahead unchecked; counted in codedrop.abuse.unchecked)",
                    timeout, failure.toString());
        }
        return Verdict.UNCHECKED;
    }

    private static ClaimCounts claimCounts(Response counts) {
        return new ClaimCounts(counts.get(0).toLong(), counts.get(1).toLong(), counts.get(2).toLong(),
                counts.get(3).toLong(), counts.get(4).toLong(), counts.get(5).toLong(), counts.get(6).toLong(),
                counts.get(7).toLong(), counts.get(8).toLong());
    }

    private static String millis(Duration window) {
        return String.valueOf(window.toMillis());
    }

    /** A distinct count needs to grow only one past its maximum to trip the check. */
    private static String cap(int max) {
        return String.valueOf((long) max + 1);
    }
}
