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
 * SPEC §7 claim benchmarks against {@code ./codedrop up}:
 * (a) closed loop — N clients, each claiming again as soon as it is answered, distinct users, one
 * campaign and platform: claims/s, errors, duplicate codes;
 * (b) open loop — claims sent at a fixed rate whatever the answers, latency measured from the
 * intended send time (no coordinated omission): p50/p99.
 * Usage: ClaimBenchmark <codedrop home> <kafka> <clients> <closed seconds> <rate/s> <open seconds>
 */
public final class ClaimBenchmark {
    private static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]+)\"");

    private ClaimBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        int clients = Integer.parseInt(args[2]);
        int closedSeconds = Integer.parseInt(args[3]);
        int rate = Integer.parseInt(args[4]);
        int openSeconds = Integer.parseInt(args[5]);
        LocalPlatform platform = new LocalPlatform(home, args[1]);

        UUID crowd = platform.createCampaign("closed-loop");
        // enough for 10 000 claims/s: running dry would turn the measurement into 409s
        int crowdCodes = closedSeconds * 10_000;
        platform.stock(crowd, Platform.ANDROID, crowdCodes);
        closedLoop(crowd, clients, closedSeconds);

        if (rate == 0) {
            return;
        }
        UUID steady = platform.createCampaign("open-loop");
        platform.stock(steady, Platform.ANDROID, rate * openSeconds + 1000);
        openLoop(steady, rate, openSeconds);
    }

    private static void closedLoop(UUID campaign, int clients, int seconds) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Set<String> codes = ConcurrentHashMap.newKeySet();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        Histogram latency = new Histogram(60_000_000_000L, 3);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(claim(campaign, "closed-" + client + "-" + n++),
                                HttpResponse.BodyHandlers.ofString());
                        synchronized (latency) {
                            latency.recordValue(System.nanoTime() - start);
                        }
                        if (response.statusCode() == 200) {
                            ok.incrementAndGet();
                            if (!codes.add(codeOf(response.body()))) {
                                duplicates.incrementAndGet();
                            }
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                done.countDown();
            }, "client-" + client).start();
        }
        done.await();
        System.out.printf("closed loop: %d clients, %d s: %d claims, %.0f claims/s, %d errors, %d duplicate codes, "
                        + "p50 %.1f ms, p99 %.1f ms%n", clients, seconds, ok.get(), ok.get() / (double) seconds,
                errors.get(), duplicates.get(), latency.getValueAtPercentile(50) / 1e6,
                latency.getValueAtPercentile(99) / 1e6);
    }

    private static void openLoop(UUID campaign, int rate, int seconds) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Histogram latency = new Histogram(60_000_000_000L, 3);
        AtomicLong errors = new AtomicLong();
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
                http.sendAsync(claim(campaign, "open-" + n), HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, failure) -> {
                            synchronized (latency) {
                                latency.recordValue(Math.max(0, System.nanoTime() - intended));
                            }
                            if (failure != null || response.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                            answered.countDown();
                        });
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        answered.await(seconds + 60L, TimeUnit.SECONDS);
        ticker.shutdownNow();
        System.out.printf("open loop: %d claims/s offered for %d s: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, "
                        + "%d errors%n", rate, seconds, latency.getValueAtPercentile(50) / 1e6,
                latency.getValueAtPercentile(90) / 1e6, latency.getValueAtPercentile(99) / 1e6,
                latency.getMaxValue() / 1e6, errors.get());
    }

    private static HttpRequest claim(UUID campaign, String device) {
        return HttpRequest.newBuilder(URI.create(LocalPlatform.DISTRIBUTION + "/api/v1/distribute/" + campaign))
                .header("Content-Type", "application/json")
                .header("User-Agent", "CodeDropBench/1.0")
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
