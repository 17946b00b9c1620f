package io.codedrop.testing;

import io.codedrop.infra.LocalKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import java.util.Map;

/** A real Kafka broker (KRaft, in the test JVM) on a free port. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {
    private static LocalKafka broker;
    private static KafkaCompanion companion;

    @Override
    public Map<String, String> start() {
        broker = LocalKafka.start(0, 2);
        companion = new KafkaCompanion(broker.bootstrapServers());
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        companion.close();
        broker.close();
    }

    /** A producer/consumer toolkit on the test broker, for tests that publish or read records themselves. */
    public static KafkaCompanion companion() {
        return companion;
    }

    public static String bootstrapServers() {
        return broker.bootstrapServers();
    }
}
