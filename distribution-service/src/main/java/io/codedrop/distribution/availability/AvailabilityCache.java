package io.codedrop.distribution.availability;

import io.codedrop.common.Platform;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Codes still available per campaign and platform, kept in a Redis hash shared by all replicas so
 * the public campaign page never counts rows in Postgres.
 */
@ApplicationScoped
public class AvailabilityCache {
    private final ReactiveHashCommands<String, String, Long> hashes;

    public AvailabilityCache(ReactiveRedisDataSource redis) {
        this.hashes = redis.hash(String.class, String.class, Long.class);
    }

    public Uni<Map<Platform, Long>> available(UUID campaignId) {
        return hashes.hgetall(key(campaignId))
                .map(AvailabilityCache::byPlatform);
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
