package io.codedrop.bench;

import io.codedrop.common.Platform;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java half of {@code claim-benchmark.sh} (the closed loop at 200 clients is driven by wrk, which
 * costs the two cores far less than 200 client threads would):
 * <ul>
 * <li>{@code prepare <codedrop home> <kafka> <name> <codes>}: creates a campaign, stocks it with Android
 * codes through the code-batches topic as ingest does, waits until they are available, prints its id;</li>
 * <li>{@code open <codedrop home> <kafka> <rate/s> <seconds>}: claims sent at a fixed rate whatever the
 * answers, each a new user, latency measured from the intended send time (no coordinated omission).</li>
 * </ul>
 */
public final class ClaimBenchmark {
    private static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]+)\"");

    private ClaimBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        LocalPlatform platform = new LocalPlatform(Path.of(args[1]), args[2]);
        switch (args[0]) {
            case "prepare" -> {
                UUID campaign = platform.createCampaign(args[3]);
                platform.stock(campaign, Platform.ANDROID, Integer.parseInt(args[4]));
                System.out.println(campaign);
            }
            case "open" -> {
                int rate = Integer.parseInt(args[3]);
                int seconds = Integer.parseInt(args[4]);
                UUID steady = platform.createCampaign("open-loop");
                platform.stock(steady, Platform.ANDROID, rate * seconds + 1000);
                openLoop(steady, rate, seconds);
            }
            default -> throw new IllegalArgumentException("mode is prepare or open, not " + args[0]);
        }
    }

    private static void openLoop(UUID campaign, int rate, int seconds) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Histogram latency = new Histogram(60_000_000_000L, 3);
        AtomicLong errors = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        Set<String> codes = ConcurrentHashMap.newKeySet();
        int total = rate * seconds;
        CountDownLatch answered = new CountDownLatch(total);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        AtomicLong sent = new AtomicLong();
        ticker.scheduleAtFixedRate(() -> {
            long due = (System.nanoTime() - start) / interval + 1;
            while (sent.get() < Math.min(due, total)) {
                long n = sent.getAndIncrement();
                long intended = start + n * interval;
                http.sendAsync(claim(campaign, n), HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, failure) -> {
                            synchronized (latency) {
                                latency.recordValue(Math.max(0, System.nanoTime() - intended));
                            }
                            if (failure != null || response.statusCode() != 200) {
                                errors.incrementAndGet();
                            } else if (!codes.add(codeOf(response.body()))) {
                                duplicates.incrementAndGet();
                            }
                            answered.countDown();
                        });
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        answered.await(seconds + 60L, TimeUnit.SECONDS);
        ticker.shutdownNow();
        System.out.printf("open loop: %d claims/s offered for %d s: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, "
                        + "%d errors, %d codes handed out twice%n", rate, seconds, latency.getValueAtPercentile(50) / 1e6,
                latency.getValueAtPercentile(90) / 1e6, latency.getValueAtPercentile(99) / 1e6,
                latency.getMaxValue() / 1e6, errors.get(), duplicates.get());
    }

    /** The n-th claim: a new user with its own device id and client address (local mode trusts X-Forwarded-For). */
    private static HttpRequest claim(UUID campaign, long n) {
        String device = "open-" + n;
        String address = "10.%d.%d.%d".formatted((n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
        return HttpRequest.newBuilder(URI.create(LocalPlatform.DISTRIBUTION + "/api/v1/distribute/" + campaign))
                .header("Content-Type", "application/json")
                .header("User-Agent", "CodeDropBench/1.0")
                .header("X-Forwarded-For", address)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"platform\":\"Android\",\"device_id\":\"" + device + "\"}"))
                .build();
    }

    private static String codeOf(String body) {
        Matcher matcher = CODE.matcher(body);
        return matcher.find() ? matcher.group(1) : body;
    }
}
