package io.codedrop.testing;

import io.codedrop.infra.LocalRedis;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** A real redis-server process on a free port. */
public class RedisResource implements QuarkusTestResourceLifecycleManager {
    private static AutoCloseable server;

    @Override
    public Map<String, String> start() {
        if (InfraMode.containers()) {
            Containers.Started started = Containers.redis();
            server = started.container();
            return started.config();
        }
        LocalRedis redis = LocalRedis.start(0);
        server = redis;
        return Map.of("quarkus.redis.hosts", redis.url());
    }

    @Override
    public void stop() {
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException("Redis did not stop", e);
        }
    }
}
