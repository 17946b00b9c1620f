package io.codedrop.campaign;

import io.codedrop.infra.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Kafka broker that a test can stop and start again: same ports, same cluster id, same log
 * directory, so clients see the broker go away and come back, as in an outage.
 */
public class RestartableKafkaResource implements QuarkusTestResourceLifecycleManager {
    private static final String CLUSTER_ID = Uuid.randomUuid().toString();
    private static int port;
    private static int controllerPort;
    private static Path logDir;
    private static EmbeddedKafkaBroker broker;
    private static KafkaCompanion companion;

    @Override
    public Map<String, String> start() {
        port = FreePorts.next();
        controllerPort = FreePorts.next();
        try {
            logDir = Files.createTempDirectory("kafka-outage");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startBroker();
        companion = new KafkaCompanion(bootstrapServers());
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        companion.close();
        stopBroker();
        try (Stream<Path> files = Files.walk(logDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized void startBroker() {
        broker = new EmbeddedKafkaBroker()
                .withKafkaPort(port)
                .withControllerPort(controllerPort)
                .withClusterId(CLUSTER_ID)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(properties -> {
                    properties.put("log.dir", logDir.toString());
                    properties.put("num.partitions", "2");
                    properties.put("group.initial.rebalance.delay.ms", "0");
                    properties.put("offsets.topic.num.partitions", "2");
                })
                .start();
    }

    static synchronized void stopBroker() {
        if (broker != null && broker.isRunning()) {
            broker.close();
        }
    }

    static String bootstrapServers() {
        return "localhost:" + port;
    }

    static KafkaCompanion companion() {
        return companion;
    }
}
