package io.codedrop.ingest;

import io.codedrop.common.event.CodeBatchEvent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ProgressStreamTest {
    @TestHTTPResource("/api/v1/uploads/")
    URI uploads;

    @Test
    void theStreamShowsEachStockedBatchAndEndsWhenTheJobCompletes() {
        Jobs jobs = Jobs.ofNewCampaign();
        UUID upload = jobs.upload(StockingTest.codes("P", 2100), "iOS");
        List<CodeBatchEvent> batches = FakeDistribution.batches(upload, 3);

        SseReader stream = SseReader.open(uploads.resolve(upload + "/events"), jobs.token());
        await().atMost(Duration.ofSeconds(20)).until(() -> stream.statuses().contains("stocking"));
        FakeDistribution.stock(batches.get(0));
        await().atMost(Duration.ofSeconds(20)).until(() -> stream.events.stream()
                .anyMatch(event -> event.getInt("accepted") == 1000));
        FakeDistribution.stock(batches.get(1));
        FakeDistribution.stock(batches.get(2));

        int status = stream.ended.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        assertEquals(200, status);
        assertEquals("completed", stream.statuses().get(stream.statuses().size() - 1));
        assertEquals(2100, stream.events.get(stream.events.size() - 1).getInt("accepted"));
        assertEquals(stream.events.size(), stream.events.stream().map(event -> event.getString("updated_at")
                + event.getInt("accepted")).distinct().count(), "an event is sent only when the job changed");
    }

    @Test
    void aFinishedJobsStreamSendsItsStateAndEnds() {
        Jobs jobs = Jobs.ofNewCampaign();
        UUID upload = jobs.upload("code\nBAD CODE\n", "Web");

        SseReader stream = SseReader.open(uploads.resolve(upload + "/events"), jobs.token());

        stream.ended.orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join();
        assertEquals(List.of("completed"), stream.statuses());
        assertEquals(1, stream.events.get(0).getInt("invalid"));
    }
}
