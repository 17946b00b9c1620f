package io.codedrop.distribution.availability;

import io.codedrop.common.Platform;
import io.codedrop.distribution.config.RedisConfig;
import io.codedrop.distribution.redis.LuaScript;
import io.codedrop.distribution.redis.OutageWarning;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Codes still available per campaign and platform, in a Redis hash shared by all replicas so the
 * public campaign page never counts rows. Written after each commit with the absolute counts and
 * pool versions the transaction computed, so a missed write heals with the next one and a late one
 * cannot overwrite a newer count. The hash holds a {@code version:<platform>} field beside each count.
 */
@ApplicationScoped
public class AvailabilityCache {
    private static final Logger LOG = Logger.getLogger(AvailabilityCache.class);
    private static final String VERSION_FIELD = "version:";
    /** ARGV: platform, available, version, for each pool; a pool's count is set only by a newer version. */
    private static final LuaScript STORE = new LuaScript("""
            for i = 1, #ARGV, 3 do
                local version_field = '%s' .. ARGV[i]
                local cached = tonumber(redis.call('HGET', KEYS[1], version_field) or '-1')
                if tonumber(ARGV[i + 2]) > cached then
                    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1], version_field, ARGV[i + 2])
                end
            end
            return 0""".formatted(VERSION_FIELD));
    private final ReactiveRedisDataSource redis;
    private final ReactiveHashCommands<String, String, Long> hashes;
    private final Counter failedWrites;
    private final Counter failedReads;
    private final CodePoolRepository pools;
    private final Duration timeout;
    private final OutageWarning warning = new OutageWarning();

    public AvailabilityCache(ReactiveRedisDataSource redis, CodePoolRepository pools, RedisConfig config,
                             MeterRegistry registry) {
        this.redis = redis;
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
     * claim must neither fail nor stall because Redis did. A pool whose cached version is newer keeps
     * its count, so callers need not wait for one write before sending the next.
     */
    public Uni<Void> store(UUID campaignId, PoolCounts counts) {
        if (counts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> args = new ArrayList<>();
        counts.available().forEach((platform, available) -> {
            args.add(platform.label());
            args.add(String.valueOf(available));
            args.add(String.valueOf(counts.versions().get(platform)));
        });
        return STORE.run(redis, List.of(key(campaignId)), args)
                .ifNoItem().after(timeout).fail()
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    failedWrites.increment();
                    if (warning.due()) {
                        LOG.warnf("available counts not written to Redis (campaign %s, and others until the next"
                                + " warning; counted in codedrop.availability.write.failures): %s", campaignId, failure);
                    }
                    return null;
                });
    }

    static String key(UUID campaignId) {
        return "availability:" + campaignId;
    }

    private static Map<Platform, Long> byPlatform(Map<String, Long> counts) {
        Map<Platform, Long> result = new TreeMap<>();
        counts.forEach((field, count) -> {
            if (!field.startsWith(VERSION_FIELD)) {
                result.put(Platform.parse(field), count);
            }
        });
        return result;
    }
}
