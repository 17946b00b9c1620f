package io.codedrop.distribution;

import io.codedrop.testing.KafkaResource;
import io.codedrop.testing.PostgresResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import java.util.List;
import java.util.Map;

/**
 * The module's infrastructure with a Redis the test may stop, the SPEC's rate limits and the default
 * fraud thresholds (the other tests run with them out of the way), and X-Forwarded-For trusted from
 * loopback so that each test acts from addresses of its own.
 */
public class LimitsProfile implements QuarkusTestProfile {
    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(PostgresResource.class, Map.of("database", "distribution"), true),
                new TestResourceEntry(KafkaResource.class, Map.of(), true),
                new TestResourceEntry(RestartableRedisResource.class, Map.of(), true),
                new TestResourceEntry(OidcWiremockTestResource.class, Map.of(), true));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "codedrop.rate-limit.claims", "5",
                "codedrop.rate-limit.requests", "100",
                "codedrop.fraud.max-devices-per-ip", "20",
                "codedrop.fraud.max-campaigns", "5",
                "codedrop.fraud.max-burst", "10",
                "codedrop.redis.timeout", "2s",
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true",
                "quarkus.http.proxy.trusted-proxies", "127.0.0.0/8,::1/128");
    }
}
