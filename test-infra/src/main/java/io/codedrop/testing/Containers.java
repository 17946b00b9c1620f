package io.codedrop.testing;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.util.Map;

/** The same infrastructure as containers; loaded only in {@link InfraMode#containers()} mode. */
final class Containers {
    static final String POSTGRES_IMAGE = "postgres:17";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.0";
    static final String REDIS_IMAGE = "redis:7";

    private Containers() {
    }

    static Started postgres(String database) {
        PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE).withDatabaseName(database);
        container.start();
        String hostPort = container.getHost() + ":" + container.getFirstMappedPort();
        return new Started(container, Map.of(
                "quarkus.datasource.reactive.url", "postgresql://" + hostPort + "/" + database,
                "quarkus.datasource.jdbc.url", container.getJdbcUrl(),
                "quarkus.datasource.username", container.getUsername(),
                "quarkus.datasource.password", container.getPassword()));
    }

    static Started kafka() {
        KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
        container.start();
        return new Started(container, Map.of("kafka.bootstrap.servers", container.getBootstrapServers()));
    }

    static Started redis() {
        GenericContainer<?> container = new GenericContainer<>(REDIS_IMAGE).withExposedPorts(6379);
        container.start();
        return new Started(container, Map.of("quarkus.redis.hosts",
                "redis://" + container.getHost() + ":" + container.getFirstMappedPort()));
    }

    /** A running container and the configuration that points the service at it. */
    record Started(AutoCloseable container, Map<String, String> config) {
    }
}
