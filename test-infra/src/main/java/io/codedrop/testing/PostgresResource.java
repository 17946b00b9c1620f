package io.codedrop.testing;

import io.codedrop.infra.LocalPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A real PostgreSQL for a module's tests, on a free port; init arg {@code database} names the
 * service's database. Reactive URL for the application, JDBC URL for Flyway.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    private static LocalPostgres server;
    private static AutoCloseable container;
    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        if (InfraMode.containers()) {
            Containers.Started started = Containers.postgres(database);
            container = started.container();
            return started.config();
        }
        server = LocalPostgres.start(0);
        server.createDatabase(database);
        return Map.of(
                "quarkus.datasource.reactive.url", server.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.username", LocalPostgres.USER);
    }

    @Override
    public void stop() {
        try {
            (container != null ? container : server).close();
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL did not stop", e);
        }
    }

}
