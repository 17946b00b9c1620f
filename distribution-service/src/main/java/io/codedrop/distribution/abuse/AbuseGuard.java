package io.codedrop.distribution.abuse;

import io.codedrop.distribution.abuse.Verdict.ClaimCounts;
import io.codedrop.distribution.batching.Coalescer;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Rate limits and fraud checks, counted in Redis so all replicas share them: every counter of a claim
 * in one script call, shared by the claims that arrive together ({@link Coalescer}), judged here
 * against the configuration.
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
     * Every counter of every claim of a batch, claim after claim, so claims that arrive together share
     * one round trip. Distinct members are the fields of a small hash, which Redis packs (listpack)
     * where a set of strings is a hashtable: under half the memory. KEYS, seven per claim: requests and
     * claims of the IP, devices of the IP, IPs of the device, campaigns of the IP, campaigns of the
     * device, claims of the device. ARGV: the windows in milliseconds (requests, claims, devices of an
     * IP, IPs of a device, campaigns, burst), the caps of the distinct counts (devices, IPs, campaigns),
     * then per claim its device, IP and campaign. Answers nine counts per claim ({@link ClaimCounts}).
     * A new counter's window is the one it was just given, so only a counter seen before asks for it.
     */
    private static final LuaScript CLAIMS = new LuaScript("""
            local function count(key, window)
              local n = redis.call('INCR', key)
              if n == 1 then redis.call('PEXPIRE', key, window) end
              return n
            end
            local function left(key, n, window)
              if n == 1 then return tonumber(window) end
              return redis.call('PTTL', key)
            end
            local function distinct(key, member, cap, window)
              local n = redis.call('HLEN', key)
              if n < tonumber(cap) and redis.call('HSETNX', key, member, 1) == 1 then
                n = n + 1
                if n == 1 then redis.call('PEXPIRE', key, window) end
              end
              return n
            end
            local counts = {}
            for i = 0, #KEYS / 7 - 1 do
              local k, m = i * 7, 9 + i * 3
              local requests = count(KEYS[k + 1], ARGV[1])
              local claims = count(KEYS[k + 2], ARGV[2])
              for _, n in ipairs({requests, left(KEYS[k + 1], requests, ARGV[1]),
                                  claims, left(KEYS[k + 2], claims, ARGV[2]),
                                  distinct(KEYS[k + 3], ARGV[m + 1], ARGV[7], ARGV[3]),
                                  distinct(KEYS[k + 4], ARGV[m + 2], ARGV[8], ARGV[4]),
                                  distinct(KEYS[k + 5], ARGV[m + 3], ARGV[9], ARGV[5]),
                                  distinct(KEYS[k + 6], ARGV[m + 3], ARGV[9], ARGV[5]),
                                  count(KEYS[k + 7], ARGV[6])}) do
                counts[#counts + 1] = n
              end
            end
            return counts""");
    /** Keeps one script call to a few milliseconds of Redis: it serves nobody else while the script runs. */
    private static final int MAX_CLAIMS_PER_CALL = 100;
    private static final int KEYS_PER_CLAIM = 7;
    private static final int COUNTS_PER_CLAIM = 9;

    private final ReactiveRedisDataSource redis;
    private final RateLimitConfig limits;
    private final FraudConfig fraud;
    private final Duration timeout;
    private final Counter unchecked;
    private final MeterRegistry registry;
    private final OutageWarning warning = new OutageWarning();
    private final List<String> claimArgs;
    private final Coalescer<PendingCheck> claimChecks = new Coalescer<>(MAX_CLAIMS_PER_CALL, this::sendChecks,
            (batch, failure) -> batch.forEach(check -> check.counts().completeExceptionally(failure)));

    public AbuseGuard(ReactiveRedisDataSource redis, RateLimitConfig limits, FraudConfig fraud, RedisConfig config,
                      MeterRegistry registry) {
        this.redis = redis;
        this.limits = limits;
        this.fraud = fraud;
        this.timeout = config.timeout();
        this.registry = registry;
        this.unchecked = registry.counter("codedrop.abuse.unchecked");
        this.claimArgs = List.of(millis(limits.requestsWindow()), millis(limits.claimsWindow()),
                millis(fraud.devicesPerIpWindow()), millis(fraud.ipsPerDeviceWindow()), millis(fraud.campaignsWindow()),
                millis(fraud.burstWindow()),
                cap(fraud.maxDevicesPerIp()), cap(fraud.maxIpsPerDevice()), cap(fraud.maxCampaigns()));
    }

    /** A read of a distribution endpoint: the per-IP request limit. */
    public Uni<Verdict> checkRequest(String ip) {
        return judged(REQUEST.run(redis, List.of("limits:requests:" + ip), List.of(millis(limits.requestsWindow())))
                .map(counts -> Verdict.ofRequest(counts.get(0).toLong(), counts.get(1).toLong(), limits)), "campaign");
    }

    /** A claim: both rate limits of its IP and the fraud checks of its IP and device. */
    public Uni<Verdict> checkClaim(UUID campaignId, Claimant claimant) {
        PendingCheck check = new PendingCheck(campaignId, claimant, new CompletableFuture<>());
        claimChecks.add(check);
        return judged(Uni.createFrom().completionStage(check.counts())
                .map(counts -> Verdict.ofClaim(counts, limits, fraud)), "claim");
    }

    /** One script call for the batch; it gives up after the timeout too, so a silent Redis stalls no later batch. */
    private Uni<Runnable> sendChecks(List<PendingCheck> batch) {
        List<String> keys = new ArrayList<>(batch.size() * KEYS_PER_CLAIM);
        List<String> args = new ArrayList<>(claimArgs.size() + batch.size() * 3);
        args.addAll(claimArgs);
        for (PendingCheck check : batch) {
            String ip = String.valueOf(check.claimant().ipAddress());
            String device = check.claimant().deviceKey();
            keys.addAll(List.of("limits:requests:" + ip, "limits:claims:" + ip, "fraud:ip-devices:" + ip,
                    "fraud:device-ips:" + device, "fraud:ip-campaigns:" + ip, "fraud:device-campaigns:" + device,
                    "fraud:device-claims:" + device));
            args.addAll(List.of(device, ip, check.campaignId().toString()));
        }
        return CLAIMS.run(redis, keys, args)
                .ifNoItem().after(timeout).fail()
                .map(counts -> () -> {
                    for (int i = 0; i < batch.size(); i++) {
                        batch.get(i).counts().complete(claimCounts(counts, i * COUNTS_PER_CLAIM));
                    }
                });
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

    private static ClaimCounts claimCounts(Response counts, int from) {
        long[] n = new long[COUNTS_PER_CLAIM];
        for (int i = 0; i < n.length; i++) {
            n[i] = counts.get(from + i).toLong();
        }
        return new ClaimCounts(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8]);
    }

    private static String millis(Duration window) {
        return String.valueOf(window.toMillis());
    }

    /** A distinct count needs to grow only one past its maximum to trip the check. */
    private static String cap(int max) {
        return String.valueOf((long) max + 1);
    }

    /** A claim waiting for its counts. */
    private record PendingCheck(UUID campaignId, Claimant claimant, CompletableFuture<ClaimCounts> counts) {
    }
}
