package io.codedrop.analytics;

import io.codedrop.testing.KafkaResource;
import io.codedrop.testing.PostgresResource;
import io.codedrop.testing.RedisResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Real PostgreSQL, Kafka, Redis and an OIDC server, started once for all of this module's tests. */
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "analytics"))
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = RedisResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
