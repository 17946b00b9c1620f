package io.codedrop.campaign;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

@QuarkusTest
@TestProfile(BrokerOutageProfile.class)
class OutboxBrokerOutageTest {
    @Inject
    Pool database;

    @Test
    void snapshotWrittenWhileKafkaIsDownIsDeliveredOnceItIsBack() {
        TestDeveloper owner = TestDeveloper.signIn();
        String id;
        RestartableKafkaResource.stopBroker();
        try {
            id = Campaigns.create(owner);
            // the relay is woken at once and every second; its sends time out after 5 s and the rows stay
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(12))
                    .until(() -> outboxRows(id) == 1);
        } finally {
            RestartableKafkaResource.startBroker();
        }

        CampaignsTopic.awaitRecords(RestartableKafkaResource.companion(), id, events -> events.size() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> outboxRows(id) == 0);
    }

    private long outboxRows(String campaignId) {
        return database.preparedQuery("SELECT count(*) FROM outbox WHERE message_key = $1")
                .execute(Tuple.of(campaignId))
                .await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}
