package io.codedrop.analytics.repository;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * The reactive pool as configured, with room in the prepared statement cache for the statements
 * that apply a batch: they are about 3 KB of SQL, over the client's default limit of 2 KB, and would
 * otherwise be parsed and planned anew on every poll.
 */
@Singleton
public class StatementCachePool implements PgPoolCreator {
    private static final int SQL_LIMIT = 8192;

    @Override
    public Pool create(Input input) {
        List<SqlConnectOptions> servers = new ArrayList<>();
        for (PgConnectOptions server : input.pgConnectOptionsList()) {
            servers.add(server.setPreparedStatementCacheSqlLimit(SQL_LIMIT));
        }
        return PgBuilder.pool()
                .with(input.poolOptions())
                .connectingTo(servers)
                .using(input.vertx())
                .build();
    }
}
