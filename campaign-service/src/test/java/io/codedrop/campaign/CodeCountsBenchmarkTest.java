package io.codedrop.campaign;

import com.sun.management.OperatingSystemMXBean;
import io.codedrop.campaign.messaging.CodeEventsConsumer;
import io.codedrop.common.Platform;
import io.codedrop.common.Topics;
import io.codedrop.common.event.CodeRequestEvent;
import io.codedrop.common.event.DomainEvent;
import io.codedrop.common.event.RequestStatus;
import io.codedrop.testing.EventSerdes;
import io.codedrop.testing.KafkaResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * How fast the code-request consumer applies a launch-day backlog: new claims on a few campaigns
 * published to the real broker while the consumer is paused, then consumed at full speed. A
 * measurement, not a timed test: it prints events applied per second and the CPU spent, and only
 * checks that every claim was counted. Not part of {@code verify}; run it with
 * {@code ./mvnw -B -ntp -o -pl campaign-service verify -Pbenchmark} ({@code -Dbenchmark.events=…}).
 */
@QuarkusTest
@Tag("benchmark")
class CodeCountsBenchmarkTest {
    private static final int EVENTS = Integer.getInteger("benchmark.events", 50_000);
    private static final int WARM_UP = 5_000;
    private static final int CAMPAIGNS = 4;

    @Inject
    Pool database;
    @Inject
    KafkaClientService kafka;

    @Test
    void publishedClaimsAreAllCounted() {
        TestDeveloper owner = TestDeveloper.signIn();
        List<UUID> campaigns = IntStream.range(0, CAMPAIGNS)
                .mapToObj(i -> UUID.fromString(Campaigns.create(owner)))
                .toList();

        run(campaigns, WARM_UP);
        Measurement measured = run(campaigns, EVENTS);

        System.out.println(measured);
        assertThat(used(campaigns), equalTo((long) WARM_UP + EVENTS));
    }

    private Measurement run(List<UUID> campaigns, int events) {
        long before = used(campaigns);
        KafkaConsumer<String, CodeRequestEvent> consumer = kafka.getConsumer(CodeEventsConsumer.CODE_REQUESTS);
        consumer.pause().await().atMost(Duration.ofSeconds(10));
        publish(campaigns, events);
        long appliedWhilePaused = used(campaigns) - before;

        long jvmCpu = jvmCpuNanos();
        long postgresCpu = postgresCpuNanos();
        long start = System.nanoTime();
        consumer.resume().await().atMost(Duration.ofSeconds(10));
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> used(campaigns) == before + events);
        return new Measurement(events, appliedWhilePaused, System.nanoTime() - start, jvmCpuNanos() - jvmCpu,
                postgresCpuNanos() - postgresCpu);
    }

    private static void publish(List<UUID> campaigns, int events) {
        List<ProducerRecord<String, DomainEvent>> records = IntStream.range(0, events)
                .mapToObj(i -> campaigns.get(i % campaigns.size()))
                .map(campaign -> new ProducerRecord<String, DomainEvent>(Topics.CODE_REQUESTS, campaign.toString(),
                        CodeRequestEvent.of(campaign, UUID.randomUUID(), Platform.IOS, RequestStatus.FULFILLED,
                                UUID.randomUUID(), true, "DE", Instant.now())))
                .toList();
        KafkaResource.companion()
                .produce(Serdes.String(), EventSerdes.of(DomainEvent.class))
                .fromRecords(records)
                .awaitCompletion(Duration.ofMinutes(2));
    }

    private long used(List<UUID> campaigns) {
        return database.preparedQuery("SELECT coalesce(sum(used_codes), 0) FROM campaigns WHERE id = ANY($1)")
                .execute(Tuple.of(campaigns.toArray(UUID[]::new)))
                .await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    /** This JVM's CPU time: the service, and also the in-JVM broker serving it. */
    private static long jvmCpuNanos() {
        return ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class).getProcessCpuTime();
    }

    /** CPU time of this test's PostgreSQL server: the postmaster named in its data directory and its backends. */
    private long postgresCpuNanos() {
        String dataDirectory = database.query("SHOW data_directory")
                .execute()
                .await().atMost(Duration.ofSeconds(10))
                .iterator().next().getString(0);
        long postmaster;
        try {
            postmaster = Long.parseLong(Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessHandle server = ProcessHandle.of(postmaster).orElseThrow();
        return Stream.concat(Stream.of(server), server.descendants())
                .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                .mapToLong(Duration::toNanos)
                .sum();
    }

    private record Measurement(int events, long appliedWhilePaused, long nanos, long jvmCpuNanos,
                               long postgresCpuNanos) {
        @Override
        public String toString() {
            double seconds = nanos / 1e9;
            return String.format("code-requests: %,d new claims applied in %.2f s = %,.0f events/s; "
                            + "CPU per 1 000 events: JVM (service + broker) %.0f ms, PostgreSQL %.0f ms"
                            + " (applied before the measurement started: %d)",
                    events, seconds, events / seconds, jvmCpuNanos / 1e6 / events * 1000,
                    postgresCpuNanos / 1e6 / events * 1000, appliedWhilePaused);
        }
    }
}
