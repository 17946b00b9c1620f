package io.codedrop.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Moves outbox rows to Kafka: woken by LISTEN/NOTIFY at each commit and by a slow safety poll, it
 * takes a batch in id order, sends it, waits for the broker's acknowledgements and deletes the rows
 * in the same transaction. A failed send rolls back, so the rows stay until the broker is back. An
 * advisory lock lets one replica relay at a time, which keeps every key's events in order.
 *
 * <p>A notified drain starts after the ids relayed up to the drain before the last one, not from the
 * start of the table: deleted rows stay in the index until vacuum, and stepping over them took a drain from
 * 2 to 6.7 ms within 30 s at 1 000 claims/s. A row whose transaction took its id earlier but
 * committed after two drains passed it is taken by the safety poll, which starts from the beginning.
 *
 * <p>Metrics: {@code codedrop.outbox.relayed} (events sent and deleted, by topic), and the backlog,
 * {@code codedrop.outbox.pending} rows and {@code codedrop.outbox.oldest.age} seconds, sampled by a
 * query of its own every {@code metrics-interval}, never by a request.
 */
@ApplicationScoped
@IfBuildProperty(name = "codedrop.outbox.relay-enabled", stringValue = "true")
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x0C0DED0FL;
    /**
     * The ids as an array, not {@code id IN (SELECT …)}: the planner joined that to a scan of the whole
     * table, deleted rows and all (3.5 ms a drain at 1 000 claims/s, 37 ms on a table vacuum had not
     * reached), where the array is looked up in the primary key.
     */
    private static final String TAKE_BATCH = """
            DELETE FROM outbox WHERE id = ANY (ARRAY(SELECT id FROM outbox WHERE id > $2 ORDER BY id LIMIT $1))
            RETURNING id, topic, message_key, payload""";
    /**
     * The drain's plan, fixed: one plan per connection, by the primary key. Planned afresh each time, the
     * statement cost 3–9 ms of planning under a crowd (the planner probes the ends of the id index and
     * steps over every deleted row not yet vacuumed), and the table's statistics swing between empty
     * (after vacuum truncates it) and thousands of dead pages, so a plan chosen by cost alone was at
     * times a scan of the whole table.
     */
    private static final String DRAIN_PLANS = "SET LOCAL plan_cache_mode = force_generic_plan; SET LOCAL enable_seqscan = off";
    /** The count stops at a cap so that sampling a huge backlog stays cheap; the oldest row is the lowest id. */
    private static final String SAMPLE_BACKLOG = """
            SELECT (SELECT count(*) FROM (SELECT 1 FROM outbox LIMIT $1) capped) AS pending,
                   (SELECT EXTRACT(EPOCH FROM clock_timestamp() - created_at)::float8
                      FROM outbox ORDER BY id LIMIT 1) AS oldest_age""";
    private static final int PENDING_CAP = 1_000_000;

    private final Pool pool;
    private final Vertx vertx;
    private final OutboxConfig config;
    private final String bootstrapServers;
    private final PgConnectOptions listenOptions;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean lingering = new AtomicBoolean();
    private final AtomicBoolean fromStart = new AtomicBoolean(true);
    private volatile long relayedUpTo;
    private volatile long scanFrom;
    private final MeterRegistry registry;
    private final Map<String, Counter> relayedByTopic = new ConcurrentHashMap<>();
    private volatile double pending;
    private volatile double oldestAge;
    private KafkaProducer<String, byte[]> producer;
    private PgSubscriber subscriber;
    private long timer;
    private long sampler;

    public OutboxRelay(Pool pool, Vertx vertx, OutboxConfig config, MeterRegistry registry,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "quarkus.datasource.reactive.url") String databaseUrl,
                       @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                       @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
        this.registry = registry;
        this.bootstrapServers = bootstrapServers;
        this.listenOptions = PgConnectOptions.fromUri(databaseUrl.replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(listenOptions::setUser);
        password.ifPresent(listenOptions::setPassword);
    }

    void start(@Observes StartupEvent event) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay"), new StringSerializer(), new ByteArraySerializer());
        subscriber = PgSubscriber.subscriber(vertx, listenOptions)
                .reconnectPolicy(attempts -> 1_000L);
        subscriber.channel(Outbox.CHANNEL).handler(payload -> requestDrainAfterLinger());
        subscriber.connect().subscribe().with(ok -> requestDrainFromStart(),
                failure -> LOG.warnf("outbox LISTEN unavailable, relying on polling: %s", failure.getMessage()));
        timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> requestDrainFromStart());
        Gauge.builder("codedrop.outbox.pending", this, relay -> relay.pending)
                .description("events waiting in the outbox to be relayed to Kafka (counted up to " + PENDING_CAP + ")")
                .register(registry);
        Gauge.builder("codedrop.outbox.oldest.age", this, relay -> relay.oldestAge)
                .description("age of the oldest event waiting in the outbox: how late the topics are behind the database")
                .baseUnit("seconds")
                .register(registry);
        sampler = vertx.setPeriodic(config.metricsInterval().toMillis(), id -> sampleBacklog());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
        vertx.cancelTimer(sampler);
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
        if (producer != null) {
            producer.close();
        }
    }

    /** The commits notified during the linger join this one's drain. */
    private void requestDrainAfterLinger() {
        long linger = config.linger().toMillis();
        if (linger <= 0) {
            requestDrain();
        } else if (lingering.compareAndSet(false, true)) {
            vertx.setTimer(linger, id -> {
                lingering.set(false);
                requestDrain();
            });
        }
    }

    private void requestDrainFromStart() {
        fromStart.set(true);
        requestDrain();
    }

    /** Coalesces wake-ups: at most one drain runs, and a wake-up during a drain causes one more pass. */
    void requestDrain() {
        wanted.set(true);
        if (draining.compareAndSet(false, true)) {
            drainLoop();
        }
    }

    private void drainLoop() {
        wanted.set(false);
        drainBatch(fromStart.getAndSet(false) ? 0 : scanFrom).subscribe().with(sent -> {
            if (sent == config.batchSize()) {
                wanted.set(true);
            }
            finishPass();
        }, failure -> {
            LOG.warnf("outbox relay will retry: %s", failure.getMessage());
            fromStart.set(true);
            draining.set(false);
        });
    }

    private void finishPass() {
        draining.set(false);
        if (wanted.get() && draining.compareAndSet(false, true)) {
            drainLoop();
        }
    }

    private Uni<Integer> drainBatch(long afterId) {
        return pool.withTransaction(connection -> lockRelay(connection)
                        .chain(locked -> locked ? takeAndSend(connection, afterId) : Uni.createFrom().item(Relayed.NONE)))
                .invoke(this::afterCommit) // after the commit: a batch rolled back after a failed send was not relayed
                .map(batch -> batch.topics().size());
    }

    /** Counts the batch and moves the next notified drain's start to where the batch before it ended. */
    private void afterCommit(Relayed batch) {
        countRelayed(batch.topics());
        if (!batch.topics().isEmpty()) {
            scanFrom = relayedUpTo;
            relayedUpTo = Math.max(relayedUpTo, batch.lastId());
        }
    }

    private void countRelayed(List<String> topics) {
        topics.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .forEach((topic, count) -> relayedByTopic.computeIfAbsent(topic, name -> Counter.builder("codedrop.outbox.relayed")
                                .description("events sent to Kafka from the outbox and deleted from it")
                                .tag("topic", name)
                                .register(registry))
                        .increment(count));
    }

    /** Every replica samples (the gauges describe the shared table, so take their max across replicas, not the sum). */
    private void sampleBacklog() {
        pool.preparedQuery(SAMPLE_BACKLOG)
                .execute(Tuple.of(PENDING_CAP))
                .map(rows -> rows.iterator().next())
                .subscribe().with(row -> {
                    pending = row.getLong("pending");
                    Double age = row.getDouble("oldest_age");
                    oldestAge = age == null ? 0 : Math.max(0, age);
                }, failure -> LOG.debugf("outbox backlog not sampled: %s", failure.getMessage()));
    }

    /** Takes the relay's lock, with the drain's plan settings in the same round trip. */
    private Uni<Boolean> lockRelay(SqlConnection connection) {
        return Uni.combine().all().unis(connection.query(DRAIN_PLANS).execute(),
                        connection.preparedQuery("SELECT pg_try_advisory_xact_lock($1)").execute(Tuple.of(RELAY_LOCK)))
                .with((plans, locked) -> locked.iterator().next().getBoolean(0));
    }

    private Uni<Relayed> takeAndSend(SqlConnection connection, long afterId) {
        return connection.preparedQuery(TAKE_BATCH)
                .execute(Tuple.of(config.batchSize(), afterId))
                .chain(this::sendAll);
    }

    private Uni<Relayed> sendAll(RowSet<Row> rows) {
        List<Row> ordered = new ArrayList<>(rows.size());
        rows.forEach(ordered::add);
        ordered.sort((a, b) -> Long.compare(a.getLong("id"), b.getLong("id")));
        List<ProducerRecord<String, byte[]>> records = ordered.stream()
                .map(row -> new ProducerRecord<>(row.getString("topic"), row.getString("message_key"),
                        row.getBuffer("payload") == null ? null : row.getBuffer("payload").getBytes()))
                .toList();
        if (records.isEmpty()) {
            return Uni.createFrom().item(Relayed.NONE);
        }
        Relayed relayed = new Relayed(records.stream().map(ProducerRecord::topic).toList(),
                ordered.get(ordered.size() - 1).getLong("id"));
        // one worker task per batch, not per record: a hand-off to a worker thread costs more than a send
        return Uni.createFrom().<Void>emitter(emitter -> sendInOrder(records, emitter))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()) // send() blocks while the broker is unknown
                .replaceWith(relayed);
    }

    /** The topics of the records sent, one entry a record, and the highest id among them. */
    private record Relayed(List<String> topics, long lastId) {
        static final Relayed NONE = new Relayed(List.of(), 0);
    }

    /**
     * Sends every record and answers once the broker has acknowledged them all, or at the first failure
     * (an emitter ends once: later acknowledgements and failures change nothing).
     */
    private void sendInOrder(List<ProducerRecord<String, byte[]>> records, UniEmitter<? super Void> emitter) {
        AtomicInteger unacknowledged = new AtomicInteger(records.size());
        Callback acknowledged = (metadata, failure) -> {
            if (failure != null) {
                emitter.fail(failure);
            } else if (unacknowledged.decrementAndGet() == 0) {
                emitter.complete(null);
            }
        };
        try {
            records.forEach(record -> producer.send(record, acknowledged));
        } catch (RuntimeException failure) {
            emitter.fail(failure);
        }
    }
}
