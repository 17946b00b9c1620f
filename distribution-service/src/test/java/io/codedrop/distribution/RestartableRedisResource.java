package io.codedrop.distribution;

import io.codedrop.infra.FreePorts;
import io.codedrop.infra.LocalRedis;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** A real redis-server that a test may stop and start again on the same port, as in an outage. */
public class RestartableRedisResource implements QuarkusTestResourceLifecycleManager {
    private static int port;
    private static LocalRedis server;

    @Override
    public Map<String, String> start() {
        port = FreePorts.next();
        startServer();
        return Map.of("quarkus.redis.hosts", server.url());
    }

    @Override
    public void stop() {
        stopServer();
    }

    static synchronized void startServer() {
        server = LocalRedis.start(port);
    }

    static synchronized void stopServer() {
        if (server == null) {
            return;
        }
        try {
            server.close();
            server = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
