package io.codedrop.infra;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A real redis-server process, memory only: it never writes or reloads a dump. Full, it evicts the
 * counters nearest their expiry (every rate-limit and fraud counter has one) rather than refusing
 * writes, which would skip every check at once; keys without an expiry, the available counts, stay.
 */
public final class LocalRedis implements AutoCloseable {
    private final RedisServer server;
    private final int port;

    private LocalRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    private static final int ATTEMPTS = 5;

    /** Starts a server on {@code port}, or on a free port when it is 0. */
    public static LocalRedis start(int port) {
        int chosen = port > 0 ? port : FreePorts.next();
        for (int attempt = 1; ; attempt++) {
            try {
                RedisServer server = RedisServer.newRedisServer()
                        .port(chosen)
                        .setting("bind 127.0.0.1")
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .setting("maxmemory 256mb")
                        .setting("maxmemory-policy volatile-ttl")
                        .build();
                server.start();
                return new LocalRedis(server, chosen);
            } catch (IOException e) {
                if (attempt == ATTEMPTS || !textFileBusy(e)) {
                    throw new UncheckedIOException("Redis did not start", e);
                }
                pause();
            }
        }
    }

    /**
     * The binary is extracted just before it runs; a process forked meanwhile by another thread (Postgres
     * and Kafka start in parallel) holds the written file open until it execs, and running it fails with
     * ETXTBSY for that moment. A retry a little later finds the file closed.
     */
    private static boolean textFileBusy(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("error=26")) {
                return true;
            }
        }
        return false;
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Redis", interrupted);
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
