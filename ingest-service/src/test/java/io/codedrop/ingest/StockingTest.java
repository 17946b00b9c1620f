package io.codedrop.ingest;

import io.codedrop.common.event.CodeBatchEvent;
import io.codedrop.common.event.StockEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class StockingTest {
    @Test
    void aJobCompletesOnlyOnceDistributionHasStockedEveryBatch() {
        Jobs jobs = Jobs.ofNewCampaign();
        UUID upload = jobs.upload(codes("A", 2500), "Android");
        List<CodeBatchEvent> batches = FakeDistribution.batches(upload, 3);
        assertEquals(List.of(1000, 1000, 500), batches.stream().map(batch -> batch.codes().size()).toList());

        FakeDistribution.stock(batches.get(0));
        FakeDistribution.stock(batches.get(2));
        awaitCounts(jobs, upload, "stocking", 1500, 2);

        FakeDistribution.stock(batches.get(1));
        awaitCounts(jobs, upload, "completed", 2500, 3);
    }

    @Test
    void aRedeliveredStockEventChangesNothing() {
        Jobs jobs = Jobs.ofNewCampaign();
        UUID upload = jobs.upload(codes("R", 1500), "Web");
        List<CodeBatchEvent> batches = FakeDistribution.batches(upload, 2);

        StockEvent first = FakeDistribution.stock(batches.get(0));
        FakeDistribution.send(first);
        FakeDistribution.send(StockEvent.stocked(first.campaignId(), upload, 0, first.platforms()));
        awaitCounts(jobs, upload, "stocking", 1000, 1);
        FakeDistribution.stock(batches.get(1));

        awaitCounts(jobs, upload, "completed", 1500, 2);
        FakeDistribution.send(first);
        jobs.awaitStatus(upload, "completed");
        assertEquals(1500, jobs.job(upload).getInt("accepted"));
    }

    @Test
    void codesTheCampaignAlreadyHasComeBackAsDuplicates() {
        Jobs jobs = Jobs.ofNewCampaign();
        UUID first = jobs.upload(codes("D", 10), "Steam");
        FakeDistribution.stock(FakeDistribution.batches(first, 1).get(0));
        jobs.awaitStatus(first, "completed");

        UUID second = jobs.upload(codes("D", 15) + "D-1\n", "Steam");
        FakeDistribution.stock(FakeDistribution.batches(second, 1).get(0));

        jobs.awaitStatus(second, "completed");
        JsonPath job = jobs.job(second);
        assertEquals(16, job.getInt("rows"));
        assertEquals(5, job.getInt("accepted"));
        assertEquals(11, job.getInt("duplicates"), "10 the campaign had, 1 twice in the file");
    }

    @Test
    void aRejectedBatchFailsTheJobWithDistributionsReason() {
        Jobs jobs = Jobs.ofNewCampaign();
        UUID upload = jobs.upload(codes("X", 1200), "Web");
        List<CodeBatchEvent> batches = FakeDistribution.batches(upload, 2);

        FakeDistribution.stock(batches.get(0));
        FakeDistribution.send(StockEvent.rejected(jobs.campaign.id(), upload, 1, "campaign_deleted"));

        jobs.awaitStatus(upload, "failed");
        JsonPath job = jobs.job(upload);
        assertEquals("distribution rejected batch 1: campaign_deleted", job.getString("failure_reason"));
        assertEquals(1000, job.getInt("accepted"));
    }

    @Test
    void stockEventsOfUnknownJobsAreIgnored() {
        Jobs jobs = Jobs.ofNewCampaign();
        UUID upload = jobs.upload(codes("U", 3), "Web");
        CodeBatchEvent batch = FakeDistribution.batches(upload, 1).get(0);

        FakeDistribution.send(StockEvent.rejected(jobs.campaign.id(), UUID.randomUUID(), 0, "campaign_unknown"));
        FakeDistribution.stock(batch);

        jobs.awaitStatus(upload, "completed");
        assertTrue(jobs.job(upload).getString("failure_reason") == null);
    }

    private static void awaitCounts(Jobs jobs, UUID upload, String status, int accepted, int batchesStocked) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> jobs.request()
                .get("/api/v1/uploads/" + upload)
                .then().statusCode(200)
                .body("status", equalTo(status))
                .body("accepted", equalTo(accepted))
                .body("batches_stocked", equalTo(batchesStocked)));
    }

    static String codes(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).collect(Collectors.joining("\n", "", "\n"));
    }
}
