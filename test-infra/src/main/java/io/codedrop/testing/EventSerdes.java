package io.codedrop.testing;

import io.codedrop.common.serde.EventJson;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Kafka serdes for the event records, in the services' wire format, for tests that use the Kafka companion. */
public final class EventSerdes {
    private EventSerdes() {
    }

    public static <T> Serde<T> of(Class<T> type) {
        return Serdes.serdeFrom(
                (topic, event) -> event == null ? null : EventJson.write(event),
                (topic, bytes) -> bytes == null ? null : EventJson.read(bytes, type));
    }
}
