package io.codedrop.distribution;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

/** What a test reads from or sets up in the service's real database, one statement at a time. */
record TestDatabase(Pool pool) {
    RowSet<Row> query(String sql, Object... parameters) {
        Object[] values = Arrays.stream(parameters)
                .map(value -> value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value)
                .toArray();
        return pool.preparedQuery(sql).execute(Tuple.from(values)).await().atMost(Duration.ofSeconds(10));
    }

    /** The first row; the statement must return one. */
    Row row(String sql, Object... parameters) {
        return query(sql, parameters).iterator().next();
    }

    long count(String sql, Object... parameters) {
        return row(sql, parameters).getLong(0);
    }
}
