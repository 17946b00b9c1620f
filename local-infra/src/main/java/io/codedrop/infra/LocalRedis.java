package io.codedrop.infra;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A real redis-server process, memory only: it never writes or reloads a dump. */
public final class LocalRedis implements AutoCloseable {
    private final RedisServer server;
    private final int port;

    private LocalRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a server on {@code port}, or on a free port when it is 0. */
    public static LocalRedis start(int port) {
        int chosen = port > 0 ? port : FreePorts.next();
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(chosen)
                    .setting("bind 127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("maxmemory 256mb")
                    .build();
            server.start();
            return new LocalRedis(server, chosen);
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start", e);
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() throws IOException {
        server.stop();
    }
}
