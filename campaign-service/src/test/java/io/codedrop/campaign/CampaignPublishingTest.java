package io.codedrop.campaign;

import io.codedrop.common.Topics;
import io.codedrop.common.event.CampaignEvent;
import io.codedrop.testing.EventSerdes;
import io.codedrop.testing.KafkaResource;
import io.codedrop.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CampaignPublishingTest {
    @Test
    void createdCampaignReachesTheCampaignsTopicThroughTheOutbox() {
        String subject = UUID.randomUUID().toString();
        String token = Tokens.forDeveloper(subject, subject + "@example.com");
        String body = """
                {"name":"Launch week","app_name":"Space Game","expires_at":"%s","metadata":{"apple_app_id":"123"}}"""
                .formatted(Instant.now().plus(7, ChronoUnit.DAYS));

        var created = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/campaigns")
                .then().statusCode(201)
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/campaigns/" + id));

        ConsumerTask<String, CampaignEvent> topic = KafkaResource.companion()
                .consume(Serdes.String(), EventSerdes.of(CampaignEvent.class))
                .fromTopics(Topics.CAMPAIGNS);
        ConsumerRecord<String, CampaignEvent> record = await().atMost(Duration.ofSeconds(15))
                .until(() -> topic.getRecords().stream().filter(r -> id.equals(r.key())).findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        topic.close();
        assertEquals("Launch week", record.value().campaign().name());
        assertEquals("123", record.value().campaign().metadata().get("apple_app_id"));
        assertEquals(subject, record.value().campaign().ownerSubject());
    }
}
