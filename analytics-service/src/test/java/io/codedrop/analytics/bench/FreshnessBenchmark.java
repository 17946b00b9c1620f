package io.codedrop.analytics.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codedrop.common.Platform;
import io.codedrop.common.Topics;
import io.codedrop.common.event.CampaignEvent;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.common.event.CampaignStatus;
import io.codedrop.common.event.CodeRequestEvent;
import io.codedrop.common.event.RequestStatus;
import io.codedrop.common.serde.EventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.IntStream;

/**
 * Freshness of the statistics (SPEC §7: claim → visible in the analytics API, p99 < 500 ms). Fires
 * claim attempts at a steady rate and reads the campaign's document every 10 ms; the n-th attempt
 * is visible once the document counts n more requests than before. Its freshness is the time from
 * firing it to the first document that counts it: an upper bound, by up to one read and its pause.
 * Attempts of one campaign share a partition, so they become visible in the order they were fired.
 *
 * <p>Two stimuli: code-request events published straight to Kafka (the consumer's share of the
 * path), or real claims on distribution's claim API (the whole path: claim transaction, outbox,
 * relay, Kafka, consumer). Against a running platform ({@code ./codedrop up}), with
 * {@code analytics-service/freshness-benchmark.sh} (it passes its arguments here):
 * <pre>
 * TOKEN=$(./codedrop token --email bench@example.com)
 * analytics-service/freshness-benchmark.sh --analytics http://localhost:8083 --token $TOKEN --kafka localhost:19092
 * # or, the whole claim path, on a new campaign of the token's developer stocked with a code per attempt:
 * analytics-service/freshness-benchmark.sh --analytics http://localhost:8083 --token $TOKEN \
 *   --claims http://localhost:8080 --campaigns http://localhost:8081 --ingest http://localhost:8082
 * # (or --campaign ID instead of --campaigns and --ingest, for a campaign of theirs that has codes)
 * </pre>
 * Options: {@code --events N} (default 300), {@code --rate N} per second (default 50),
 * {@code --platform P} (default iOS). A warm-up of {@value #WARM_UP} attempts runs first, unmeasured.
 */
