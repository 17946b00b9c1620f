package io.codedrop.ingest;

import io.codedrop.common.Platform;
import io.codedrop.common.event.BatchCode;
import io.codedrop.common.event.CodeBatchEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class UploadFormatsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "generic.csv,         text/csv,                  ,    csv,             4, ",
            "generic-semicolon.csv, text/csv,                ,    csv,             3, ",
            "steam-keys.txt,      text/plain,                ,    steam_keys,      4, Steam",
            "codes.txt,           text/plain,                Web, lines,           3, Web",
            "google-play.csv,     text/csv,                  ,    google_play,     3, Android",
            "app-store.csv,       text/csv,                  ,    app_store,       2, iOS",
            "microsoft-store.tsv, text/tab-separated-values, ,    microsoft_store, 2, Windows"})
    void eachStoresExportIsRecognisedSentToDistributionAndCompletedOnceStocked(
            String sample, String type, String platform, String format, int codes, String stockedAs)
            throws IOException {
        Jobs jobs = Jobs.ofNewCampaign();

        var request = jobs.request().contentType(type).body(sample(sample))
                .queryParam("campaign_id", jobs.campaign.id());
        if (platform != null) {
            request.queryParam("platform", platform);
        }
        var accepted = request.post("/api/v1/uploads").then().statusCode(202)
                .body("status", equalTo("stocking"))
                .extract();
        UUID upload = UUID.fromString(accepted.path("upload_id"));
        assertTrue(accepted.header("Location").endsWith("/api/v1/uploads/" + upload));

        JsonPath job = jobs.job(upload);
        assertEquals(format, job.getString("format"));
        assertEquals(codes, job.getInt("rows"));
        assertEquals(0, job.getInt("invalid"));
        CodeBatchEvent batch = FakeDistribution.batches(upload, 1).get(0);
        assertEquals(codes, batch.codes().size());
        assertEquals(jobs.campaign.id(), batch.campaignId());
        if (stockedAs != null) {
            assertTrue(batch.codes().stream().allMatch(code -> code.platform() == Platform.parse(stockedAs)));
        }

        FakeDistribution.stock(batch);

        jobs.awaitStatus(upload, "completed");
        assertEquals(codes, jobs.job(upload).getInt("accepted"));
    }

    @Test
    void genericCsvReachesDistributionWithRowsPlatformsExpiryAndMetadata() throws IOException {
        Jobs jobs = Jobs.ofNewCampaign();

        UUID upload = UUID.fromString(jobs.request().contentType("text/csv").body(sample("generic.csv"))
                .queryParam("campaign_id", jobs.campaign.id())
                .post("/api/v1/uploads").then().statusCode(202).extract().path("upload_id"));

        List<BatchCode> codes = FakeDistribution.batches(upload, 1).get(0).codes();
        assertEquals(new BatchCode("GEN-0001", Platform.IOS, Instant.parse("2100-01-01T00:00:00Z"), 2,
                Map.of("tier", "gold", "note", "launch, week one")), codes.get(0));
        assertEquals(List.of(Platform.IOS, Platform.ANDROID, Platform.STEAM, Platform.WEB),
                codes.stream().map(BatchCode::platform).toList());
    }

    @Test
    void aFormUploadTakesItsPlatformAndExpiryFieldsAndKeepsTheFileName() throws IOException {
        Jobs jobs = Jobs.ofNewCampaign();

        UUID upload = UUID.fromString(jobs.request()
                .multiPart("platform", "ios")
                .multiPart("expires_at", "2099-05-01")
                .multiPart("file", "launch-codes.txt", sample("codes.txt"), "text/plain")
                .queryParam("campaign_id", jobs.campaign.id())
                .post("/api/v1/uploads").then().statusCode(202).extract().path("upload_id"));

        assertEquals("launch-codes.txt", jobs.job(upload).getString("file_name"));
        List<BatchCode> codes = FakeDistribution.batches(upload, 1).get(0).codes();
        assertEquals(3, codes.size());
        assertTrue(codes.stream().allMatch(code -> code.platform() == Platform.IOS
                && Instant.parse("2099-05-02T00:00:00Z").equals(code.expiresAt())));
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = UploadFormatsTest.class.getResourceAsStream("/samples/" + name)) {
            return in.readAllBytes();
        }
    }
}
