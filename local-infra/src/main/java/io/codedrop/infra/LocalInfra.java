package io.codedrop.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The infrastructure of {@code ./codedrop up}: PostgreSQL, Kafka and Redis on fixed ports and the
 * local token issuer's keys. When everything listens it writes {@code infra.env}, the environment the
 * services are started with, and then runs until it is stopped.
 */
public final class LocalInfra {
    public static final List<String> DATABASES = List.of("campaign", "distribution", "ingest", "analytics");
    static final int POSTGRES_PORT = 15432;
    static final int KAFKA_PORT = 19092;
    static final int REDIS_PORT = 16379;

    private LocalInfra() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(args.length > 0 ? args[0] : ".codedrop");
        List<AutoCloseable> started = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAll(started)));

        LocalPostgres postgres = LocalPostgres.start(POSTGRES_PORT, true);
        started.add(postgres);
        DATABASES.forEach(postgres::createDatabase);
        LocalKafka kafka = LocalKafka.start(KAFKA_PORT, 4);
        started.add(kafka);
        LocalRedis redis = LocalRedis.start(REDIS_PORT);
        started.add(redis);
        LocalTokenIssuer tokens = new LocalTokenIssuer(home);
        tokens.ensureKeys();

        writeEnvironment(home, postgres, kafka, redis, tokens);
        System.out.println("infrastructure ready: postgres :" + postgres.port() + ", kafka " + kafka.bootstrapServers()
                + ", redis :" + redis.port());
        new CountDownLatch(1).await();
    }

    private static void writeEnvironment(Path home, LocalPostgres postgres, LocalKafka kafka, LocalRedis redis,
                                         LocalTokenIssuer tokens) {
        String env = String.join("\n",
                "POSTGRES_PORT=" + postgres.port(),
                "KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers(),
                "QUARKUS_REDIS_HOSTS=" + redis.url(),
                "QUARKUS_OIDC_PUBLIC_KEY=" + tokens.publicKey(),
                "QUARKUS_OIDC_TOKEN_ISSUER=" + LocalTokenIssuer.ISSUER,
                "");
        try {
            Files.createDirectories(home);
            Path pending = home.resolve("infra.env.tmp");
            Files.writeString(pending, env);
            Files.move(pending, home.resolve("infra.env"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeAll(List<AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
    }
}
