package io.codedrop.ingest;

import io.codedrop.common.event.CodeBatchEvent;
import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LargeUploadTest {
    private static final Logger LOG = Logger.getLogger(LargeUploadTest.class);

    @Test
    void aHundredThousandCodesGoOutInAHundredBatchesAndAllCount() {
        Jobs jobs = Jobs.ofNewCampaign();
        String body = StockingTest.codes("BULK-CODE", 100_000);

        long start = System.nanoTime();
        UUID upload = jobs.upload(body, "Android");
        LOG.infof("a 100 000-code upload (%d bytes) was accepted in %d ms", body.length(),
                (System.nanoTime() - start) / 1_000_000);

        List<CodeBatchEvent> batches = FakeDistribution.batches(upload, 100);
        assertEquals(100, batches.size());
        assertTrue(batches.stream().allMatch(batch -> batch.codes().size() == 1000));
        batches.forEach(FakeDistribution::stock);
        jobs.awaitStatus(upload, "completed");
        assertEquals(100_000, jobs.job(upload).getInt("accepted"));
    }
}
