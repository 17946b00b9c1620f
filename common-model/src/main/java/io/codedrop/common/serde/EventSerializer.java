package io.codedrop.common.serde;

import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for every event record; a null value stays null (a tombstone). */
public class EventSerializer implements Serializer<Object> {
    @Override
    public byte[] serialize(String topic, Object event) {
        return event == null ? null : EventJson.write(event);
    }
}
