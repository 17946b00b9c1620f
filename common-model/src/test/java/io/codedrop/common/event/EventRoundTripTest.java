package io.codedrop.common.event;

import io.codedrop.common.Platform;
import io.codedrop.common.serde.CampaignEventDeserializer;
import io.codedrop.common.serde.CodeBatchEventDeserializer;
import io.codedrop.common.serde.CodeRequestEventDeserializer;
import io.codedrop.common.serde.CodeStatusEventDeserializer;
import io.codedrop.common.serde.EventSerializer;
import io.codedrop.common.serde.StockEventDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventRoundTripTest {
    private static final UUID CAMPAIGN = UUID.randomUUID();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final EventSerializer serializer = new EventSerializer();

    @Test
    void campaignEventSurvivesTheWire() {
        CampaignSnapshot snapshot = new CampaignSnapshot(CAMPAIGN, "Launch", "desc", "Space Game",
                CampaignStatus.ACTIVE, NOW, NOW.plus(30, ChronoUnit.DAYS), 1, 500,
                Map.of("apple_app_id", "123456"), "dev-1", null, Set.of("dev-1"), Set.of("dev-1", "dev-2"), NOW, NOW);
        CampaignEvent event = CampaignEvent.of(snapshot);

        String json = wire(event);

        assertTrue(json.contains("\"app_name\":\"Space Game\""), json);
        assertTrue(json.contains("\"status\":\"active\""), json);
        assertEquals(event, roundTrip(event, new CampaignEventDeserializer()));
    }

    @Test
    void codeBatchEventSurvivesTheWire() {
        CodeBatchEvent event = CodeBatchEvent.of(CAMPAIGN, UUID.randomUUID(), 3, List.of(
                new BatchCode("ABC-123", Platform.IOS, NOW, 2, Map.of("tier", "gold")),
                new BatchCode("XYZ_789", Platform.STEAM, null, 3, Map.of())));

        assertTrue(wire(event).contains("\"platform\":\"iOS\""));
        assertEquals(event, roundTrip(event, new CodeBatchEventDeserializer()));
    }

    @Test
    void stockEventSurvivesTheWireWithPlatformKeysAsSpelled() {
        StockEvent event = StockEvent.stocked(CAMPAIGN, UUID.randomUUID(), 0,
                Map.of(Platform.IOS, new StockCount(900, 100), Platform.ANDROID, new StockCount(10, 0)));

        String json = wire(event);

        assertTrue(json.contains("\"iOS\":{\"accepted\":900,\"duplicates\":100}"), json);
        assertEquals(event, roundTrip(event, new StockEventDeserializer()));
        assertEquals(910, event.accepted());
        assertEquals(100, event.duplicates());
    }

    @Test
    void rejectedStockEventSurvivesTheWire() {
        StockEvent event = StockEvent.rejected(CAMPAIGN, UUID.randomUUID(), 1, "campaign_unknown");

        assertTrue(wire(event).contains("\"outcome\":\"rejected\""));
        assertEquals(event, roundTrip(event, new StockEventDeserializer()));
    }

    @Test
    void codeRequestEventSurvivesTheWire() {
        CodeRequestEvent event = CodeRequestEvent.of(CAMPAIGN, UUID.randomUUID(), Platform.ANDROID,
                RequestStatus.NO_CODES_AVAILABLE, null, false, "DE", NOW);

        assertTrue(wire(event).contains("\"status\":\"no_codes_available\""));
        assertEquals(event, roundTrip(event, new CodeRequestEventDeserializer()));
    }

    @Test
    void codeStatusEventSurvivesTheWire() {
        CodeStatusEvent event = CodeStatusEvent.of(CAMPAIGN, CodeStatusChange.EXPIRED, Map.of(Platform.WEB, 42));

        assertTrue(wire(event).contains("\"change\":\"expired\""));
        assertEquals(event, roundTrip(event, new CodeStatusEventDeserializer()));
        assertEquals(42, event.total());
    }

    @Test
    void everyEventCarriesTheEnvelopeMembers() {
        String json = wire(CodeStatusEvent.of(CAMPAIGN, CodeStatusChange.REDEEMED, Map.of()));

        for (String member : List.of("event_id", "type", "version", "occurred_at", "campaign_id")) {
            assertTrue(json.contains("\"" + member + "\""), member + " missing in " + json);
        }
    }

    @Test
    void tombstoneStaysNull() {
        assertNull(serializer.serialize("campaigns", null));
        assertNull(new CampaignEventDeserializer().deserialize("campaigns", null));
    }

    private String wire(Object event) {
        return new String(serializer.serialize("t", event), StandardCharsets.UTF_8);
    }

    private <T> T roundTrip(T event, Deserializer<T> deserializer) {
        return deserializer.deserialize("t", serializer.serialize("t", event));
    }
}
