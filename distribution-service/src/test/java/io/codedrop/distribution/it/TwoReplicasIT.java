package io.codedrop.distribution.it;

import io.codedrop.common.Platform;
import io.codedrop.common.Topics;
import io.codedrop.common.event.BatchCode;
import io.codedrop.common.event.CampaignEvent;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.common.event.CodeBatchEvent;
import io.codedrop.common.event.CodeRequestEvent;
import io.codedrop.infra.FreePorts;
import io.codedrop.infra.LocalKafka;
import io.codedrop.infra.LocalPostgres;
import io.codedrop.infra.LocalRedis;
import io.codedrop.infra.LocalTokenIssuer;
import io.codedrop.testing.CampaignFixtures;
import io.codedrop.testing.EventSerdes;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two packaged distribution-service processes on one database, one broker and one Redis: the
 * guarantees must hold across replicas, and events must survive the broker going away.
 */
class TwoReplicasIT {
    private static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]+)\"");

    @TempDir
    static Path home;

    private static LocalPostgres postgres;
    private static LocalKafka kafka;
    private static LocalRedis redis;
    private static int kafkaPort;
    private static ServiceProcess first;
    private static ServiceProcess second;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void startPlatform() {
        postgres = LocalPostgres.start(0);
        postgres.createDatabase("distribution");
        kafkaPort = FreePorts.next();
        kafka = LocalKafka.start(kafkaPort, 2);
        redis = LocalRedis.start(0);
        LocalTokenIssuer tokens = new LocalTokenIssuer(home);
        tokens.ensureKeys();
        Map<String, String> environment = Map.ofEntries(
                Map.entry("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl("distribution")),
                Map.entry("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("distribution")),
                Map.entry("QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USER),
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()),
                Map.entry("QUARKUS_REDIS_HOSTS", redis.url()),
                Map.entry("QUARKUS_OIDC_PUBLIC_KEY", tokens.publicKey()),
                Map.entry("QUARKUS_OIDC_TOKEN_ISSUER", LocalTokenIssuer.ISSUER),
                // a crowd of a thousand from one address: the per-IP limits and checks are turned up as in local mode
                Map.entry("CODEDROP_RATE_LIMIT_CLAIMS", "1000000"),
                Map.entry("CODEDROP_RATE_LIMIT_REQUESTS", "1000000"),
                Map.entry("CODEDROP_FRAUD_MAX_DEVICES_PER_IP", "1000000"),
                Map.entry("CODEDROP_FRAUD_MAX_CAMPAIGNS", "1000000"),
                Map.entry("CODEDROP_FRAUD_MAX_BURST", "1000000"));
        first = ServiceProcess.start("replica-1", FreePorts.next(), environment);
        second = ServiceProcess.start("replica-2", FreePorts.next(), environment);
        // two JVMs starting side by side on a busy 2-core machine have taken over 100 s
        first.awaitReady(Duration.ofSeconds(180));
        second.awaitReady(Duration.ofSeconds(180));
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        for (AutoCloseable running : new AutoCloseable[]{first, second, kafka, redis, postgres}) {
            if (running != null) {
                running.close();
            }
        }
    }

    @Test
    void aThousandUsersAcrossTwoReplicasShareThreeHundredCodesExactly() throws Exception {
        CampaignSnapshot campaign = publishCampaign();
        stock(campaign.id(), 300);

        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ServiceProcess replica = i % 2 == 0 ? first : second;
            pending.add(claimAsync(replica, campaign.id(), "crowd-" + i));
        }
        List<HttpResponse<String>> responses = pending.stream().map(CompletableFuture::join).toList();

        Map<Integer, Long> byStatus = responses.stream()
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertEquals(Map.of(200, 300L, 409, 700L), byStatus);
        List<String> codes = new ArrayList<>();
        responses.forEach(response -> {
            Matcher matcher = CODE.matcher(response.body());
            if (matcher.find()) {
                codes.add(matcher.group(1));
            }
        });
        assertEquals(300, new HashSet<>(codes).size());
        assertEquals(300, scalar("SELECT count(DISTINCT code_id) FROM claims WHERE campaign_id = '" + campaign.id() + "'"));
        assertEquals(0, scalar("SELECT count(*) FROM (SELECT user_id FROM claims WHERE campaign_id = '"
                + campaign.id() + "' GROUP BY user_id HAVING count(*) > 1) twice"));
    }

    @Test
    void oneUserOnBothReplicasAtOnceGetsOneCode() throws Exception {
        CampaignSnapshot campaign = publishCampaign();
        stock(campaign.id(), 50);

        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pending.add(claimAsync(i % 2 == 0 ? first : second, campaign.id(), "one-person"));
        }
        List<HttpResponse<String>> responses = pending.stream().map(CompletableFuture::join).toList();

        responses.forEach(response -> assertEquals(200, response.statusCode(), response.body()));
        assertEquals(1, responses.stream().map(HttpResponse::body).distinct().count());
        assertEquals(1, scalar("SELECT count(*) FROM claims WHERE campaign_id = '" + campaign.id() + "'"));
    }

    @Test
    void claimEventsMadeWhileTheBrokerIsDownArriveWhenItIsBack() throws Exception {
        CampaignSnapshot campaign = publishCampaign();
        stock(campaign.id(), 10);

        kafka.close();
        for (int i = 0; i < 5; i++) {
            assertEquals(200, claimAsync(first, campaign.id(), "offline-" + i).join().statusCode());
        }
        assertTrue(scalar("SELECT count(*) FROM outbox WHERE topic = 'code-requests'") >= 5,
                "claims while the broker is down wait in the outbox");

        kafka = LocalKafka.start(kafkaPort, 2);
        try (KafkaCompanion companion = new KafkaCompanion(kafka.bootstrapServers())) {
            ConsumerTask<String, CodeRequestEvent> events = companion
                    .consume(Serdes.String(), EventSerdes.of(CodeRequestEvent.class))
                    .fromTopics(Topics.CODE_REQUESTS);
            await().atMost(Duration.ofSeconds(60)).until(() -> events.getRecords().stream()
                    .filter(record -> campaign.id().equals(record.value().campaignId())).count() == 5);
            events.close();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> scalar("SELECT count(*) FROM outbox") == 0);
    }

    private CampaignSnapshot publishCampaign() {
        CampaignSnapshot campaign = CampaignFixtures.active("owner");
        try (KafkaCompanion companion = new KafkaCompanion(kafka.bootstrapServers())) {
            companion.produce(Serdes.String(), EventSerdes.of(CampaignEvent.class))
                    .fromRecords(new ProducerRecord<>(Topics.CAMPAIGNS, campaign.id().toString(), CampaignEvent.of(campaign)))
                    .awaitCompletion(Duration.ofSeconds(20));
        }
        return campaign;
    }

    private void stock(UUID campaignId, int count) {
        List<BatchCode> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            codes.add(new BatchCode("R%04d-%s".formatted(i, campaignId.toString().substring(0, 8)), Platform.ANDROID,
                    null, i + 1, Map.of()));
        }
        try (KafkaCompanion companion = new KafkaCompanion(kafka.bootstrapServers())) {
            companion.produce(Serdes.String(), EventSerdes.of(CodeBatchEvent.class))
                    .fromRecords(new ProducerRecord<>(Topics.CODE_BATCHES, campaignId.toString(),
                            CodeBatchEvent.of(campaignId, UUID.randomUUID(), 0, codes)))
                    .awaitCompletion(Duration.ofSeconds(20));
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                scalar("SELECT coalesce(sum(available), 0) FROM code_pools WHERE campaign_id = '" + campaignId + "'") == count);
    }

    private CompletableFuture<HttpResponse<String>> claimAsync(ServiceProcess replica, UUID campaignId, String device) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(replica.url("/api/v1/distribute/" + campaignId)))
                .header("Content-Type", "application/json")
                .header("User-Agent", "CodeDropIT/1.0")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString("{\"platform\":\"Android\",\"device_id\":\"" + device + "\"}"))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long scalar(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("distribution"), LocalPostgres.USER, "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
