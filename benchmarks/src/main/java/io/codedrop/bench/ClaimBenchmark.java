package io.codedrop.bench;

import io.codedrop.common.Platform;
import org.HdrHistogram.Histogram;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Java half of {@code claim-benchmark.sh} (the closed loop at 200 clients is driven by wrk, which
 * costs the two cores far less than 200 client threads would):
 * <ul>
 * <li>{@code prepare <codedrop home> <kafka> <name> <codes>}: creates a campaign, stocks it with Android
 * codes through the code-batches topic as ingest does, waits until they are available, prints its id;</li>
 * <li>{@code open <codedrop home> <kafka> <rate/s> <seconds> [warm-up seconds]}: claims sent at a fixed rate
 * whatever the answers, each a new user, latency measured from the intended send time (no coordinated
 * omission); the claims of the warm-up seconds, sent first at the same rate, are answered but not measured.</li>
 * </ul>
 */
public final class ClaimBenchmark {
    private static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]+)\"");
    private static final int RUN = ThreadLocalRandom.current().nextInt(256);

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
                int warmUp = args.length > 5 ? Integer.parseInt(args[5]) : 0;
                UUID steady = platform.createCampaign("open-loop");
                platform.stock(steady, Platform.ANDROID, rate * (warmUp + seconds) + 1000);
                openLoop(steady, rate, warmUp, seconds);
            }
            default -> throw new IllegalArgumentException("mode is prepare or open, not " + args[0]);
        }
    }

    /**
     * Vert.x's client (a pool of keep-alive connections on one event loop) rather than the JDK's, which
     * took most of a core at 1 000 requests/s and delayed the sends it was meant to time.
     */
    private static void openLoop(UUID campaign, int rate, int warmUp, int seconds) throws InterruptedException {
        Vertx vertx = Vertx.vertx();
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setDefaultPort(LocalPlatform.DISTRIBUTION_PORT)
                .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(512).setMaxWaitQueueSize(-1));
        Histogram latency = new Histogram(60_000_000_000L, 3);
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        AtomicLong failures = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        Set<String> codes = ConcurrentHashMap.newKeySet();
        long unmeasured = (long) rate * warmUp;
        int total = rate * (warmUp + seconds);
        CountDownLatch answered = new CountDownLatch(total);
        long start = System.nanoTime();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        AtomicLong sent = new AtomicLong();
        long[] worstPerSecond = new long[seconds];
        long ticker = vertx.setPeriodic(1, id -> {
            long due = Math.min((System.nanoTime() - start) / interval + 1, total);
            while (sent.get() < due) {
                long n = sent.getAndIncrement();
                long intended = start + n * interval;
                claim(http, campaign, n).onComplete(result -> {
                    long took = Math.max(0, System.nanoTime() - intended);
                    if (n >= unmeasured) {
                        synchronized (latency) {
                            latency.recordValue(took);
                            int second = (int) ((n - unmeasured) / rate);
                            worstPerSecond[second] = Math.max(worstPerSecond[second], took);
                        }
                    }
                    if (result.failed()) {
                        failures.incrementAndGet();
                    } else {
                        statuses.computeIfAbsent(result.result().statusCode(), k -> new AtomicLong()).incrementAndGet();
                        if (result.result().statusCode() == 200 && !codes.add(codeOf(result.result().body().toString()))) {
                            duplicates.incrementAndGet();
                        }
                    }
                    answered.countDown();
                });
            }
        });
        answered.await(warmUp + seconds + 60L, TimeUnit.SECONDS);
        vertx.cancelTimer(ticker);
        vertx.close();
        System.out.printf("open loop: %d claims/s offered for %d s after %d s of warm-up: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; "
                        + "answers %s, %d connection failures; %d codes handed out twice%n", rate, seconds, warmUp,
                latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(90) / 1e6,
                latency.getValueAtPercentile(99) / 1e6, latency.getMaxValue() / 1e6, new TreeMap<>(statuses),
                failures.get(), duplicates.get());
        System.out.println("slowest answer per second of sending (ms): " + Arrays.stream(worstPerSecond)
                .mapToObj(nanos -> String.valueOf(nanos / 1_000_000)).collect(Collectors.joining(" ")));
    }

    /** The n-th claim: a new user with its own device id and client address (local mode trusts X-Forwarded-For). */
    private static Future<Answer> claim(HttpClient http, UUID campaign, long n) {
        String device = "open-" + RUN + "-" + n;
        long host = n + RUN * 65_536L; // a run's addresses are not the last run's, whose hourly claims still count
        String address = "10.%d.%d.%d".formatted((host >> 16) & 0xff, (host >> 8) & 0xff, host & 0xff);
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost("localhost")
                .setURI("/api/v1/distribute/" + campaign).setTimeout(30_000)
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "CodeDropBench/1.0")
                .putHeader("X-Forwarded-For", address);
        Buffer body = Buffer.buffer("{\"platform\":\"Android\",\"device_id\":\"" + device + "\"}");
        return http.request(request).compose(req -> req.send(body)).compose(response -> response.body()
                .map(answer -> new Answer(response.statusCode(), answer)));
    }

    /** A status and its body. */
    private record Answer(int statusCode, Buffer body) {
    }

    private static String codeOf(String body) {
        Matcher matcher = CODE.matcher(body);
        return matcher.find() ? matcher.group(1) : body;
    }
}
