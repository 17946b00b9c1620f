package io.codedrop.distribution;

import io.codedrop.common.Platform;
import io.codedrop.common.Topics;
import io.codedrop.common.event.BatchCode;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.common.event.CodeBatchEvent;
import io.codedrop.testing.CampaignFixtures;
import io.codedrop.testing.EventSerdes;
import io.codedrop.testing.KafkaResource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Test helpers that act as campaign-service and ingest-service do: publish a campaign, send code batches.
 * Their polls come from fresh addresses, so they never use up a test client's request limit (LimitsProfile).
 */
final class Stocking {
    private Stocking() {
    }

    /**
     * Publishes the campaign and waits until distribution serves it; the first campaign on a fresh
     * broker waits for the consumer group to form, which took over 20 s on a busy machine.
     */
    static CampaignSnapshot campaign(CampaignSnapshot campaign) {
        CampaignFixtures.publish(campaign);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("X-Forwarded-For", Client.fresh().ip())
                .get("/api/v1/distribute/" + campaign.id())
                .then().statusCode(200)
                .body("status", equalTo(campaign.status().wireName())));
        return campaign;
    }

    static List<String> codes(String prefix, int count) {
        List<String> codes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            codes.add("%s-%05d".formatted(prefix, i));
        }
        return codes;
    }

    static CodeBatchEvent batch(UUID campaignId, UUID uploadId, int seq, Platform platform, List<String> codes,
                                Instant expiresAt) {
        List<BatchCode> batch = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            batch.add(new BatchCode(codes.get(i), platform, expiresAt, i + 1, Map.of()));
        }
        return CodeBatchEvent.of(campaignId, uploadId, seq, batch);
    }

    static void send(CodeBatchEvent batch) {
        KafkaResource.companion()
                .produce(Serdes.String(), EventSerdes.of(CodeBatchEvent.class))
                .fromRecords(new ProducerRecord<>(Topics.CODE_BATCHES, batch.campaignId().toString(), batch))
                .awaitCompletion(Duration.ofSeconds(10));
    }

    /** Stocks codes for one platform and waits until they are available. */
    static void stock(UUID campaignId, Platform platform, List<String> codes) {
        send(batch(campaignId, UUID.randomUUID(), 0, platform, codes, null));
        awaitAvailable(campaignId, platform, codes.size());
    }

    static void awaitAvailable(UUID campaignId, Platform platform, int available) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("X-Forwarded-For", Client.fresh().ip())
                .get("/api/v1/distribute/" + campaignId)
                .then().statusCode(200)
                .body("platforms.find { it.platform == '%s' }.available".formatted(platform.label()),
                        equalTo(available)));
    }
}
