package io.codedrop.distribution.availability;

import io.codedrop.common.Platform;
import io.codedrop.distribution.config.RedisConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Codes still available per campaign and platform, in a Redis hash shared by all replicas so the
 * public campaign page never counts rows. Written after each commit with the absolute counts the
 * transaction computed, so a missed write heals with the next one.
 */
@ApplicationScoped
public class AvailabilityCache {
    private static final Logger LOG = Logger.getLogger(AvailabilityCache.class);
    private final ReactiveHashCommands<String, String, Long> hashes;
    private final Counter failedWrites;
    private final Counter failedReads;
    private final CodePoolRepository pools;
    private final Duration timeout;

    public AvailabilityCache(ReactiveRedisDataSource redis, CodePoolRepository pools, RedisConfig config,
                             MeterRegistry registry) {
        this.hashes = redis.hash(String.class, String.class, Long.class);
        this.pools = pools;
        this.failedWrites = registry.counter("codedrop.availability.write.failures");
        this.failedReads = registry.counter("codedrop.availability.read.failures");
        this.timeout = config.timeout();
    }

    /**
     * From Redis; when Redis fails or does not answer within the timeout, from the pools in Postgres,
     * so the public campaign page stays up through a Redis outage.
     */
    public Uni<Map<Platform, Long>> available(UUID campaignId) {
        return hashes.hgetall(key(campaignId))
                .ifNoItem().after(timeout).fail()
                .map(AvailabilityCache::byPlatform)
                .onFailure().recoverWithUni(failure -> {
                    failedReads.increment();
                    return pools.available(campaignId);
                });
    }

    /**
     * Never fails, and waits for Redis at most the timeout: the counts are a cache of Postgres, and a
     * claim must neither fail nor stall because Redis did.
     */
    public Uni<Void> store(UUID campaignId, Map<Platform, Long> counts) {
        if (counts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Long> fields = new HashMap<>();
        counts.forEach((platform, count) -> fields.put(platform.label(), count));
        return hashes.hset(key(campaignId), fields)
                .ifNoItem().after(timeout).fail()
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    failedWrites.increment();
                    LOG.warnf("available counts of campaign %s not written to Redis: %s", campaignId,
                            failure.getMessage());
                    return null;
                });
    }

    static String key(UUID campaignId) {
        return "availability:" + campaignId;
    }

    private static Map<Platform, Long> byPlatform(Map<String, Long> counts) {
        Map<Platform, Long> result = new TreeMap<>();
        counts.forEach((platform, count) -> result.put(Platform.parse(platform), count));
        return result;
    }
}
