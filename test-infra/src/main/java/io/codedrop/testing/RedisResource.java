package io.codedrop.testing;

import io.codedrop.infra.LocalRedis;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** A real redis-server process on a free port. */
public class RedisResource implements QuarkusTestResourceLifecycleManager {
    private static LocalRedis server;

    @Override
    public Map<String, String> start() {
        server = LocalRedis.start(0);
        return Map.of("quarkus.redis.hosts", server.url());
    }

    @Override
    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
