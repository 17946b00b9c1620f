package io.codedrop.ingest;

import io.codedrop.common.event.BatchCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class RowErrorsTest {
    private static final String EVERY_REASON = """
            code,platform,expires_at,note
            GOOD-1,iOS,2099-01-01,
            =HYPERLINK(1),iOS,,
            GOOD-2,iOS,,@SUM(A1)
            ,iOS,,
            ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ,iOS,,
            BAD CODE,iOS,,
            GOOD-3,Switch,,
            GOOD-4,,,
            GOOD-5,iOS,31/12/2099,
            GOOD-6,iOS,2001-01-01,
            GOOD-7,android,,
            GOOD-1,iOS,,
            GOOD-7,Android,,
            """;

    @Inject
    MeterRegistry registry;

    @Test
    void everyBadRowIsReportedWithItsReasonAndTheGoodRowsStillGoIn() {
        Jobs jobs = Jobs.ofNewCampaign();
        double invalidBefore = rows("invalid");
        double duplicatesBefore = rows("duplicate");

        UUID upload = jobs.upload(EVERY_REASON + "LONG-" + "X".repeat(5000) + ",iOS,,\n", null);

        JsonPath job = jobs.job(upload);
        assertEquals(14, job.getInt("rows"));
        assertEquals(10, job.getInt("invalid"));
        assertEquals(2, job.getInt("duplicates"));
        assertEquals(List.of(3, 4, 5, 6, 7, 8, 9, 10, 11, 15), job.getList("errors.row"));
        assertEquals(List.of("formula_injection", "formula_injection", "code_missing", "code_too_long",
                "code_invalid_characters", "platform_unknown", "platform_missing", "expires_at_invalid",
                "expires_at_past", "line_too_long"), job.getList("errors.reason"));
        assertEquals(Map.of("row", 3, "code_masked", "=HY***(1)", "reason", "formula_injection"),
                job.getMap("errors[0]"));
        List<BatchCode> stocked = FakeDistribution.batches(upload, 1).get(0).codes();
        assertEquals(List.of("GOOD-1", "GOOD-7"), stocked.stream().map(BatchCode::code).toList());
        assertEquals(10, rows("invalid") - invalidBefore);
        assertEquals(2, rows("duplicate") - duplicatesBefore);
    }

    @Test
    void errorsCsvListsEveryBadRowWithFormulasDefused() {
        Jobs jobs = Jobs.ofNewCampaign();
        String body = "code\n" + IntStream.range(0, 1500).mapToObj(i -> "BAD CODE " + i)
                .collect(Collectors.joining("\n")) + "\n=CMD()\nOK-1\n";
        UUID upload = jobs.upload(body, "Web");

        JsonPath job = jobs.job(upload);
        assertEquals(1501, job.getInt("invalid"));
        assertEquals(100, job.getList("errors").size());

        String csv = jobs.request().get("/api/v1/uploads/" + upload + "/errors.csv")
                .then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("upload-" + upload + "-errors.csv"))
                .body(startsWith("row,code_masked,reason\r\n2,BAD***E 0,code_invalid_characters\r\n"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(1502, lines.size());
        assertEquals("1502,'=***),formula_injection", lines.get(1501));
    }

    @Test
    void anotherDevelopersUploadAnswersNotFound() {
        Jobs jobs = Jobs.ofNewCampaign();
        UUID upload = jobs.upload("code\nA-1\n", "Web");
        Jobs stranger = Jobs.ofNewCampaign();

        stranger.request().get("/api/v1/uploads/" + upload).then().statusCode(404);
        stranger.request().get("/api/v1/uploads/" + upload + "/errors.csv").then().statusCode(404)
                .contentType("application/problem+json");
        stranger.request().get("/api/v1/uploads/" + upload + "/events").then().statusCode(404);
        jobs.request().get("/api/v1/uploads/" + UUID.randomUUID()).then().statusCode(404)
                .body("title", equalTo("Not Found"));
    }

    private double rows(String outcome) {
        Counter counter = registry.find("codedrop.ingest.rows").tags("kind", "upload", "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
