package io.codedrop.testing;

import io.codedrop.infra.LocalKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import java.util.Map;

/** A real Kafka broker (KRaft, in the test JVM) on a free port. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {
    private static AutoCloseable broker;
    private static String bootstrapServers;
    private static KafkaCompanion companion;

    @Override
    public Map<String, String> start() {
        if (InfraMode.containers()) {
            Containers.Started started = Containers.kafka();
            broker = started.container();
            bootstrapServers = started.config().get("kafka.bootstrap.servers");
        } else {
            LocalKafka local = LocalKafka.start(0, 2);
            broker = local;
            bootstrapServers = local.bootstrapServers();
        }
        companion = new KafkaCompanion(bootstrapServers);
        return Map.of("kafka.bootstrap.servers", bootstrapServers);
    }

    @Override
    public void stop() {
        companion.close();
        try {
            broker.close();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not stop", e);
        }
    }

    /** A producer/consumer toolkit on the test broker, for tests that publish or read records themselves. */
    public static KafkaCompanion companion() {
        return companion;
    }

    public static String bootstrapServers() {
        return bootstrapServers;
    }
}
