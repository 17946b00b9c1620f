package io.codedrop.campaign;

import io.codedrop.testing.PostgresResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import java.util.List;
import java.util.Map;

/** The module's infrastructure, but with a Kafka broker the test may stop and start. */
public class BrokerOutageProfile implements QuarkusTestProfile {
    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(PostgresResource.class, Map.of("database", "campaign"), true),
                new TestResourceEntry(RestartableKafkaResource.class, Map.of(), true),
                new TestResourceEntry(OidcWiremockTestResource.class, Map.of(), true));
    }
}
