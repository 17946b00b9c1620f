package io.codedrop.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codedrop.infra.FreePorts;
import io.codedrop.infra.LocalInfra;
import io.codedrop.infra.LocalKafka;
import io.codedrop.infra.LocalPostgres;
import io.codedrop.infra.LocalRedis;
import io.codedrop.infra.LocalTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform as it ships: the four packaged services, each its own process, on one real PostgreSQL
 * (a database each), one Kafka broker and one Redis, all on free ports. The journey goes through the
 * public HTTP APIs only — never a database, topic or cache — so it proves the services and the events
 * between them fit together: what a developer uploads is what end users get, and what they did is
 * what the statistics say.
 */
class PlatformJourneyIT {
    // deadlines, not pauses: a quiet machine is ready in seconds; one shared with other builds may need minutes
    private static final Duration STARTUP = Duration.ofMinutes(6);
    private static final Duration PIPELINE = Duration.ofMinutes(2);
    /** Low enough for one shared address to run out within the journey; documented in distribution's README. */
    private static final int CLAIMS_PER_IP = 3;
    private static final String IPHONE_APP = "CodeDropDemo/2.1 CFNetwork/1494.0.7 Darwin/23.4.0";
    private static final String DESKTOP_BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String APPLE_APP_ID = "1234567890";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;

