package io.codedrop.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * SPEC §7 ingest benchmark against {@code ./codedrop up}: ten distinct 100 000-code CSV files uploaded
 * to ingest-service at once, timed until every job is {@code completed} (every batch stocked by
 * distribution-service); then, in the same run and the same Postgres, {@code psql \copy} of the same
 * rows into a scratch copy of distribution's {@code promo_codes} (same columns, same indexes), and the
 * ratio of the two rates.
 * Usage: UploadBenchmark <codedrop home> <kafka> <files> <codes per file> <campaigns> <work dir> <postgres url>
 */
public final class UploadBenchmark {
    private static final Pattern UPLOAD_ID = Pattern.compile("\"upload_id\":\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([^\"]+)\"");
    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\":(\\d+)");
    private static final Pattern BATCHES_STOCKED = Pattern.compile("\"batches_stocked\":(\\d+)");
    private static final String SCRATCH = "upload_bench.promo_codes";
    private static final long REPORT_SECONDS = 5;
    private static final double TARGET_SECONDS = 30;
    private static final double TARGET_SHARE_OF_COPY = 0.40;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final LocalPlatform platform;

    private UploadBenchmark(LocalPlatform platform) {
        this.platform = platform;
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        int files = Integer.parseInt(args[2]);
        int codesPerFile = Integer.parseInt(args[3]);
        int campaignCount = Integer.parseInt(args[4]);
        Path work = Path.of(args[5]);
        String postgres = args[6];
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
        // a developer per run: ten uploads use up a developer's minute of the upload rate limit
        UploadBenchmark bench = new UploadBenchmark(
                new LocalPlatform(home, args[1], "upload-bench-" + run.toLowerCase(Locale.ROOT) + "@codedrop.local"));

        List<UUID> campaigns = new ArrayList<>();
        for (int c = 0; c < campaignCount; c++) {
            campaigns.add(bench.platform.createCampaign("upload-benchmark-" + run + "-" + c));
        }
        for (UUID campaign : campaigns) {
            bench.awaitKnown(campaign);
        }
        List<Path> csvFiles = writeFiles(work, run, files, codesPerFile, campaigns);
        long total = (long) files * codesPerFile;
        System.out.printf("%d files of %d codes, %d campaign(s), written to %s%n", files, codesPerFile,
                campaignCount, work);

        double ingestSeconds = bench.uploadAll(csvFiles, campaigns, codesPerFile);
        double ingestRate = total / ingestSeconds;
        System.out.printf("ingest: %d codes uploaded and stocked in %.1f s, %.0f codes/s%n", total, ingestSeconds,
                ingestRate);

        double copySeconds = copy(postgres, work.resolve("copy.csv"));
        double copyRate = total / copySeconds;
        System.out.printf("psql \\copy: %d rows into a copy of promo_codes in %.1f s, %.0f rows/s%n", total,
                copySeconds, copyRate);
        double share = ingestRate / copyRate;
        System.out.printf("ingest / \\copy: %.0f%% of the \\copy rate (target >= %.0f%%: %s); %.1f s (target < %.0f s: %s)%n",
                share * 100, TARGET_SHARE_OF_COPY * 100, share >= TARGET_SHARE_OF_COPY ? "met" : "NOT met",
                ingestSeconds, TARGET_SECONDS, ingestSeconds < TARGET_SECONDS ? "met" : "NOT met");
    }

    /** Ingest and distribution both learn campaigns from the campaigns topic; an upload waits for neither. */
    private void awaitKnown(UUID campaign) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (get(LocalPlatform.INGEST + "/api/v1/uploads?campaign_id=" + campaign).statusCode() != 200
                || platform.available(campaign) < 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("campaign " + campaign + " not known to ingest and distribution");
            }
            Thread.sleep(100);
        }
    }

    /**
     * Generic CSV with a {@code code} column, codes distinct across files and runs. The same rows, with the
     * columns distribution stores, go to {@code copy.csv} for {@code \copy}.
     */
    private static List<Path> writeFiles(Path work, String run, int files, int codesPerFile, List<UUID> campaigns)
            throws IOException {
        Files.createDirectories(work);
        List<Path> csvFiles = new ArrayList<>();
        try (BufferedWriter copy = Files.newBufferedWriter(work.resolve("copy.csv"))) {
            for (int f = 0; f < files; f++) {
                Path file = work.resolve("codes-" + f + ".csv");
                String rowPrefix = campaigns.get(f % campaigns.size()) + ",";
                String rowSuffix = ",Android," + UUID.randomUUID() + "\n";
                try (BufferedWriter csv = Files.newBufferedWriter(file)) {
                    csv.write("code\n");
                    for (int n = 0; n < codesPerFile; n++) {
                        String code = "%s-%02d-%06d".formatted(run, f, n);
                        csv.write(code);
                        csv.write('\n');
                        copy.write(rowPrefix);
                        copy.write(code);
                        copy.write(rowSuffix);
                    }
                }
                csvFiles.add(file);
            }
        }
        return csvFiles;
    }

    /**
     * Sends every file at once, follows each job on its progress stream from its 202 on, and answers the
     * seconds from the first byte sent until the last job completed. The stream, not polling: it is how a
     * dashboard follows a job, and it costs the service one read per job and progress interval rather than
     * an authenticated request.
     */
    private double uploadAll(List<Path> files, List<UUID> campaigns, int codesPerFile) throws Exception {
        ExecutorService followers = Executors.newFixedThreadPool(files.size());
        Map<String, Integer> stocked = new ConcurrentHashMap<>();
        AtomicInteger accepted = new AtomicInteger();
        long start = System.nanoTime();
        List<CompletableFuture<Double>> completions = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            URI uri = URI.create(LocalPlatform.INGEST + "/api/v1/uploads?platform=Android&file_name=codes-" + f
                    + ".csv&campaign_id=" + campaigns.get(f % campaigns.size()));
            completions.add(http.sendAsync(HttpRequest.newBuilder(uri)
                            .header("Authorization", "Bearer " + platform.token())
                            .header("Content-Type", "text/csv")
                            .timeout(Duration.ofMinutes(5))
                            .POST(HttpRequest.BodyPublishers.ofFile(files.get(f))).build(),
                    HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> {
                        if (response.statusCode() != 202) {
                            throw new IllegalStateException("upload refused: " + response.statusCode() + " "
                                    + response.body());
                        }
                        if (accepted.incrementAndGet() == files.size()) {
                            System.out.printf("all %d uploads accepted (202) after %.1f s%n", files.size(),
                                    seconds(start));
                        }
                        return field(UPLOAD_ID, response.body());
                    })
                    .thenApplyAsync(job -> follow(job, codesPerFile, stocked, start), followers));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(completions.toArray(CompletableFuture[]::new));
        try {
            while (!all.isDone()) {
                try {
                    all.get(REPORT_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException stillRunning) {
                    System.out.printf("  %.0f s: %d batches stocked%n", seconds(start),
                            stocked.values().stream().mapToInt(Integer::intValue).sum());
                }
            }
            all.get();
            return completions.stream().mapToDouble(CompletableFuture::join).max().orElseThrow();
        } finally {
            followers.shutdownNow();
        }
    }

    /** Reads the job's progress stream until it ends; answers the seconds since start at its last document. */
    private double follow(String job, int codesPerFile, Map<String, Integer> stocked, long start) {
        HttpRequest events = HttpRequest.newBuilder(URI.create(LocalPlatform.INGEST + "/api/v1/uploads/" + job + "/events"))
                .header("Authorization", "Bearer " + platform.token())
                .header("Accept", "text/event-stream")
                .build();
        String last = null;
        double at = 0;
        try {
            HttpResponse<Stream<String>> stream = http.send(events, HttpResponse.BodyHandlers.ofLines());
            for (Iterator<String> lines = stream.body().iterator(); lines.hasNext(); ) {
                String line = lines.next();
                if (line.startsWith("data:")) {
                    last = line;
                    at = seconds(start);
                    stocked.put(job, Integer.parseInt(field(BATCHES_STOCKED, line)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (last == null || !"completed".equals(field(STATUS, last))
                || Long.parseLong(field(ACCEPTED, last)) != codesPerFile) {
            throw new IllegalStateException("upload " + job + " did not stock every code: " + last);
        }
        return at;
    }

    /** {@code psql \copy} into a table made LIKE promo_codes (columns, defaults, identity, indexes), timed alone. */
    private static double copy(String postgres, Path rows) throws IOException, InterruptedException {
        psql(postgres, "DROP SCHEMA IF EXISTS upload_bench CASCADE",
                "CREATE SCHEMA upload_bench",
                "CREATE TABLE " + SCRATCH + " (LIKE public.promo_codes INCLUDING ALL)");
        try {
            long start = System.nanoTime();
            psql(postgres, "\\copy " + SCRATCH + " (campaign_id, code, platform, upload_id) FROM '" + rows
                    + "' WITH (FORMAT csv)");
            return seconds(start);
        } finally {
            psql(postgres, "DROP SCHEMA upload_bench CASCADE");
        }
    }

    private static void psql(String postgres, String... commands) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("psql", "-q", "-v", "ON_ERROR_STOP=1", postgres,
                "-c", "SET client_min_messages = warning"));
        for (String sql : commands) {
            command.add("-c");
            command.add(sql);
        }
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + String.join(" ", commands));
        }
    }

    private HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + platform.token())
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected answer: " + body);
        }
        return matcher.group(1);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
