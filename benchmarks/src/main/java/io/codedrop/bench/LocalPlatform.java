package io.codedrop.bench;

import io.codedrop.common.Platform;
import io.codedrop.common.Topics;
import io.codedrop.common.event.BatchCode;
import io.codedrop.common.event.CodeBatchEvent;
import io.codedrop.common.serde.EventSerializer;
import io.codedrop.infra.LocalTokenIssuer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The platform started by {@code ./codedrop up}, driven through its public APIs like a developer would. */
final class LocalPlatform {
    static final int DISTRIBUTION_PORT = 8080;
    static final String DISTRIBUTION = "http://localhost:" + DISTRIBUTION_PORT;
    static final String CAMPAIGNS = "http://localhost:8081";
    static final String INGEST = "http://localhost:8082";
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern AVAILABLE = Pattern.compile("\"available\":(\\d+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String token;
    private final String kafka;

    LocalPlatform(Path home, String kafka) {
        this(home, kafka, "bench@codedrop.local");
    }

    /** As the developer with this email: per-developer limits (uploads per minute) start afresh for a new one. */
    LocalPlatform(Path home, String kafka, String email) {
        this.token = new LocalTokenIssuer(home).mint(email, "Bench", Set.of(), Duration.ofHours(1));
        this.kafka = kafka;
    }

    /** The developer's bearer token, for the APIs this class does not wrap. */
    String token() {
        return token;
    }

    UUID createCampaign(String name) throws IOException, InterruptedException {
        String body = """
                {"name":"%s","app_name":"Benchmark","expires_at":"%s"}"""
                .formatted(name, Instant.now().plus(1, ChronoUnit.DAYS));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(CAMPAIGNS + "/api/v1/campaigns"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("campaign not created: " + created.body());
        }
        Matcher id = ID.matcher(created.body());
        id.find();
        return UUID.fromString(id.group(1));
    }

    /** Stocks codes as ingest does, by publishing code batches of 1 000, and waits until they are available. */
    void stock(UUID campaignId, Platform platform, int count) throws IOException, InterruptedException {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024), new StringSerializer(), new EventSerializer())) {
            UUID upload = UUID.randomUUID();
            for (int batch = 0; batch * 1000 < count; batch++) {
                List<BatchCode> codes = new ArrayList<>();
                for (int i = batch * 1000; i < Math.min(count, (batch + 1) * 1000); i++) {
                    codes.add(new BatchCode("B%07d%s".formatted(i, campaignId.toString().substring(0, 6)), platform,
                            null, i + 1, Map.of()));
                }
                producer.send(new ProducerRecord<>(Topics.CODE_BATCHES, campaignId.toString(),
                        CodeBatchEvent.of(campaignId, upload, batch, codes)));
            }
        }
        Instant deadline = Instant.now().plusSeconds(300);
        while (available(campaignId) < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("codes not stocked in time");
            }
            Thread.sleep(250);
        }
    }

    long available(UUID campaignId) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                URI.create(DISTRIBUTION + "/api/v1/distribute/" + campaignId)).build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            return -1;
        }
        Matcher available = AVAILABLE.matcher(page.body());
        long total = 0;
        while (available.find()) {
            total += Long.parseLong(available.group(1));
        }
        return total;
    }
}
