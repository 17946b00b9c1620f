package io.codedrop.analytics.bench;

import io.codedrop.analytics.messaging.StatsEventsConsumer;
import io.codedrop.common.Platform;
import io.codedrop.common.Topics;
import io.codedrop.common.event.CodeRequestEvent;
import io.codedrop.common.event.RequestStatus;
import io.codedrop.common.serde.EventSerializer;
import io.codedrop.testing.KafkaResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * What consuming code-request events costs the service (a crowd makes distribution publish about
 * 2 000 a second). Two measurements, printed, not asserted: the CPU the service's own threads
 * (event loops, Kafka polling, workers — not the in-JVM broker nor this harness) spend while 2 000
 * events a second arrive, and the rate at which a backlog of events is applied once the consumer
 * resumes. Run with {@code -Pfreshness}, beside the freshness benchmark.
 */
@QuarkusTest
@Tag("benchmark")
class ConsumptionBenchmarkTest {
    private static final int RATE = Integer.getInteger("consumption.rate", 2000);
    private static final Duration STEADY = Duration.ofSeconds(Integer.getInteger("consumption.seconds", 20));
    private static final int BACKLOG = Integer.getInteger("consumption.backlog", 100_000);
    private static final List<String> SERVICE_THREADS = List.of("vert.x-eventloop", "smallrye-kafka",
            "executor-thread", "vert.x-worker", "vert.x-internal-blocking");
    private static final RequestStatus[] REJECTIONS = {RequestStatus.NO_CODES_AVAILABLE, RequestStatus.RATE_LIMITED,
            RequestStatus.BLOCKED};

    @Inject
    MeterRegistry registry;
    @Inject
    KafkaClientService kafka;

    private final UUID campaign = UUID.randomUUID();
    private final AtomicInteger sent = new AtomicInteger();

    @Test
    void codeRequestEventsAreAppliedCheaply() throws Exception {
        try (KafkaProducer<String, Object> producer = producer()) {
            steady(producer, Duration.ofSeconds(10));
            Sample idle = Sample.start(this);
            Thread.sleep(10_000);
            System.out.printf("idle for 10 s: %s%n", idle.stop(0));
            System.out.println("warm-up done");
            Sample steady = steady(producer, STEADY);
            System.out.printf("steady %d events/s for %d s: %s%n", RATE, STEADY.toSeconds(), steady);
            Sample backlog = backlog(producer);
            System.out.printf("backlog of %d events: %s%n", BACKLOG, backlog);
        }
    }

    private Sample steady(KafkaProducer<String, Object> producer, Duration duration) throws Exception {
        int perTick = RATE / 200;
        int total = (int) (duration.toSeconds() * RATE);
        double start = applied();
        Sample sample = Sample.start(this);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger fired = new AtomicInteger();
        ScheduledFuture<?> ticks = scheduler.scheduleAtFixedRate(() -> {
            for (int i = 0; i < perTick && fired.get() < total; i++) {
                send(producer);
                fired.incrementAndGet();
            }
        }, 0, 5, TimeUnit.MILLISECONDS);
        try {
            awaitApplied(start + total, duration.plusSeconds(60));
        } finally {
            ticks.cancel(false);
            scheduler.shutdownNow();
        }
        return sample.stop(total);
    }

    private Sample backlog(KafkaProducer<String, Object> producer) throws Exception {
        var consumer = kafka.getConsumer(StatsEventsConsumer.CODE_REQUESTS);
        consumer.pause().await().atMost(Duration.ofSeconds(10));
        double start = applied();
        for (int i = 0; i < BACKLOG; i++) {
            send(producer);
        }
        producer.flush();
        System.out.printf("backlog published; %.0f applied while paused%n", applied() - start);
        Sample sample = Sample.start(this);
        consumer.resume().await().atMost(Duration.ofSeconds(10));
        awaitApplied(start + BACKLOG, Duration.ofMinutes(5));
        return sample.stop(BACKLOG);
    }

    private void send(KafkaProducer<String, Object> producer) {
        int n = sent.incrementAndGet();
        boolean fulfilled = n % 10 != 0;
        Instant now = Instant.now();
        producer.send(new ProducerRecord<>(Topics.CODE_REQUESTS, campaign.toString(), CodeRequestEvent.of(campaign,
                UUID.randomUUID(), n % 3 == 0 ? Platform.ANDROID : Platform.IOS,
                fulfilled ? RequestStatus.FULFILLED : REJECTIONS[n % REJECTIONS.length],
                fulfilled ? UUID.randomUUID() : null, fulfilled, "DE", now)));
    }

    private void awaitApplied(double target, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(20)).until(() -> applied() >= target);
    }

    private double applied() {
        var counter = registry.find("codedrop.analytics.events").tag("topic", Topics.CODE_REQUESTS)
                .tag("outcome", "applied").counter();
        return counter == null ? 0 : counter.count();
    }

    /** Polls applied so far (0 where the service does not count them). */
    private long polls() {
        var polls = registry.find("codedrop.analytics.batch.events").tag("topic", Topics.CODE_REQUESTS).summary();
        return polls == null ? 0 : polls.count();
    }

    private static KafkaProducer<String, Object> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new EventSerializer());
    }

    /** CPU and allocation of the service's threads, wall time and polls between start and stop. */
    private record Sample(ConsumptionBenchmarkTest test, long wallStart, Map<Long, long[]> threadsStart,
                          long pollsStart, long wall, long cpu, long allocated, long polls, int events) {
        static Sample start(ConsumptionBenchmarkTest test) {
            return new Sample(test, System.nanoTime(), serviceThreads(), test.polls(), 0, 0, 0, 0, 0);
        }

        Sample stop(int events) {
            long wallNanos = System.nanoTime() - wallStart;
            Map<Long, long[]> end = serviceThreads();
            long cpuNanos = 0;
            long bytes = 0;
            for (Map.Entry<Long, long[]> thread : end.entrySet()) {
                long[] before = threadsStart.getOrDefault(thread.getKey(), new long[2]);
                cpuNanos += thread.getValue()[0] - before[0];
                bytes += thread.getValue()[1] - before[1];
            }
            return new Sample(test, wallStart, threadsStart, pollsStart, wallNanos, cpuNanos, bytes,
                    test.polls() - pollsStart, events);
        }

        private static Map<Long, long[]> serviceThreads() {
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            Map<Long, long[]> usage = new HashMap<>();
            for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && SERVICE_THREADS.stream().anyMatch(info.getThreadName()::startsWith)) {
                    usage.put(info.getThreadId(), new long[] {threads.getThreadCpuTime(info.getThreadId()),
                            threads.getThreadAllocatedBytes(info.getThreadId())});
                }
            }
            return usage;
        }

        @Override
        public String toString() {
            double seconds = wall / 1e9;
            if (events == 0) {
                return String.format("service threads %.1f%% of a core", 100.0 * cpu / wall);
            }
            String perPoll = polls == 0 ? "" : String.format(", %d polls (%.1f events each)", polls,
                    (double) events / polls);
            return String.format("%.0f events/s applied, service threads %.0f%% of a core (%.1f µs CPU and %.1f KB "
                            + "allocated per event)%s",
                    events / seconds, 100.0 * cpu / wall, cpu / 1e3 / events, allocated / 1024.0 / events, perPoll);
        }
    }
}
