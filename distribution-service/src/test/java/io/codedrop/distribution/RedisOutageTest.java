package io.codedrop.distribution;

import io.codedrop.common.Platform;
import io.codedrop.common.event.CampaignSnapshot;
import io.codedrop.testing.CampaignFixtures;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fail open: without Redis the limits are not counted, and codes keep going out. */
@QuarkusTest
@TestProfile(LimitsProfile.class)
class RedisOutageTest {
    @Inject
    MeterRegistry registry;

    @Inject
    ReactiveRedisDataSource redis;

    @Test
    void claimsGoOnWithoutLimitsWhileRedisIsDownAndTheLimitsComeBackWithIt() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        Stocking.stock(campaign.id(), Platform.ANDROID, Stocking.codes("OUTAGE", 20));
        Client client = Client.fresh();
        double uncheckedBefore = unchecked();

        RestartableRedisResource.stopServer();
        try {
            for (int i = 0; i < 7; i++) {
                client.claim(campaign.id(), "outage-" + i).statusCode(200);
            }
        } finally {
            RestartableRedisResource.startServer();
        }
        redis.execute("PING").await().atMost(Duration.ofSeconds(10));

        assertTrue(unchecked() - uncheckedBefore >= 7, "every unchecked claim is counted");
        Client after = Client.fresh();
        for (int i = 0; i < 5; i++) {
            after.claim(campaign.id(), "after-" + i).statusCode(200);
        }
        after.claim(campaign.id(), "after-5").statusCode(429);
    }

    @Test
    void theCampaignPageAnswersFromThePoolsWhileRedisIsDown() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        Stocking.stock(campaign.id(), Platform.ANDROID, Stocking.codes("PAGE", 4));
        Client client = Client.fresh();
        client.claim(campaign.id(), "page-1").statusCode(200);

        RestartableRedisResource.stopServer();
        try {
            client.describe(campaign.id())
                    .statusCode(200)
                    .body("platforms.find { it.platform == 'Android' }.available", equalTo(3));
        } finally {
            RestartableRedisResource.startServer();
        }
        redis.execute("PING").await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void aRedisThatDoesNotAnswerDelaysNoClaimBeyondTheTimeout() {
        CampaignSnapshot campaign = Stocking.campaign(CampaignFixtures.active("owner"));
        Stocking.stock(campaign.id(), Platform.ANDROID, Stocking.codes("PAUSED", 5));
        Client client = Client.fresh();
        double uncheckedBefore = unchecked();

        // a real Redis that stops answering every client for ten seconds
        redis.execute("CLIENT", "PAUSE", "10000").await().atMost(Duration.ofSeconds(5));
        long millis;
        try {
            long started = System.nanoTime();
            client.claim(campaign.id(), "impatient").statusCode(200);
            millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        } finally {
            redis.execute("PING").await().atMost(Duration.ofSeconds(15));
        }

        // the limits and the available counts each waited their timeout (2 s here), not the pause
        assertTrue(millis < 8000, "answered after " + millis + " ms, not after the pause");
        assertTrue(unchecked() > uncheckedBefore);
    }

    private double unchecked() {
        return registry.counter("codedrop.abuse.unchecked").count();
    }
}