public final class FreshnessBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(60);
    /** Pause between two reads of the document: the measurement's resolution, and light on the service. */
    private static final Duration POLL_EVERY = Duration.ofMillis(10);
    /** Attempts fired and not counted first, so that the numbers are not those of a cold JIT. */
    public static final int WARM_UP = 50;

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI document;
    private final String token;

    public FreshnessBenchmark(URI analytics, String token, UUID campaignId) {
        this.document = analytics.resolve("/api/v1/analytics/campaigns/" + campaignId);
        this.token = token;
    }

    /** What one claim attempt is: publish an event, or call the claim API; it must not wait for the outcome. */
    public interface Stimulus extends AutoCloseable {
        void fire(int index);

        /** When the attempt fired as {@code index} was answered ({@link System#nanoTime()}), 0 if not known. */
        default long answeredAt(int index) {
            return 0;
        }

        @Override
        default void close() {
        }
    }

    /**
     * Latencies in milliseconds, sorted: fired → visible, and where the stimulus knows when an attempt
     * was answered (the claim API), answered → visible, the share of the events' path behind the claim.
     */
    public record Result(int events, int rate, double[] millis, double[] afterAnswer) {
        public double percentile(double p) {
            return percentile(millis, p);
        }

        private static double percentile(double[] sorted, double p) {
            return sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)];
        }

        @Override
        public String toString() {
            String result = String.format("freshness over %d claim attempts at %d/s: p50 %.1f ms, p99 %.1f ms, "
                    + "max %.1f ms", events, rate, percentile(50), percentile(99), millis[millis.length - 1]);
            if (afterAnswer.length == 0) {
                return result;
            }
            return result + String.format("; claim answered → visible: p50 %.1f ms, p99 %.1f ms",
                    percentile(afterAnswer, 50), percentile(afterAnswer, 99));
        }
    }

    public Result run(Stimulus stimulus, int events, int rate) {
        long baseline = visibleRequests();
        AtomicLongArray fired = new AtomicLongArray(events);
        long[] visibleAt = new long[events];
        double[] millis = new double[events];
        AtomicInteger seen = new AtomicInteger();
        CountDownLatch allVisible = new CountDownLatch(1);
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        try {
            for (int i = 0; i < events; i++) {
                int index = i;
                scheduler.schedule(() -> {
                    fired.set(index, System.nanoTime());
                    stimulus.fire(index);
                }, i * periodNanos, TimeUnit.NANOSECONDS);
            }
            scheduler.scheduleWithFixedDelay(() -> {
                long visible = Math.min(events, visibleRequests() - baseline);
                long now = System.nanoTime();
                for (int s = seen.get(); s < visible; s++) {
                    visibleAt[s] = now;
                    millis[s] = Math.max(0, now - fired.get(s)) / 1e6;
                }
                seen.set((int) visible);
                if (visible == events) {
                    allVisible.countDown();
                }
            }, 0, POLL_EVERY.toNanos(), TimeUnit.NANOSECONDS);
            if (!allVisible.await(events * periodNanos + VISIBLE_WITHIN.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("only " + seen.get() + " of " + events + " attempts became visible");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            scheduler.shutdownNow();
        }
        double[] afterAnswer = IntStream.range(0, events)
                .filter(i -> stimulus.answeredAt(i) != 0)
                .mapToDouble(i -> Math.max(0, visibleAt[i] - stimulus.answeredAt(i)) / 1e6)
                .sorted()
                .toArray();
        Arrays.sort(millis);
        return new Result(events, rate, millis, afterAnswer);
    }

    /** Claim attempts the document counts, whatever their outcome. */
    private long visibleRequests() {
        HttpRequest request = HttpRequest.newBuilder(document)
                .header("Authorization", "Bearer " + token)
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return 0;
            }
            long total = 0;
            for (Iterator<JsonNode> counts = JSON.readTree(response.body()).get("requests").elements(); counts.hasNext(); ) {
                total += counts.next().asLong();
            }
            return total;
        } catch (IOException e) {
            throw new IllegalStateException("analytics not reachable at " + document, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Code-request events straight onto the topic, as distribution's outbox relay sends them. */
    public static Stimulus kafkaEvents(String bootstrapServers, UUID campaignId, Platform platform) {
        KafkaProducer<String, Object> producer = producer(bootstrapServers);
        return new Stimulus() {
            @Override
            public void fire(int index) {
                Instant now = Instant.now();
                producer.send(new ProducerRecord<>(Topics.CODE_REQUESTS, campaignId.toString(),
                        CodeRequestEvent.of(campaignId, UUID.randomUUID(), platform, RequestStatus.FULFILLED,
                                UUID.randomUUID(), true, "DE", now)));
            }

            @Override
            public void close() {
                producer.close();
            }
        };
    }

    /** Real claims on distribution's claim API, each as a distinct device and client address. */
    public static Stimulus claims(URI distribution, UUID campaignId, Platform platform) {
        HttpClient http = HttpClient.newHttpClient();
        URI claim = distribution.resolve("/api/v1/distribute/" + campaignId);
        Map<Integer, Long> answered = new ConcurrentHashMap<>();
        AtomicInteger clients = new AtomicInteger();
        return new Stimulus() {
            @Override
            public void fire(int index) {
                answered.remove(index);
                int client = clients.incrementAndGet();
                String body = "{\"platform\":\"" + platform.label() + "\",\"device_id\":\"bench-" + UUID.randomUUID() + "\"}";
                http.sendAsync(HttpRequest.newBuilder(claim)
                                .header("Content-Type", "application/json")
                                .header("X-Forwarded-For", "10." + (client >> 16 & 255) + "." + (client >> 8 & 255) + "."
                                        + (client & 255))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(), HttpResponse.BodyHandlers.discarding())
                        .thenRun(() -> answered.put(index, System.nanoTime()));
            }

            @Override
            public long answeredAt(int index) {
                return answered.getOrDefault(index, 0L);
            }
        };
    }

    /** Publishes a campaign readable by {@code subject}, for runs that bring their own campaign. */
    public static CampaignSnapshot publishCampaign(String bootstrapServers, String subject) {
        Instant now = Instant.now();
        CampaignSnapshot campaign = new CampaignSnapshot(UUID.randomUUID(), "Freshness " + now, "benchmark",
                "Benchmark", CampaignStatus.ACTIVE, null, now.plus(Duration.ofDays(1)), 1, null, Map.of(), subject,
                null, Set.of(subject), Set.of(subject), now, now);
        try (KafkaProducer<String, Object> producer = producer(bootstrapServers)) {
            producer.send(new ProducerRecord<>(Topics.CAMPAIGNS, campaign.id().toString(), CampaignEvent.of(campaign)));
        }
        return campaign;
    }

    /**
     * Creates a campaign for the token's developer through campaign-service, has ingest generate
     * {@code codes} codes for it, and waits until distribution offers them: every claim of the run
     * then takes a code, like in a crowd.
     */
    public static UUID stockedCampaign(URI campaigns, URI ingest, URI distribution, String token, Platform platform,
                                       int codes) {
        HttpClient http = HttpClient.newHttpClient();
        JsonNode campaign = send(http, HttpRequest.newBuilder(campaigns.resolve("/api/v1/campaigns"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Freshness " + Instant.now()
                        + "\",\"app_name\":\"Benchmark\",\"expires_at\":\"" + Instant.now().plus(Duration.ofDays(1))
                        + "\"}")).build(), 201);
        UUID campaignId = UUID.fromString(campaign.get("id").asText());
        String generation = "{\"campaign_id\":\"" + campaignId + "\",\"platform\":\"" + platform.label()
                + "\",\"count\":" + codes + "}";
        // ingest learns the campaign from the campaigns topic: until then it answers 404
        Awaitility.await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> http.send(
                HttpRequest.newBuilder(ingest.resolve("/api/v1/generations"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(generation)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 202);
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> available(http, distribution.resolve("/api/v1/distribute/" + campaignId)) >= codes);
        return campaignId;
    }

    private static long available(HttpClient http, URI campaign) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(campaign).build(),
                HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            return 0;
        }
        long available = 0;
        for (JsonNode platform : JSON.readTree(page.body()).path("platforms")) {
            available += platform.path("available").asLong();
        }
        return available;
    }

    private static JsonNode send(HttpClient http, HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static KafkaProducer<String, Object> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new EventSerializer());
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        URI analytics = URI.create(required(options, "analytics"));
        String token = required(options, "token");
        int events = Integer.parseInt(options.getOrDefault("events", "300"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "50"));
        Platform platform = Platform.parse(options.getOrDefault("platform", "iOS"));
        UUID campaignId;
        Stimulus stimulus;
        if (options.containsKey("claims")) {
            URI distribution = URI.create(options.get("claims"));
            campaignId = options.containsKey("campaign") ? UUID.fromString(options.get("campaign"))
                    : stockedCampaign(URI.create(required(options, "campaigns")), URI.create(required(options, "ingest")),
                            distribution, token, platform, WARM_UP + events);
            stimulus = claims(distribution, campaignId, platform);
        } else {
            String kafka = required(options, "kafka");
            campaignId = publishCampaign(kafka, subjectOf(token)).id();
            stimulus = kafkaEvents(kafka, campaignId, platform);
        }
        FreshnessBenchmark benchmark = new FreshnessBenchmark(analytics, token, campaignId);
        benchmark.awaitReadable();
        try (stimulus) {
            benchmark.run(stimulus, WARM_UP, rate);
            System.out.println(benchmark.run(stimulus, events, rate));
        }
    }

    /** Waits until the campaign's document is served, so a run does not start before the campaign is known. */
    public void awaitReadable() {
        Awaitility.await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> http.send(
                HttpRequest.newBuilder(document).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private static String subjectOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        try {
            return JSON.readTree(payload).get("sub").asText();
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JWT: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required; see FreshnessBenchmark's Javadoc");
        }
        return value;
    }
}
