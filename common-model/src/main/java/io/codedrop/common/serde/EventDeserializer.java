package io.codedrop.common.serde;

import org.apache.kafka.common.serialization.Deserializer;

/** Kafka value deserializer for one event type; a tombstone deserializes to null. */
public abstract class EventDeserializer<T> implements Deserializer<T> {
    private final Class<T> type;

    protected EventDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return data == null ? null : EventJson.read(data, type);
    }
}
