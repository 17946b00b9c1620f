package io.codedrop.infra;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/** A real single-node Kafka broker in KRaft mode, running inside this JVM. */
public final class LocalKafka implements AutoCloseable {
    private final EmbeddedKafkaBroker broker;

    private LocalKafka(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    /** Starts a broker on {@code port}, or on a free port when it is 0. */
    public static LocalKafka start(int port, int partitions) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withDeleteLogDirsOnClose(true)
                .withAdditionalProperties(properties -> {
                    properties.put("num.partitions", String.valueOf(partitions));
                    properties.put("group.initial.rebalance.delay.ms", "0");
                    properties.put("offsets.topic.num.partitions", "4");
                    properties.put("transaction.state.log.replication.factor", "1");
                    properties.put("transaction.state.log.min.isr", "1");
                });
        if (port > 0) {
            broker.withKafkaPort(port);
        }
        broker.start();
        return new LocalKafka(broker);
    }

    public String bootstrapServers() {
        return broker.getAdvertisedListeners();
    }

    @Override
    public void close() {
        broker.close();
    }
}