    private static final List<AutoCloseable> running = new ArrayList<>();
    private static LocalTokenIssuer tokens;
    private static ServiceProcess campaign;
    private static ServiceProcess distribution;
    private static ServiceProcess ingest;
    private static ServiceProcess analytics;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void startPlatform() throws Exception {
        CompletableFuture<LocalPostgres> postgresStart = CompletableFuture.supplyAsync(() -> LocalPostgres.start(0));
        CompletableFuture<LocalKafka> kafkaStart = CompletableFuture.supplyAsync(() -> LocalKafka.start(FreePorts.next(), 2));
        CompletableFuture<LocalRedis> redisStart = CompletableFuture.supplyAsync(() -> LocalRedis.start(0));
        LocalPostgres postgres = started(postgresStart);
        LocalKafka kafka = started(kafkaStart);
        LocalRedis redis = started(redisStart);
        LocalInfra.DATABASES.forEach(postgres::createDatabase);
        tokens = new LocalTokenIssuer(home);
        tokens.ensureKeys();

        Path root = Path.of(System.getProperty("codedrop.root", "..")).toAbsolutePath().normalize();
        Path logs = root.resolve("e2e-tests/target/e2e-logs");
        // started together: each migrates its own database, and waiting on all four at once is the shortest wall time
        campaign = service(root, logs, "campaign", postgres, kafka, redis, Map.of());
        // the limits fail open when Redis answers slower than 100 ms, which a busy build machine can make it do:
        // a generous wait keeps the rate-limited step about the limit, not about the machine's load
        distribution = service(root, logs, "distribution", postgres, kafka, redis, Map.of(
                "CODEDROP_RATE_LIMIT_CLAIMS", String.valueOf(CLAIMS_PER_IP),
                "CODEDROP_REDIS_TIMEOUT", "5s"));
        ingest = service(root, logs, "ingest", postgres, kafka, redis, Map.of());
        analytics = service(root, logs, "analytics", postgres, kafka, redis, Map.of());
        Stream.of(campaign, distribution, ingest, analytics).parallel().forEach(service -> service.awaitReady(STARTUP));
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void developerCampaignFromUploadToClaimsRedemptionPauseAndStatistics() throws Exception {
        // 1. the developer signs in: the token is all the services need, the profile is provisioned on first use
        String email = "studio-" + UUID.randomUUID() + "@example.com";
        String token = tokens.mint(email, "Journey Studio", Set.of(), Duration.ofHours(1));
        JsonNode me = body(send(developer(token, campaign.url("/api/v1/developers/me")).GET()), 200);
        assertEquals(email, me.path("email").asText());

        // 2. a campaign, with the App Store id its iOS redeem links need
        String create = JSON.writeValueAsString(Map.of(
                "name", "Summer launch",
                "app_name", "Journey Quest",
                "expires_at", Instant.now().plus(7, ChronoUnit.DAYS).toString(),
                "max_claims_per_user", 1,
                "metadata", Map.of("apple_app_id", APPLE_APP_ID)));
        HttpResponse<String> created = send(developer(token, campaign.url("/api/v1/campaigns"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(create)));
        JsonNode campaignDoc = body(created, 201);
        String campaignId = campaignDoc.path("id").asText();
        assertEquals("active", campaignDoc.path("status").asText());
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/v1/campaigns/" + campaignId));

        // 3. codes for two platforms: five iOS, five Web, a row twice and a row ingest must refuse
        StringBuilder csv = new StringBuilder("code,platform\n");
        for (int i = 1; i <= 5; i++) {
            csv.append("IOS-E2E-000").append(i).append(",iOS\n");
        }
        for (int i = 1; i <= 5; i++) {
            csv.append("WEB-E2E-000").append(i).append(",Web\n");
        }
        csv.append("IOS-E2E-0001,iOS\n").append("NOT A CODE!,Web\n");
        // ingest learns of the campaign from the campaigns topic: until then it does not know the developer manages it
        await("ingest knows the campaign").atMost(PIPELINE).pollInterval(Duration.ofMillis(250)).until(() ->
                send(developer(token, ingest.url("/api/v1/uploads?campaign_id=" + campaignId)).GET()).statusCode() == 200);
        HttpResponse<String> uploaded = send(developer(token,
                ingest.url("/api/v1/uploads?campaign_id=" + campaignId + "&file_name=summer.csv"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv.toString())));
        String uploadId = body(uploaded, 202).path("upload_id").asText();

        // 4. the developer watches the upload on its progress stream until distribution has stocked every batch
        List<JsonNode> progress = uploadProgress(token, uploadId);
        assertEquals("completed", progress.get(progress.size() - 1).path("status").asText(), progress.toString());
        JsonNode upload = body(send(developer(token, ingest.url("/api/v1/uploads/" + uploadId)).GET()), 200);
        assertEquals("completed", upload.path("status").asText());
        assertEquals(12, upload.path("rows").asInt());
        assertEquals(10, upload.path("accepted").asInt());
        assertEquals(1, upload.path("duplicates").asInt());
        assertEquals(1, upload.path("invalid").asInt());
        assertEquals("code_invalid_characters", upload.path("errors").path(0).path("reason").asText());
        assertEquals(upload.path("batches").asInt(), upload.path("batches_stocked").asInt());
        await("codes on offer").atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertEquals(Map.of("iOS", 5, "Web", 5), available(campaignId)));

        // 5. end users: an iPhone app sends its device id and retries; the platform comes from the User-Agent
        JsonNode ana = body(claim(campaignId, IPHONE_APP, "203.0.113.1", "{\"device_id\":\"iphone-ana\"}", null), 200);
        assertTrue(ana.path("success").asBoolean());
        assertEquals("iOS", ana.path("platform").asText());
        assertEquals("IOS-E2E-0001", ana.path("code").asText(), "first uploaded, first handed out");
        assertEquals("Journey Quest", ana.path("campaign").path("app_name").asText());
        assertTrue(ana.path("redeem_url").asText().contains("id=" + APPLE_APP_ID + "&code=IOS-E2E-0001"),
                ana.path("redeem_url").asText());
        JsonNode anaRetry = body(claim(campaignId, IPHONE_APP, "203.0.113.1", "{\"device_id\":\"iphone-ana\"}", null), 200);
        assertEquals("IOS-E2E-0001", anaRetry.path("code").asText(), "a retry returns the same code");
        JsonNode ben = body(claim(campaignId, IPHONE_APP, "203.0.113.2", "{\"device_id\":\"iphone-ben\"}", null), 200);
        assertEquals("IOS-E2E-0002", ben.path("code").asText());

        // ... a desktop browser gets a Web code and a cookie that brings the same code back on its next visit
        HttpResponse<String> browser = claim(campaignId, DESKTOP_BROWSER, "203.0.113.3", "{}", null);
        JsonNode web = body(browser, 200);
        assertEquals("Web", web.path("platform").asText());
        assertEquals("WEB-E2E-0001", web.path("code").asText());
        String cookie = browser.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        assertTrue(cookie.startsWith("codedrop_device="), cookie);
        HttpResponse<String> revisit = claim(campaignId, DESKTOP_BROWSER, "203.0.113.3", "{}", cookie);
        assertEquals("WEB-E2E-0001", body(revisit, 200).path("code").asText());
        assertTrue(revisit.headers().firstValue("Set-Cookie").isEmpty(), "a known browser keeps its cookie");

        // 6. four browsers behind one café address: the fourth claim of the hour from it is rate limited
        for (int i = 2; i <= CLAIMS_PER_IP + 1; i++) {
            JsonNode guest = body(claim(campaignId, DESKTOP_BROWSER, "198.51.100.7", "{}", null), 200);
            assertEquals("WEB-E2E-000" + i, guest.path("code").asText());
        }
        HttpResponse<String> limited = claim(campaignId, DESKTOP_BROWSER, "198.51.100.7", "{}", null);
        JsonNode refused = problem(limited, 429);
        assertEquals("rate_limited", refused.path("reason").asText());
        assertFalse(refused.path("success").asBoolean(true));
        assertTrue(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()) > 0);

        // 7. the developer's server redeems Ana's code once; a second redemption is refused
        String redeem = JSON.writeValueAsString(Map.of("code", "IOS-E2E-0001", "device_id", "iphone-ana"));
        JsonNode redeemed = body(send(developer(token, distribution.url("/api/v1/codes/redeem"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(redeem))), 200);
        assertTrue(redeemed.path("success").asBoolean());
        assertEquals("IOS-E2E-0001", redeemed.path("code").asText());
        assertEquals(campaignId, redeemed.path("campaign_id").asText());
        JsonNode again = problem(send(developer(token, distribution.url("/api/v1/codes/redeem"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(redeem))), 409);
        assertEquals("already_redeemed", again.path("reason").asText());

        // 8. the developer pauses the campaign; once distribution has the change, claims stop
        JsonNode paused = body(send(developer(token, campaign.url("/api/v1/campaigns/" + campaignId))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"paused\"}"))), 200);
        assertEquals("paused", paused.path("status").asText());
        await("distribution sees the pause").atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).until(() ->
                "paused".equals(body(send(HttpRequest.newBuilder(URI.create(distribution.url("/api/v1/distribute/" + campaignId)))
                        .header("X-Forwarded-For", "192.0.2.11").GET()), 200).path("status").asText()));
        JsonNode stopped = problem(claim(campaignId, IPHONE_APP, "203.0.113.4", "{\"device_id\":\"iphone-cara\"}", null), 409);
        assertEquals("campaign_inactive", stopped.path("reason").asText());

