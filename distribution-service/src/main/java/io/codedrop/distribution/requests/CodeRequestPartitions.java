package io.codedrop.distribution.requests;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Keeps monthly partitions of code_requests created three months ahead, at start and twice a day. */
@ApplicationScoped
public class CodeRequestPartitions {
    private static final Logger LOG = Logger.getLogger(CodeRequestPartitions.class);
    static final int MONTHS_AHEAD = 3;

    private final Pool pool;

    public CodeRequestPartitions(Pool pool) {
        this.pool = pool;
    }

    void atStart(@Observes StartupEvent event) {
        ensureAhead().subscribe().with(ignored -> { }, failure -> LOG.warn("partitions not checked at start", failure));
    }

    @Scheduled(every = "12h", delayed = "1h")
    Uni<Void> ensureAhead() {
        return pool.preparedQuery("SELECT ensure_code_request_partitions($1) AS created")
                .execute(Tuple.of(MONTHS_AHEAD))
                .invoke(rows -> {
                    int created = rows.iterator().next().getInteger("created");
                    if (created > 0) {
                        LOG.infof("created %d code_requests partitions", created);
                    }
                })
                .replaceWithVoid();
    }
}
