package io.codedrop.distribution;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CodeRequestPartitionsTest {
    @Inject
    Pool database;

    @Test
    void monthlyPartitionsExistThreeMonthsAhead() {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        for (int ahead = 0; ahead <= 3; ahead++) {
            String partition = "code_requests_" + now.plusMonths(ahead).format(DateTimeFormatter.ofPattern("yyyy_MM"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(1L, database
                    .preparedQuery("SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                            + "WHERE i.inhparent = 'code_requests'::regclass AND c.relname = $1")
                    .execute(Tuple.of(partition))
                    .await().atMost(Duration.ofSeconds(5))
                    .iterator().next().getLong(0), partition));
        }
    }

    @Test
    void ensuringAgainCreatesNothingNew() {
        assertEquals(0, database.query("SELECT ensure_code_request_partitions(3)").execute()
                .await().atMost(Duration.ofSeconds(5))
                .iterator().next().getInteger(0));
    }
}
