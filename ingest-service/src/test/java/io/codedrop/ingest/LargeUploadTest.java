package io.codedrop.ingest;

import io.codedrop.common.event.CodeBatchEvent;
import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
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
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        System.gc();
        long before = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);

        long start = System.nanoTime();
        UUID upload = jobs.upload(body, "Android");
        long millis = (System.nanoTime() - start) / 1_000_000;

        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        LOG.infof("100 000-code upload (%d bytes) accepted in %d ms; heap %d MB before, peak %d MB during",
                body.length(), millis, before >> 20, peak >> 20);
        List<CodeBatchEvent> batches = FakeDistribution.batches(upload, 100);
        assertEquals(100, batches.size());
        assertTrue(batches.stream().allMatch(batch -> batch.codes().size() == 1000));
        batches.forEach(FakeDistribution::stock);
        jobs.awaitStatus(upload, "completed");
        assertEquals(100_000, jobs.job(upload).getInt("accepted"));
    }
}
