package io.codedrop.distribution.requests;

import io.codedrop.common.Topics;
import io.codedrop.common.event.CodeRequestEvent;
import io.codedrop.common.serde.EventJson;
import io.codedrop.distribution.batching.Coalescer;
import io.codedrop.distribution.claim.EndUserRepository;
import io.codedrop.distribution.outbox.OutboxRows;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Records refused claims — their code requests ({@code rate_limited}, {@code blocked}), fraud checks and
 * {@code code-requests} events — with group commit: refusals that arrive while one transaction runs
 * all go into the next ({@link Coalescer}), so a flood of refused claims costs few transactions.
 */
@ApplicationScoped
public class RefusalRecorder {
    private static final Logger LOG = Logger.getLogger(RefusalRecorder.class);
    private static final int MAX_BATCH = 500;

    private final Pool pool;
    private final RefusalRepository refusals;
    private final EndUserRepository users;
    private final OutboxRows outbox;
    private final Counter unrecorded;
    private final Coalescer<Pending> queue = new Coalescer<>(MAX_BATCH, this::send, this::unrecorded);

    public RefusalRecorder(Pool pool, RefusalRepository refusals, EndUserRepository users, OutboxRows outbox,
                           MeterRegistry registry) {
        this.pool = pool;
        this.refusals = refusals;
        this.users = users;
        this.outbox = outbox;
        this.unrecorded = registry.counter("codedrop.refusals.unrecorded");
    }

    /**
     * Completes once the refusal is committed. Never fails: the client is refused either way, so a
     * database failure is logged and counted rather than turned into a 500.
     */
    public Uni<Void> record(Refusal refusal) {
        CompletableFuture<Void> recorded = new CompletableFuture<>();
        queue.add(new Pending(refusal, recorded));
        return Uni.createFrom().completionStage(recorded);
    }

    private Uni<Runnable> send(List<Pending> batch) {
        List<Refusal> written = batch.stream().map(Pending::refusal).toList();
        return pool.withTransaction(connection -> write(connection, written)).map(ignored -> () -> answer(batch));
    }

    private void unrecorded(List<Pending> batch, Throwable failure) {
        unrecorded.increment(batch.size());
        LOG.warnf("%d refused claims not recorded: %s", batch.size(), failure.toString());
        answer(batch);
    }

    private static void answer(List<Pending> batch) {
        batch.forEach(waiting -> waiting.recorded().complete(null));
    }

    private Uni<Void> write(SqlConnection connection, List<Refusal> batch) {
        return users.upsert(connection, batch.stream().map(Refusal::claimant).toList())
                .chain(users -> {
                    List<Uni<Void>> statements = new ArrayList<>();
                    statements.add(refusals.insertRequests(connection, batch, users));
                    statements.add(refusals.insertFraudChecks(connection, batch, users));
                    eventsByCampaign(batch).forEach((campaignId, events) ->
                            statements.add(outbox.enqueue(connection, Topics.CODE_REQUESTS, campaignId, events)));
                    return Uni.join().all(statements).andFailFast().replaceWithVoid();
                });
    }

    private static Map<UUID, List<byte[]>> eventsByCampaign(List<Refusal> batch) {
        Map<UUID, List<byte[]>> events = new LinkedHashMap<>();
        batch.forEach(refusal -> events.computeIfAbsent(refusal.campaignId(), id -> new ArrayList<>())
                .add(EventJson.write(CodeRequestEvent.of(refusal.campaignId(), refusal.requestId(),
                        refusal.claimant().platform(), refusal.status(), null, false, null, refusal.at()))));
        return events;
    }

    private record Pending(Refusal refusal, CompletableFuture<Void> recorded) {
    }
}