        // 9. the statistics tell the journey: 10 codes, 6 people served, 8 answered claims, 1 limited, 1 refused as paused
        await("campaign statistics").atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode stats = body(send(developer(token, analytics.url("/api/v1/analytics/campaigns/" + campaignId)).GET()), 200);
            assertEquals("Summer launch", stats.path("name").asText());
            assertEquals(10, stats.path("total_codes").asInt(), stats.toString());
            assertEquals(6, stats.path("used_codes").asInt(), stats.toString());
            assertEquals(0, stats.path("expired_codes").asInt(), stats.toString());
            assertEquals(4, stats.path("remaining_codes").asInt(), stats.toString());
            assertEquals(60.0, stats.path("usage_rate").asDouble(), 0.001, stats.toString());
            assertEquals(Map.of("iOS", List.of(5, 2), "Web", List.of(5, 4)), breakdown(stats), stats.toString());
            assertEquals(Map.of("fulfilled", 8, "rate_limited", 1, "campaign_inactive", 1, "blocked", 0,
                    "no_codes_available", 0), ints(stats.path("requests")), stats.toString());
            int usedByDay = 0;
            for (JsonNode day : stats.path("daily_usage")) {
                usedByDay += day.path("used").asInt();
            }
            assertEquals(6, usedByDay, stats.toString());
        });
        await("campaign counts").atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode counts = body(send(developer(token, campaign.url("/api/v1/campaigns/" + campaignId)).GET()), 200);
            assertEquals("paused", counts.path("status").asText());
            assertEquals(10, counts.path("total_codes").asInt(), counts.toString());
            assertEquals(6, counts.path("used_codes").asInt(), counts.toString());
            assertEquals(4, counts.path("remaining_codes").asInt(), counts.toString());
            assertEquals(60.0, counts.path("usage_percentage").asDouble(), 0.001, counts.toString());
        });

        // 10. platform report over the developer's campaigns: iOS 4 requests (3 served), Web 6 (5 served)
        await("platform statistics").atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode report = body(send(developer(token, analytics.url("/api/v1/analytics/platforms")).GET()), 200);
            Map<String, List<Integer>> requests = new HashMap<>();
            for (JsonNode item : report.path("items")) {
                requests.merge(item.path("platform").asText(),
                        List.of(item.path("total_requests").asInt(), item.path("fulfilled_requests").asInt()),
                        (a, b) -> List.of(a.get(0) + b.get(0), a.get(1) + b.get(1)));
            }
            assertEquals(Map.of("iOS", List.of(4, 3), "Web", List.of(6, 5)), requests, report.toString());
        });
    }

    private static <T extends AutoCloseable> T started(CompletableFuture<T> start) throws Exception {
        T server = start.get(120, TimeUnit.SECONDS);
        running.add(server);
        return server;
    }

    private static ServiceProcess service(Path root, Path logs, String name, LocalPostgres postgres, LocalKafka kafka,
                                          LocalRedis redis, Map<String, String> extra) {
        // the same environment ./codedrop up gives each service
        Map<String, String> environment = new HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(name),
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(name),
                "QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USER,
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "QUARKUS_REDIS_HOSTS", redis.url(),
                "QUARKUS_OIDC_PUBLIC_KEY", tokens.publicKey(),
                "QUARKUS_OIDC_TOKEN_ISSUER", LocalTokenIssuer.ISSUER,
                "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true",
                "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true",
                // CIDR: a bare ::1 is looked up in DNS and stalls requests
                "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "127.0.0.0/8,::1/128"));
        environment.putAll(extra);
        ServiceProcess service = ServiceProcess.start(root, name + "-service", FreePorts.next(), logs, environment);
        running.add(service);
        return service;
    }

    private HttpRequest.Builder developer(String token, String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    /** An end user's claim from {@code clientIp} (as the trusted proxy reports it), with a browser cookie if it has one. */
    private HttpResponse<String> claim(String campaignId, String userAgent, String clientIp, String body, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(distribution.url("/api/v1/distribute/" + campaignId)))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("User-Agent", userAgent)
                .header("X-Forwarded-For", clientIp)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request);
    }

    private Map<String, Integer> available(String campaignId) {
        JsonNode campaignView = body(send(HttpRequest.newBuilder(URI.create(distribution.url("/api/v1/distribute/" + campaignId)))
                .header("X-Forwarded-For", "192.0.2.10").GET()), 200);
        Map<String, Integer> available = new HashMap<>();
        campaignView.path("platforms").forEach(platform ->
                available.put(platform.path("platform").asText(), platform.path("available").asInt()));
        return available;
    }

    /** The job documents the progress stream sends, up to the last one (it ends once the job is finished). */
    private List<JsonNode> uploadProgress(String token, String uploadId) throws Exception {
        HttpRequest request = developer(token, ingest.url("/api/v1/uploads/" + uploadId + "/events"))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> stream = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(PIPELINE.toSeconds(), TimeUnit.SECONDS);
        assertEquals(200, stream.statusCode());
        CompletableFuture<List<JsonNode>> documents = CompletableFuture.supplyAsync(() -> {
            List<JsonNode> seen = new ArrayList<>();
            try (Stream<String> lines = stream.body()) {
                lines.filter(line -> line.startsWith("data:")).map(line -> read(line.substring(5).trim()))
                        .peek(seen::add)
                        .anyMatch(document -> Set.of("completed", "failed").contains(document.path("status").asText()));
            }
            return seen;
        });
        List<JsonNode> seen = documents.get(PIPELINE.toSeconds(), TimeUnit.SECONDS);
        assertFalse(seen.isEmpty(), "the progress stream sent no document");
        return seen;
    }

    private static Map<String, List<Integer>> breakdown(JsonNode stats) {
        Map<String, List<Integer>> platforms = new HashMap<>();
        stats.path("platform_breakdown").properties().forEach(entry -> platforms.put(entry.getKey(),
                List.of(entry.getValue().path("total").asInt(), entry.getValue().path("used").asInt())));
        return platforms;
    }

    private static Map<String, Integer> ints(JsonNode object) {
        Map<String, Integer> values = new HashMap<>();
        object.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asInt()));
        return values;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode body(HttpResponse<String> response, int expectedStatus) {
        assertEquals(expectedStatus, response.statusCode(), () -> response.request().method() + " "
                + response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        return read(response.body());
    }

    /** A refusal: the expected status, as an RFC 9457 problem document. */
    private static JsonNode problem(HttpResponse<String> response, int expectedStatus) {
        JsonNode problem = body(response, expectedStatus);
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("")
                .split(";")[0].trim());
        assertEquals(expectedStatus, problem.path("status").asInt());
        assertNotNull(problem.get("type"), problem.toString());
        return problem;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
